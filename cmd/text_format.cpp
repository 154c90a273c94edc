#include "text_format.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "utf8.hpp"

namespace demarche::cli {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

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

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  append_filtered(
      out, text, [](unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; },
      [](std::string& o, unsigned char c) {
        switch (c) {
          case '"':
            o += "\\\"";
            break;
          case '\\':
            o += "\\\\";
            break;
          case '\b':
            o += "\\b";
            break;
          case '\f':
            o += "\\f";
            break;
          case '\n':
            o += "\\n";
            break;
          case '\r':
            o += "\\r";
            break;
          case '\t':
            o += "\\t";
            break;
          default: {
            static constexpr char kHex[] = "0123456789abcdef";
            o += "\\u00";
            o += kHex[c >> 4];
            o += kHex[c & 0xF];
          }
        }
      });
  out += '"';
}

void append_one_line(std::string& out, std::string_view text) {
  append_filtered(
      out, text, [](unsigned char c) { return c < 0x20 || c == 0x7F; },
      [](std::string& o, unsigned char) { o += ' '; });
}

void append_json_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out.append(buffer.data(), result.ptr);
}

void append_json_score(std::string& out, double value) {
  constexpr double kScale = 1e6;
  if (std::isfinite(value) && std::fabs(value) < 1e9) value = std::round(value * kScale) / kScale;
  append_json_number(out, value);
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
