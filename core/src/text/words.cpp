#include "text/words.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>

#include "text/utf8.hpp"

namespace demarche::text {
namespace {

// The curly apostrophe and the Unicode hyphens join too, so the index gives the
// same count on text that was not normalised.
bool is_joiner(char32_t c) {
  return c == '\'' || c == '-' || c == 0x2019 || c == 0x2010 || c == 0x2011;
}

// is_word_code_point restricted to ASCII, as a table the compiler can inline.
constexpr std::array<bool, 128> make_ascii_word_table() {
  std::array<bool, 128> table{};
  for (char32_t c = 0; c < 128; ++c) {
    table[c] =
        (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }
  return table;
}
constexpr std::array<bool, 128> kAsciiWord = make_ascii_word_table();

// One character, classified. ASCII, nearly every byte of the text, is handled
// inline; the rest goes through the full decoder and range table.
struct Character {
  char32_t code_point;
  std::size_t length;
  bool is_word;
};

Character character_at(std::string_view text, std::size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return {byte, 1, kAsciiWord[byte]};
  const Decoded decoded = decode_utf8(text, pos);
  return {decoded.code_point, decoded.length, is_word_code_point(decoded.code_point)};
}

}  // namespace

void WordIndex::index(std::string_view text) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("demarche::text::WordIndex: text of 4 GiB or more");
  }
  starts_.clear();
  starts_.reserve(text.size() / 6);  // about one word per six bytes of English
  bool in_word = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Character current = character_at(text, pos);
    const std::size_t next = pos + current.length;
    if (current.is_word) {
      if (!in_word) starts_.push_back(static_cast<std::uint32_t>(pos));
      in_word = true;
    } else if (in_word && is_joiner(current.code_point) && next < text.size()) {
      // Classifying the following character again on the next round costs less
      // than threading it through: joiners are rare.
      in_word = character_at(text, next).is_word;
    } else {
      in_word = false;
    }
    pos = next;
  }
}

std::size_t WordIndex::words_between(std::size_t begin, std::size_t end) const {
  if (begin >= end) return 0;
  const auto first = std::lower_bound(starts_.begin(), starts_.end(), begin);
  const auto last = std::lower_bound(first, starts_.end(), end);
  return static_cast<std::size_t>(last - first);
}

}  // namespace demarche::text
