// pattern_and_text.hpp: the input of fuzz_lookup and fuzz_scan, which hold a
// matcher that stands in for RE2 to what RE2 finds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "text/utf8.hpp"

namespace demarche::fuzz {

struct PatternAndText {
  std::string pattern;  // a piece's pattern, RE2 syntax, as a rule file holds it
  std::string text;
};

// A pattern, a NUL byte, and a text: the text cut at 400 bytes; nothing when
// there is no NUL in the first 2,000 bytes or either is not valid UTF-8 (the
// engine's text always is, normalize.hpp; so is a rule file's).
inline std::optional<PatternAndText> pattern_and_text(const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t kMaxPattern = 2000;
  constexpr std::size_t kMaxText = 400;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  if (nul == std::string_view::npos || nul > kMaxPattern) return std::nullopt;
  PatternAndText out{std::string(input.substr(0, nul)),
                     std::string(input.substr(nul + 1, kMaxText))};
  if (!text::is_valid_utf8(out.pattern) || !text::is_valid_utf8(out.text)) return std::nullopt;
  return out;
}

}  // namespace demarche::fuzz
