// --format tsv: a header row, then one row per sentence. A document record
// with no sentence (empty, or unusable input) still gets one row, with only
// its id, so every input record can be found in the output.
#include "record_id.hpp"
#include "text_format.hpp"
#include "writer.hpp"

namespace demarche::cli {
namespace {

// The value a plugin gave `key` on `event` (the last, when several did, as
// for the attributes), or empty: an event's source or target.
std::string_view attribute_value(const Event& event, std::string_view key) {
  for (auto it = event.attributes.rbegin(); it != event.attributes.rend(); ++it) {
    if (it->key == key) return it->value;
  }
  return {};
}

class TsvWriter final : public Writer {
 public:
  TsvWriter(std::ostream& out, ReportOptions options) : out_(out), options_(options) {}

  void begin() override {
    out_ << "id\tsentence\tstart\tend\tlabels\tconfidences\tattributes\tsources\ttargets\ttext\n";
  }

  void open_record(const Record&) override {}

  void write_sentence(const Record& record, std::size_t index,
                      const SentenceResult& sentence) override {
    buffer_.clear();
    append_row(record, index, sentence);
    write_row();
  }

  void close_record(const Record& record, std::size_t sentences) override {
    if (sentences != 0) return;
    if (record.shape != Shape::kDocument && record.input_error.empty()) return;
    buffer_.clear();
    append_plain_id(buffer_, record);
    buffer_ += "\t\t\t\t\t\t\t\t\t\n";
    write_row();
  }

 private:
  void append_row(const Record& record, std::size_t index, const SentenceResult& sentence) {
    append_plain_id(buffer_, record);
    buffer_ += '\t';
    append_size(buffer_, index);
    buffer_ += '\t';
    append_size(buffer_, sentence.span.begin);
    buffer_ += '\t';
    append_size(buffer_, sentence.span.end);
    buffer_ += '\t';
    std::string& confidences = confidences_;
    confidences.clear();
    std::string& attributes = attributes_;
    attributes.clear();
    std::string& sources = sources_;
    sources.clear();
    std::string& targets = targets_;
    targets.clear();
    bool first = true;
    for (const Event& event : sentence.events) {
      if (!is_reported(event, options_)) continue;
      if (!first) {
        buffer_ += ',';
        confidences += ',';
        attributes += ',';
        sources += ',';
        targets += ',';
      }
      first = false;
      append_one_line(buffer_, event.type);
      append_fixed(confidences, event.confidence, 3);
      append_attributes(attributes, event);
      append_cell(sources, attribute_value(event, "source"));
      append_cell(targets, attribute_value(event, "target"));
    }
    buffer_ += '\t';
    buffer_ += confidences;
    buffer_ += '\t';
    buffer_ += attributes;
    buffer_ += '\t';
    buffer_ += sources;
    buffer_ += '\t';
    buffer_ += targets;
    buffer_ += '\t';
    append_one_line(buffer_, sentence.text);
    buffer_ += '\n';
  }

  // One event's attributes as "key=value;key=value". Keys and values are
  // plugins' strings: the separators in them are replaced by spaces so that
  // the column stays splittable.
  static void append_attributes(std::string& out, const Event& event) {
    for (std::size_t i = 0; i < event.attributes.size(); ++i) {
      if (i != 0) out += ';';
      const std::size_t from = out.size();
      append_one_line(out, event.attributes[i].key);
      out += '=';
      append_one_line(out, event.attributes[i].value);
      for (std::size_t k = from; k < out.size(); ++k) {
        if (out[k] == ',' || out[k] == ';' || out[k] == '\t') out[k] = ' ';
      }
    }
  }

  // One event's entry in the sources or targets column: a plugin's value,
  // with the column's separators replaced by spaces.
  static void append_cell(std::string& out, std::string_view value) {
    const std::size_t from = out.size();
    append_one_line(out, value);
    for (std::size_t k = from; k < out.size(); ++k) {
      if (out[k] == ',' || out[k] == '\t') out[k] = ' ';
    }
  }

  void write_row() { out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size())); }

  std::ostream& out_;
  ReportOptions options_;
  std::string buffer_;       // reused for every row
  std::string confidences_;  // the confidences column, built beside the labels
  std::string attributes_;   // the attributes column, likewise
  std::string sources_;      // the sources column, likewise
  std::string targets_;      // the targets column, likewise
};

}  // namespace

std::unique_ptr<Writer> make_tsv_writer(std::ostream& out, ReportOptions options) {
  return std::make_unique<TsvWriter>(out, options);
}

}  // namespace demarche::cli
