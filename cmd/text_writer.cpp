// --format text: for a person at a terminal. One line per sentence (its id,
// byte range and text), then one indented line per reported event with the
// rules behind it and the words they matched. Not meant to be parsed: use
// jsonl or tsv for that.
#include "record_id.hpp"
#include "text_format.hpp"
#include "writer.hpp"

namespace demarche::cli {
namespace {

class TextWriter final : public Writer {
 public:
  TextWriter(std::ostream& out, ReportOptions options) : out_(out), options_(options) {}

  // A document record, or one whose input could not be used, starts with a
  // line of its own: the id, then the error, or "(no sentences)" when it
  // turns out to have none.
  void open_record(const Record& record) override {
    buffer_.clear();
    head_line_open_ = false;
    if (record.shape != Shape::kDocument && record.input_error.empty()) return;
    append_plain_id(buffer_, record);
    if (!record.input_error.empty()) {
      buffer_ += "  error: ";
      append_one_line(buffer_, record.input_error);
      buffer_ += '\n';
    } else {
      head_line_open_ = true;
    }
  }

  void write_sentence(const Record& record, std::size_t index,
                      const SentenceResult& sentence) override {
    if (head_line_open_) {
      buffer_ += '\n';
      head_line_open_ = false;
    }
    append_sentence(record, index, sentence);
    spill_if_full(out_, buffer_);
  }

  void close_record(const Record&, std::size_t) override {
    if (head_line_open_) buffer_ += "  (no sentences)\n";
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

 private:
  void append_sentence(const Record& record, std::size_t index, const SentenceResult& sentence) {
    const bool document = record.shape == Shape::kDocument;
    if (document) {
      buffer_ += "  #";
      append_size(buffer_, index);
    } else {
      append_plain_id(buffer_, record);
      if (record.shape == Shape::kDocumentSentences) {
        buffer_ += '#';
        append_size(buffer_, index);
      }
    }
    buffer_ += " [";
    append_size(buffer_, sentence.span.begin);
    buffer_ += ',';
    append_size(buffer_, sentence.span.end);
    buffer_ += ") ";
    append_one_line(buffer_, sentence.text);
    buffer_ += '\n';
    if (!sentence.ok()) {
      buffer_ += "    error: ";
      append_one_line(buffer_, sentence.error);
      buffer_ += '\n';
    }
    for (const Event& event : sentence.events) {
      if (is_reported(event, options_)) append_event(record.text, event);
    }
    if (options_.explain) {
      for (const Cancellation& c : sentence.cancelled) append_cancelled(record.text, c);
    }
  }

  void append_quoted(std::string_view text, const std::vector<Span>& spans) {
    for (const Span& span : spans) {
      buffer_ += " \"";
      append_one_line(buffer_, span_text(text, span));
      buffer_ += '"';
    }
  }

  void append_event(std::string_view text, const Event& event) {
    buffer_ += "    ";
    append_one_line(buffer_, event.type);
    buffer_ += ' ';
    append_fixed(buffer_, event.confidence, 3);
    if (options_.explain) {
      buffer_ += "  (prior ";
      append_fixed(buffer_, event.prior, 3);
      buffer_ += ", log-odds ";
      append_fixed(buffer_, event.log_odds, 3);
      buffer_ += ')';
    }
    for (const Attribute& attribute : event.attributes) {
      buffer_ += "  ";
      append_one_line(buffer_, attribute.key);
      buffer_ += '=';
      append_one_line(buffer_, attribute.value);
    }
    buffer_ += '\n';
    for (const Evidence& evidence : event.evidence) {
      if (!is_shown(evidence, options_)) continue;
      buffer_ += "      ";
      append_one_line(buffer_, evidence.rule_id);
      if (options_.explain) {
        buffer_ += "  weight ";
        append_fixed(buffer_, evidence.weight, 3);
        buffer_ += evidence.contribution >= 0 ? "  +" : "  ";
        append_fixed(buffer_, evidence.contribution, 3);
        if (!evidence.counted) {
          buffer_ += "  not counted";
          if (!evidence.note.empty()) {
            buffer_ += ": ";
            append_one_line(buffer_, evidence.note);
          }
        }
      }
      append_quoted(text, evidence.spans);
      buffer_ += '\n';
    }
  }

  void append_cancelled(std::string_view text, const Cancellation& cancellation) {
    buffer_ += "    cancelled ";
    append_one_line(buffer_, cancellation.rule_id);
    buffer_ += " (";
    append_one_line(buffer_, cancellation.event_type);
    buffer_ += "):";
    append_quoted(text, cancellation.spans);
    if (cancellation.missing_role.empty()) {
      buffer_ += " unless";
      append_quoted(text, cancellation.unless_spans);
    } else {
      buffer_ += " no " + cancellation.missing_role + " actor";
    }
    buffer_ += '\n';
  }

  std::ostream& out_;
  ReportOptions options_;
  std::string buffer_;
  bool head_line_open_ = false;  // the record's first line waits for its end
};

}  // namespace

std::unique_ptr<Writer> make_text_writer(std::ostream& out, ReportOptions options) {
  return std::make_unique<TextWriter>(out, options);
}

}  // namespace demarche::cli
