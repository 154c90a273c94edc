// utf8.hpp: checking UTF-8 sequences, for JSON input and output alike.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace demarche::cli {

// The length of the well-formed UTF-8 sequence that starts at text[i] (a
// byte >= 0x80), or 0 when it is ill-formed; then `*skip` is the length of
// its maximal subpart, the bytes one U+FFFD stands for (at least 1). Follows
// Table 3-7 of the Unicode standard, so overlongs and surrogates are ill-formed.
std::size_t utf8_sequence(std::string_view text, std::size_t i, std::size_t* skip);

// Appends code point `cp` (<= 0x10FFFF, not a surrogate) as UTF-8.
void append_utf8(std::string& out, char32_t cp);

}  // namespace demarche::cli
