// jsonl_dom_writer.hpp: the JSONL writer as it was before issue 13, kept
// only for tests: it built each output object as an nlohmann::ordered_json
// value and serialised it with to_json_text(). cmd/jsonl_writer.cpp now
// appends the same bytes by hand (cmd/json_out.hpp), and
// jsonl_writer_test.cpp checks that the two agree byte for byte.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "../../cmd/writer.hpp"
#include "../../eval/json_spans.hpp"
#include "../../eval/text_format.hpp"

namespace demarche::cli::reference {
inline Json object_with_room(std::size_t fields) {
  Json object = Json::object();
  object.get_ref<Json::object_t&>().reserve(fields);
  return object;
}

// The value a plugin gave `key` on `event` (the last, when several did, as
// for the attributes), or empty: an event's source or target.
inline std::string_view attribute_value(const Event& event, std::string_view key) {
  for (auto it = event.attributes.rbegin(); it != event.attributes.rend(); ++it) {
    if (it->key == key) return it->value;
  }
  return {};
}

// A string, or null when it is empty.
inline Json optional_json(std::string_view value) {
  return value.empty() ? Json(nullptr) : Json(std::string(value));
}

class DomJsonlWriter final : public Writer {
 public:
  DomJsonlWriter(std::ostream& out, ReportOptions options) : out_(out), options_(options) {}

  // The DOM is built from the whole record: the parts are gathered into a
  // copy of it (this is a reference for tests, not meant to be lean).
  void open_record(const Record&) override { sentences_.clear(); }
  void write_sentence(const Record&, std::size_t, const SentenceResult& sentence) override {
    sentences_.push_back(sentence);
  }
  void close_record(const Record& record, std::size_t) override {
    Record whole = record;
    whole.sentences = std::move(sentences_);
    write_whole(whole);
  }

 private:
  void write_whole(const Record& record) {
    buffer_.clear();
    if (record.shape == Shape::kDocument) {
      append_line(document(record));
    } else if (!record.input_error.empty()) {
      Json object = head(record);
      object["error"] = record.input_error;
      append_line(object);
    } else {
      for (std::size_t i = 0; i < record.sentences.size(); ++i) {
        Json object = head(record);
        add_sentence_fields(object, record.text, i, record.sentences[i]);
        append_line(object);
      }
    }
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

  void append_line(const Json& object) {
    buffer_ += to_json_text(object);
    buffer_ += '\n';
  }

  // `{"id":...` and, for lines read from several inputs, the input's name.
  static Json head(const Record& record) {
    // Room for the fields added after these: a sentence's (at most 8) or a
    // document's pass-through fields, sentences and error.
    const std::size_t passed = record.passthrough.is_object() ? record.passthrough.size() : 0;
    Json object = object_with_room(2 + (record.shape == Shape::kDocument ? passed + 2 : 8));
    object["id"] = record.id;
    if (record.name_source) object["file"] = record.source;
    return object;
  }

  Json document(const Record& record) const {
    Json object = head(record);
    if (record.passthrough.is_object()) {
      for (const auto& [key, value] : record.passthrough.items()) object[key] = value;
    }
    Json sentences = Json::array();
    sentences.get_ref<Json::array_t&>().reserve(record.sentences.size());
    for (std::size_t i = 0; i < record.sentences.size(); ++i) {
      Json sentence = object_with_room(8);
      add_sentence_fields(sentence, record.text, i, record.sentences[i]);
      sentences.push_back(std::move(sentence));
    }
    object["sentences"] = std::move(sentences);
    if (!record.input_error.empty()) object["error"] = record.input_error;
    return object;
  }

  void add_sentence_fields(Json& object, std::string_view text, std::size_t index,
                           const SentenceResult& sentence) const {
    object["sentence"] = index;
    object["start"] = sentence.span.begin;
    object["end"] = sentence.span.end;
    object["text"] = sentence.text;
    Json events = Json::array();
    for (const Event& event : sentence.events) {
      if (is_reported(event, options_)) events.push_back(event_json(text, event));
    }
    object["events"] = std::move(events);
    if (options_.explain) object["cancelled"] = cancelled_json(text, sentence.cancelled);
    if (!sentence.ok()) object["error"] = sentence.error;
  }

  Json event_json(std::string_view text, const Event& event) const {
    Json object = object_with_room(8);
    object["type"] = event.type;
    object["confidence"] = round_score(event.confidence);
    if (options_.explain) {
      object["prior"] = round_score(event.prior);
      object["log_odds"] = round_score(event.log_odds);
    }
    Json evidence_list = Json::array();
    for (const Evidence& evidence : event.evidence) {
      if (is_shown(evidence, options_)) evidence_list.push_back(evidence_json(text, evidence));
    }
    object["evidence"] = std::move(evidence_list);
    // Plugins' key=value facts; of two plugins giving one key, the later wins.
    Json attributes = Json::object();
    for (const Attribute& attribute : event.attributes) attributes[attribute.key] = attribute.value;
    object["attributes"] = std::move(attributes);
    // Who did it and to whom (the actors plugin's source= and target=),
    // lifted out of the attributes so that every event has both fields:
    // null when no plugin said.
    object["source"] = optional_json(attribute_value(event, "source"));
    object["target"] = optional_json(attribute_value(event, "target"));
    return object;
  }

  Json evidence_json(std::string_view text, const Evidence& evidence) const {
    Json object = object_with_room(8);
    object["rule"] = evidence.rule_id;
    object["spans"] = spans_json(evidence.spans);
    object["matched"] = matched_json(text, evidence.spans);
    if (!evidence.plugin_note.empty()) object["plugin_note"] = evidence.plugin_note;
    if (options_.explain) {
      object["weight"] = round_score(evidence.weight);
      object["contribution"] = round_score(evidence.contribution);
      object["counted"] = evidence.counted;
      if (!evidence.note.empty()) object["note"] = evidence.note;
    }
    return object;
  }

  static Json cancelled_json(std::string_view text, const std::vector<Cancellation>& cancelled) {
    Json list = Json::array();
    for (const Cancellation& c : cancelled) {
      Json object = object_with_room(6);
      object["rule"] = c.rule_id;
      object["type"] = c.event_type;
      object["spans"] = spans_json(c.spans);
      object["matched"] = matched_json(text, c.spans);
      object["unless_spans"] = spans_json(c.unless_spans);
      object["unless_matched"] = matched_json(text, c.unless_spans);
      if (!c.missing_role.empty()) object["missing_role"] = c.missing_role;
      list.push_back(std::move(object));
    }
    return list;
  }

  std::ostream& out_;
  ReportOptions options_;
  std::string buffer_;  // the output lines of one record; reused for the whole run
  std::vector<SentenceResult> sentences_;  // of the record being written
};

inline std::unique_ptr<Writer> make_dom_jsonl_writer(std::ostream& out, ReportOptions options) {
  return std::make_unique<DomJsonlWriter>(out, options);
}

}  // namespace demarche::cli::reference
