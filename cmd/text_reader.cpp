// --input text: the whole stream is one document, segmented by the engine.
#include <array>

#include "reader.hpp"

namespace demarche::cli {
namespace {

class TextReader final : public Reader {
 public:
  TextReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}

  bool next(Record& record) override {
    if (done_) return false;
    done_ = true;
    record.text.clear();
    std::array<char, 1 << 16> chunk{};
    while (in_.read(chunk.data(), chunk.size()) || in_.gcount() > 0) {
      record.text.append(chunk.data(), static_cast<std::size_t>(in_.gcount()));
    }
    skip_byte_order_mark(record.text);
    record.shape = Shape::kDocumentSentences;
    record.line = 0;
    record.id = name_;
    record.id_text = name_;
    record.passthrough = nullptr;
    record.input_error.clear();
    return true;
  }

 private:
  std::istream& in_;
  std::string name_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<Reader> make_text_reader(std::istream& in, std::string name) {
  return std::make_unique<TextReader>(in, std::move(name));
}

}  // namespace demarche::cli
