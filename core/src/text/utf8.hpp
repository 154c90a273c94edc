// UTF-8 decoding that never fails: invalid bytes are reported, not thrown.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace demarche::text {

inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

struct Decoded {
  char32_t code_point = kInvalidCodePoint;  // kInvalidCodePoint for an invalid byte
  std::size_t length = 1;                   // bytes consumed, at least 1
};

// Decodes the code point starting at `pos` (which must be < text.size()).
// Overlong forms, surrogates, truncated and out-of-range sequences are
// invalid and consume exactly one byte, so a caller always makes progress.
Decoded decode_utf8(std::string_view text, std::size_t pos);

// Decodes the code point that ends just before `pos` (pos > 0).
Decoded decode_utf8_before(std::string_view text, std::size_t pos);

bool is_valid_utf8(std::string_view text);

// Letters and digits in the sense of word boundaries: ASCII alphanumerics and
// underscore, and every non-ASCII code point that is not punctuation, a space
// or a symbol we fold (so "café" and "Zürich" are single words).
bool is_word_code_point(char32_t c);

}  // namespace demarche::text
