// --format jsonl: one JSON object per line, fields in the documented order.
// The text is appended straight to one reused buffer with json_out.hpp (no
// Json value is built per record: that cost more than classifying), which
// writes the bytes nlohmann's dump would and replaces ill-formed UTF-8 in the
// input's text by U+FFFD. The lines of one input record are handed to the
// stream in one write, or in blocks of about 1 MiB for a huge one.
#include <algorithm>
#include <string_view>

#include "json_out.hpp"
#include "text_format.hpp"
#include "writer.hpp"

namespace demarche::cli {
namespace {

// Field names as string_views, whose length is known where they are
// written: appended as `const char*` they were measured with strlen each
// time (strlen alone was 0.3% of a run's instructions over generated news).
using namespace std::string_view_literals;

// The value a plugin gave `key` on `event` (the last, when several did, as
// for the attributes), or null: an event's source or target.
const std::string* attribute_value(const Event& event, std::string_view key) {
  for (auto it = event.attributes.rbegin(); it != event.attributes.rend(); ++it) {
    if (it->key == key) return &it->value;
  }
  return nullptr;
}

// A score as every JSON output shows it (round_score).
void append_score(std::string& out, double value) {
  append_json_double(out, round_score(value));
}

// `,"spans":[[begin,end],...],"matched":["...",...]`: the byte offsets of
// `spans` and the text under them, as json_spans.hpp gives them to `eval`;
// `prefix` goes before both names ("unless_").
void append_spans_and_matched(std::string& out, std::string_view text,
                              const std::vector<Span>& spans, std::string_view prefix = {}) {
  out += ",\""sv;
  out += prefix;
  out += "spans\":["sv;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    out += i == 0 ? "["sv : ",["sv;
    append_json_size(out, spans[i].begin);
    out += ',';
    append_json_size(out, spans[i].end);
    out += ']';
  }
  out += "],\""sv;
  out += prefix;
  out += "matched\":["sv;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (i != 0) out += ',';
    append_json_string(out, span_text(text, spans[i]));
  }
  out += ']';
}

// The pass-through field named `key` of a jsonl record, or null (always for
// the other shapes, which pass nothing through).
const Json* passed_field(const Record& record, std::string_view key) {
  if (record.shape != Shape::kDocument || !record.passthrough.is_object()) return nullptr;
  const auto it = record.passthrough.find(key);
  return it == record.passthrough.end() ? nullptr : &*it;
}

class JsonlWriter final : public Writer {
 public:
  JsonlWriter(std::ostream& out, ReportOptions options) : out_(out), options_(options) {}

  void open_record(const Record& record) override {
    buffer_.clear();
    if (record.shape == Shape::kDocument) {
      append_head(record);
      error_written_ = false;
      append_passthrough(record, Part::kBeforeSentences);
      buffer_ += ",\"sentences\":["sv;
    } else if (!record.input_error.empty()) {
      append_head(record);
      buffer_ += ",\"error\":"sv;
      append_json_string(buffer_, record.input_error);
      buffer_ += "}\n"sv;
    }
  }

  void write_sentence(const Record& record, std::size_t index,
                      const SentenceResult& sentence) override {
    if (record.shape == Shape::kDocument) {
      buffer_ += index == 0 ? "{"sv : ",{"sv;
      append_sentence_fields(record.text, index, sentence);
      buffer_ += '}';
    } else if (record.input_error.empty()) {  // else its one line is the error's
      append_head(record);
      buffer_ += ',';
      append_sentence_fields(record.text, index, sentence);
      buffer_ += "}\n"sv;
    }
    spill_if_full(out_, buffer_);
  }

  void close_record(const Record& record, std::size_t) override {
    if (record.shape == Shape::kDocument) {
      buffer_ += ']';
      append_passthrough(record, Part::kAfterSentences);
      if (!error_written_ && !record.input_error.empty()) {
        buffer_ += ",\"error\":"sv;
        append_json_string(buffer_, record.input_error);
      }
      buffer_ += "}\n"sv;
    }
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

 private:
  // `{"id":...` and, for lines read from several inputs, the input's name.
  // In a jsonl record a pass-through field called id or file stands in their
  // place, as it did when the output was a Json object (the jsonl reader
  // drops id, but a Record may hold anything).
  void append_head(const Record& record) {
    buffer_ += "{\"id\":"sv;
    const Json* id = passed_field(record, "id");
    append_json_value(buffer_, id != nullptr ? *id : record.id);
    if (!record.name_source) return;
    buffer_ += ",\"file\":"sv;
    if (const Json* file = passed_field(record, "file"); file != nullptr) {
      append_json_value(buffer_, *file);
    } else {
      append_json_string(buffer_, record.source);
    }
  }

  // A jsonl record is the head, the pass-through fields in input order, the
  // sentences and the input error. A pass-through field named sentences
  // says where the sentences go (after all the others without one); one
  // named error holds the input error in its place (the reader drops both,
  // see above).
  enum class Part { kBeforeSentences, kAfterSentences };

  void append_passthrough(const Record& record, Part part) {
    if (!record.passthrough.is_object()) return;
    bool after_sentences = false;
    for (const auto& [key, value] : record.passthrough.items()) {
      if (key == "sentences") {
        if (part == Part::kBeforeSentences) return;
        after_sentences = true;
        continue;
      }
      if (after_sentences != (part == Part::kAfterSentences)) continue;
      if (key == "id" || (record.name_source && key == "file")) continue;  // in the head
      buffer_ += ',';
      append_json_string(buffer_, key);
      buffer_ += ':';
      if (key == "error" && !record.input_error.empty()) {
        append_json_string(buffer_, record.input_error);
        error_written_ = true;
      } else {
        append_json_value(buffer_, value);
      }
    }
  }

  // `"sentence":...` up to the sentence's error: the inside of an object.
  void append_sentence_fields(std::string_view text, std::size_t index,
                              const SentenceResult& sentence) {
    buffer_ += "\"sentence\":"sv;
    append_json_size(buffer_, index);
    buffer_ += ",\"start\":"sv;
    append_json_size(buffer_, sentence.span.begin);
    buffer_ += ",\"end\":"sv;
    append_json_size(buffer_, sentence.span.end);
    buffer_ += ",\"text\":"sv;
    append_json_string(buffer_, sentence.text);
    buffer_ += ",\"events\":["sv;
    bool first = true;
    for (const Event& event : sentence.events) {
      if (!is_reported(event, options_)) continue;
      if (!first) buffer_ += ',';
      first = false;
      append_event(text, event);
    }
    buffer_ += ']';
    if (options_.explain) {
      buffer_ += ",\"cancelled\":"sv;
      append_cancelled(text, sentence.cancelled);
    }
    if (!sentence.ok()) {
      buffer_ += ",\"error\":"sv;
      append_json_string(buffer_, sentence.error);
    }
  }

  void append_event(std::string_view text, const Event& event) {
    buffer_ += "{\"type\":"sv;
    append_json_string(buffer_, event.type);
    buffer_ += ",\"confidence\":"sv;
    append_score(buffer_, event.confidence);
    if (options_.explain) {
      buffer_ += ",\"prior\":"sv;
      append_score(buffer_, event.prior);
      buffer_ += ",\"log_odds\":"sv;
      append_score(buffer_, event.log_odds);
    }
    buffer_ += ",\"evidence\":["sv;
    bool first = true;
    for (const Evidence& evidence : event.evidence) {
      if (!is_shown(evidence, options_)) continue;
      if (!first) buffer_ += ',';
      first = false;
      append_evidence(text, evidence);
    }
    buffer_ += "],\"attributes\":"sv;
    append_attributes(event);
    // Who did it and to whom (the actors plugin's source= and target=),
    // lifted out of the attributes so that every event has both fields:
    // null when no plugin said.
    for (const std::string_view role : {"source", "target"}) {
      buffer_ += ",\""sv;
      buffer_ += role;
      buffer_ += "\":"sv;
      const std::string* value = attribute_value(event, role);
      if (value == nullptr || value->empty()) {
        buffer_ += "null"sv;
      } else {
        append_json_string(buffer_, *value);
      }
    }
    buffer_ += '}';
  }

  // Plugins' key=value facts, each key once, where it first came; of two
  // plugins giving one key, the later's value wins.
  void append_attributes(const Event& event) {
    const std::vector<Attribute>& attributes = event.attributes;
    buffer_ += '{';
    bool first = true;
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
      const auto same_key = [&](const Attribute& a) { return a.key == it->key; };
      if (std::any_of(attributes.begin(), it, same_key)) continue;
      if (!first) buffer_ += ',';
      first = false;
      append_json_string(buffer_, it->key);
      buffer_ += ':';
      append_json_string(buffer_, *attribute_value(event, it->key));
    }
    buffer_ += '}';
  }

  void append_evidence(std::string_view text, const Evidence& evidence) {
    buffer_ += "{\"rule\":"sv;
    append_json_string(buffer_, evidence.rule_id);
    append_spans_and_matched(buffer_, text, evidence.spans);
    if (!evidence.plugin_note.empty()) {
      buffer_ += ",\"plugin_note\":"sv;
      append_json_string(buffer_, evidence.plugin_note);
    }
    if (options_.explain) {
      buffer_ += ",\"weight\":"sv;
      append_score(buffer_, evidence.weight);
      buffer_ += ",\"contribution\":"sv;
      append_score(buffer_, evidence.contribution);
      buffer_ += ",\"counted\":"sv;
      append_json_bool(buffer_, evidence.counted);
      if (!evidence.note.empty()) {
        buffer_ += ",\"note\":"sv;
        append_json_string(buffer_, evidence.note);
      }
    }
    buffer_ += '}';
  }

  void append_cancelled(std::string_view text, const std::vector<Cancellation>& cancelled) {
    buffer_ += '[';
    for (std::size_t i = 0; i < cancelled.size(); ++i) {
      const Cancellation& c = cancelled[i];
      buffer_ += i == 0 ? "{\"rule\":"sv : ",{\"rule\":"sv;
      append_json_string(buffer_, c.rule_id);
      buffer_ += ",\"type\":"sv;
      append_json_string(buffer_, c.event_type);
      append_spans_and_matched(buffer_, text, c.spans);
      append_spans_and_matched(buffer_, text, c.unless_spans, "unless_");
      if (!c.missing_role.empty()) {
        buffer_ += ",\"missing_role\":"sv;
        append_json_string(buffer_, c.missing_role);
      }
      buffer_ += '}';
    }
    buffer_ += ']';
  }

  std::ostream& out_;
  ReportOptions options_;
  std::string buffer_;          // the output lines of one record; reused for the whole run
  bool error_written_ = false;  // a pass-through field named error held the record's
};

}  // namespace

std::unique_ptr<Writer> make_jsonl_writer(std::ostream& out, ReportOptions options) {
  return std::make_unique<JsonlWriter>(out, options);
}

}  // namespace demarche::cli
