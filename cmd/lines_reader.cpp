// --input lines: each line is one sentence, empty lines included, so output
// record N always belongs to input line N.
#include "reader.hpp"
#include "text_format.hpp"

namespace demarche::cli {
namespace {

class LinesReader final : public Reader {
 public:
  explicit LinesReader(std::istream& in) : in_(in) {}

  bool next(Record& record) override {
    if (!read_line(in_, record.text)) return false;
    if (line_ == 0) skip_byte_order_mark(record.text);
    ++line_;
    record.shape = Shape::kSentence;
    record.line = line_;
    record.id = line_;
    record.id_text.clear();
    append_size(record.id_text, line_);
    record.passthrough = nullptr;
    record.input_error.clear();
    return true;
  }

 private:
  std::istream& in_;
  std::size_t line_ = 0;
};

}  // namespace

std::unique_ptr<Reader> make_lines_reader(std::istream& in) {
  return std::make_unique<LinesReader>(in);
}

}  // namespace demarche::cli
