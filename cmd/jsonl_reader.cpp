// --input jsonl: one JSON object per line. A line that cannot be used still
// becomes a record (with input_error set), so output stays aligned with input.
#include "json_line.hpp"
#include "reader.hpp"

namespace demarche::cli {
namespace {

class JsonlReader final : public Reader {
 public:
  explicit JsonlReader(std::istream& in) : in_(in) {}

  bool next(Record& record) override {
    if (!read_line(in_, line_text_)) return false;
    ++line_;
    record.shape = Shape::kDocument;
    record.line = line_;
    record.id_json = "null";
    record.id_text = "null";
    record.passthrough_json.clear();
    record.text.clear();
    record.input_error.clear();
    decode(record);
    return true;
  }

 private:
  void decode(Record& record) {
    fields_.clear();
    record.input_error = parse_object_line(line_text_, fields_, "text", &record.text);
    if (!record.input_error.empty()) return;
    bool has_text = false;
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      const JsonField& field = fields_[i];
      if (repeated_later(i)) continue;  // of duplicate keys the last wins, as in most parsers
      if (field.key == "id") {
        record.id_json = field.raw_value;
        if (field.raw_value.front() == '"') {
          decode_json_string(field.raw_value, record.id_text);
        } else {
          record.id_text = field.raw_value;
        }
      } else if (field.key == "text") {
        has_text = field.raw_value.front() == '"';  // already decoded by the parser
      } else if (field.key != "sentences" && field.key != "error") {
        // Those two names are the output's own fields.
        record.passthrough_json += ',';
        record.passthrough_json += field.raw_key;
        record.passthrough_json += ':';
        record.passthrough_json += field.raw_value;
      }
    }
    if (!has_text) record.input_error = "missing string field \"text\"";
  }

  bool repeated_later(std::size_t i) const {
    for (std::size_t j = i + 1; j < fields_.size(); ++j) {
      if (fields_[j].key == fields_[i].key) return true;
    }
    return false;
  }

  std::istream& in_;
  std::string line_text_;
  std::vector<JsonField> fields_;  // views into line_text_, reused
  std::size_t line_ = 0;
};

}  // namespace

std::unique_ptr<Reader> make_jsonl_reader(std::istream& in) {
  return std::make_unique<JsonlReader>(in);
}

}  // namespace demarche::cli
