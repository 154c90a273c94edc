#include "reader.hpp"

namespace demarche::cli {

std::unique_ptr<Reader> make_reader(InputMode mode, std::istream& in, const std::string& name,
                                    std::size_t first_line) {
  switch (mode) {
    case InputMode::kLines:
      return make_lines_reader(in, first_line);
    case InputMode::kText:
      return make_text_reader(in, name);
    case InputMode::kJsonl:
      return make_jsonl_reader(in, first_line);
  }
  return make_lines_reader(in, first_line);
}

}  // namespace demarche::cli
