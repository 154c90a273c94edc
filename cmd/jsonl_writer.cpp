// --format jsonl: one JSON object per line, built by hand rather than through
// nlohmann::json values: this is the hot path, and building a tree per record
// would cost more than classifying it.
#include "text_format.hpp"
#include "writer.hpp"

namespace demarche::cli {
namespace {

void append_spans(std::string& out, const std::vector<Span>& spans) {
  out += '[';
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (i > 0) out += ',';
    out += '[';
    append_size(out, spans[i].begin);
    out += ',';
    append_size(out, spans[i].end);
    out += ']';
  }
  out += ']';
}

void append_matched(std::string& out, std::string_view text, const std::vector<Span>& spans) {
  out += '[';
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, span_text(text, spans[i]));
  }
  out += ']';
}

class JsonlWriter final : public Writer {
 public:
  JsonlWriter(std::ostream& out, ReportOptions options) : out_(out), options_(options) {}

  void write(const Record& record) override {
    if (record.shape == Shape::kDocument) {
      buffer_.clear();
      append_document(record);
      write_line();
      return;
    }
    if (!record.input_error.empty()) {
      buffer_.clear();
      append_head(record);
      buffer_ += ",\"error\":";
      append_json_string(buffer_, record.input_error);
      buffer_ += '}';
      write_line();
      return;
    }
    for (std::size_t i = 0; i < record.sentences.size(); ++i) {
      buffer_.clear();
      append_head(record);
      append_sentence_fields(record.text, i, record.sentences[i]);
      buffer_ += '}';
      write_line();
    }
  }

 private:
  void write_line() {
    buffer_ += '\n';
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

  // `{"id":...` and, for lines read from several inputs, the input's name.
  void append_head(const Record& record) {
    buffer_ += "{\"id\":";
    buffer_ += record.id_json;
    if (record.name_source) {
      buffer_ += ",\"file\":";
      append_json_string(buffer_, record.source);
    }
  }

  void append_document(const Record& record) {
    append_head(record);
    buffer_ += record.passthrough_json;
    buffer_ += ",\"sentences\":[";
    for (std::size_t i = 0; i < record.sentences.size(); ++i) {
      if (i > 0) buffer_ += ',';
      buffer_ += '{';
      append_sentence_fields(record.text, i, record.sentences[i]);
      buffer_ += '}';
    }
    buffer_ += ']';
    if (!record.input_error.empty()) {
      buffer_ += ",\"error\":";
      append_json_string(buffer_, record.input_error);
    }
    buffer_ += '}';
  }

  // The fields of one sentence, without braces, after a leading comma when
  // the object already has fields.
  void append_sentence_fields(std::string_view text, std::size_t index,
                              const SentenceResult& sentence) {
    if (buffer_.back() != '{') buffer_ += ',';
    buffer_ += "\"sentence\":";
    append_size(buffer_, index);
    buffer_ += ",\"start\":";
    append_size(buffer_, sentence.span.begin);
    buffer_ += ",\"end\":";
    append_size(buffer_, sentence.span.end);
    buffer_ += ",\"text\":";
    append_json_string(buffer_, sentence.text);
    buffer_ += ",\"events\":[";
    bool first = true;
    for (const Event& event : sentence.events) {
      if (!is_reported(event, options_)) continue;
      if (!first) buffer_ += ',';
      first = false;
      append_event(text, event);
    }
    buffer_ += ']';
    if (options_.explain) append_cancelled(text, sentence.cancelled);
    if (!sentence.ok()) {
      buffer_ += ",\"error\":";
      append_json_string(buffer_, sentence.error);
    }
  }

  void append_event(std::string_view text, const Event& event) {
    buffer_ += "{\"type\":";
    append_json_string(buffer_, event.type);
    buffer_ += ",\"confidence\":";
    append_json_score(buffer_, event.confidence);
    if (options_.explain) {
      buffer_ += ",\"prior\":";
      append_json_score(buffer_, event.prior);
      buffer_ += ",\"log_odds\":";
      append_json_score(buffer_, event.log_odds);
    }
    buffer_ += ",\"evidence\":[";
    bool first = true;
    for (const Evidence& evidence : event.evidence) {
      if (!is_shown(evidence, options_)) continue;
      if (!first) buffer_ += ',';
      first = false;
      append_evidence(text, evidence);
    }
    buffer_ += "]}";
  }

  void append_evidence(std::string_view text, const Evidence& evidence) {
    buffer_ += "{\"rule\":";
    append_json_string(buffer_, evidence.rule_id);
    buffer_ += ",\"spans\":";
    append_spans(buffer_, evidence.spans);
    buffer_ += ",\"matched\":";
    append_matched(buffer_, text, evidence.spans);
    if (options_.explain) {
      buffer_ += ",\"weight\":";
      append_json_score(buffer_, evidence.weight);
      buffer_ += ",\"contribution\":";
      append_json_score(buffer_, evidence.contribution);
      buffer_ += evidence.counted ? ",\"counted\":true" : ",\"counted\":false";
      if (!evidence.note.empty()) {
        buffer_ += ",\"note\":";
        append_json_string(buffer_, evidence.note);
      }
    }
    buffer_ += '}';
  }

  void append_cancelled(std::string_view text, const std::vector<Cancellation>& cancelled) {
    buffer_ += ",\"cancelled\":[";
    for (std::size_t i = 0; i < cancelled.size(); ++i) {
      const Cancellation& c = cancelled[i];
      if (i > 0) buffer_ += ',';
      buffer_ += "{\"rule\":";
      append_json_string(buffer_, c.rule_id);
      buffer_ += ",\"type\":";
      append_json_string(buffer_, c.event_type);
      buffer_ += ",\"spans\":";
      append_spans(buffer_, c.spans);
      buffer_ += ",\"matched\":";
      append_matched(buffer_, text, c.spans);
      buffer_ += ",\"unless_spans\":";
      append_spans(buffer_, c.unless_spans);
      buffer_ += ",\"unless_matched\":";
      append_matched(buffer_, text, c.unless_spans);
      buffer_ += '}';
    }
    buffer_ += ']';
  }

  std::ostream& out_;
  ReportOptions options_;
  std::string buffer_;  // reused: one allocation for the whole run
};

}  // namespace

std::unique_ptr<Writer> make_jsonl_writer(std::ostream& out, ReportOptions options) {
  return std::make_unique<JsonlWriter>(out, options);
}

}  // namespace demarche::cli
