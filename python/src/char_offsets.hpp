// char_offsets.hpp: byte offsets into UTF-8 text as offsets into a Python str.
//
// The engine counts UTF-8 bytes (result.hpp); Python slices a str by code
// points. Every span handed to Python goes through here, so that
// `text[start:end]` shows the words that were matched in "Zürich" as in "Oslo".
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace demarche::python {

class CharOffsets {
 public:
  explicit CharOffsets(std::string_view utf8);

  // The code point offset of byte offset `byte`; a byte inside a character
  // maps to that character's start, one past the end to the length.
  std::size_t operator()(std::size_t byte) const;

 private:
  // Empty when the text is ASCII: then byte and code point offsets agree and
  // no table is built.
  std::vector<std::size_t> table_;  // one entry per byte, and one for the end
  std::size_t size_ = 0;
};

}  // namespace demarche::python
