#include "text_format.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <demarche/diagnostic.hpp>

namespace demarche::cli {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the well-formed UTF-8 sequence that starts at text[i] (a
// byte >= 0x80), or 0 when it is ill-formed; then `*skip` is the length of
// its maximal subpart, the bytes one U+FFFD stands for (at least 1). Follows
// Table 3-7 of the Unicode standard, so overlongs and surrogates are ill-formed.
std::size_t utf8_sequence(std::string_view text, std::size_t i, std::size_t* skip) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_low = 0xA0;   // no overlongs
    if (lead == 0xED) second_high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_low = 0x90;   // no overlongs
    if (lead == 0xF4) second_high = 0x8F;  // nothing above U+10FFFF
  } else {
    *skip = 1;
    return 0;
  }
  std::size_t k = 1;
  for (; k < length && i + k < text.size(); ++k) {
    const unsigned char low = k == 1 ? second_low : 0x80;
    const unsigned char high = k == 1 ? second_high : 0xBF;
    if (byte(i + k) < low || byte(i + k) > high) break;
  }
  if (k == length) return length;
  *skip = k;
  return 0;
}

// Appends text[begin, end) which holds only bytes that need no change.
void append_run(std::string& out, std::string_view text, std::size_t begin, std::size_t end) {
  if (end > begin) out.append(text.data() + begin, end - begin);
}

// Copies `text`, replacing ill-formed UTF-8, and calls `ascii_special(out, c)`
// for ASCII bytes for which `is_special(c)` holds.
template <typename IsSpecial, typename WriteSpecial>
void append_filtered(std::string& out, std::string_view text, IsSpecial is_special,
                     WriteSpecial write_special) {
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (is_special(c)) {
        append_run(out, text, run, i);
        write_special(out, c);
        run = ++i;
      } else {
        ++i;
      }
      continue;
    }
    std::size_t skip = 0;
    const std::size_t length = utf8_sequence(text, i, &skip);
    if (length != 0) {
      i += length;
      continue;
    }
    append_run(out, text, run, i);
    out += kReplacement;
    i += skip;
    run = i;
  }
  append_run(out, text, run, text.size());
}

}  // namespace

void append_one_line(std::string& out, std::string_view text) {
  append_filtered(
      out, text, [](unsigned char c) { return c < 0x20 || c == 0x7F; },
      [](std::string& o, unsigned char) { o += ' '; });
}

void append_printable(std::string& out, std::string_view text, std::size_t max_bytes) {
  append_one_line(out, printable(text, max_bytes));
}

std::string printable_text(std::string_view text, std::size_t max_bytes) {
  std::string out;
  append_printable(out, text, max_bytes);
  return out;
}

double round_score(double value) {
  constexpr double kScale = 1e6;
  if (std::isfinite(value) && std::fabs(value) < 1e9) return std::round(value * kScale) / kScale;
  return value;
}

void append_size(std::string& out, std::size_t value) {
  std::array<char, 24> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out.append(buffer.data(), result.ptr);
}

void append_fixed(std::string& out, double value, int decimals) {
  std::array<char, 64> buffer{};
  const int n = std::snprintf(buffer.data(), buffer.size(), "%.*f", decimals, value);
  if (n > 0)
    out.append(buffer.data(),
               std::min<std::size_t>(static_cast<std::size_t>(n), buffer.size() - 1));
}

std::string fixed(double value, int decimals) {
  std::string out;
  append_fixed(out, value, decimals);
  return out;
}

}  // namespace demarche::cli
