// --input lines: each line is one sentence, empty lines included, so output
// record N always belongs to input line N.
#include "reader.hpp"
#include "text_format.hpp"

namespace demarche::cli {
namespace {

class LinesReader final : public Reader {
 public:
  LinesReader(std::istream& in, std::size_t first_line) : in_(in), line_(first_line - 1) {}

  bool next(Record& record) override {
    if (!read_line(in_, record.text)) return false;
    if (!started_) skip_byte_order_mark(record.text);
    started_ = true;
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
  std::size_t line_;
  bool started_ = false;
};

}  // namespace

std::unique_ptr<Reader> make_lines_reader(std::istream& in, std::size_t first_line) {
  return std::make_unique<LinesReader>(in, first_line);
}

}  // namespace demarche::cli
