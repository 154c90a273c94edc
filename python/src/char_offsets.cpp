#include "char_offsets.hpp"

#include <algorithm>

namespace demarche::python {

namespace {

// A byte that starts a character, rather than continuing one (10xxxxxx).
bool starts_character(unsigned char byte) {
  return (byte & 0xC0) != 0x80;
}

}  // namespace

CharOffsets::CharOffsets(std::string_view utf8) : size_(utf8.size()) {
  const bool ascii = std::all_of(utf8.begin(), utf8.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return;
  table_.resize(utf8.size() + 1);
  std::size_t chars = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if (starts_character(static_cast<unsigned char>(utf8[i])) && i != 0) ++chars;
    table_[i] = chars;
  }
  table_[utf8.size()] = utf8.empty() ? 0 : chars + 1;
}

std::size_t CharOffsets::operator()(std::size_t byte) const {
  byte = std::min(byte, size_);
  return table_.empty() ? byte : table_[byte];
}

}  // namespace demarche::python
