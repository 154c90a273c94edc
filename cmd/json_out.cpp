#include "json_out.hpp"

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace demarche::cli {
namespace {

// What an ASCII byte becomes inside a JSON string: 0 for itself, else the
// letter after the backslash ('u' for \u00xx). Only control characters, `"`
// and `\` are escaped; DEL (0x7F) is not, as nlohmann writes it.
constexpr std::array<char, 0x80> kEscapes = [] {
  std::array<char, 0x80> table{};
  for (std::size_t c = 0; c < 0x20; ++c) table[c] = 'u';
  table['\b'] = 'b';
  table['\t'] = 't';
  table['\n'] = 'n';
  table['\f'] = 'f';
  table['\r'] = 'r';
  table['"'] = '"';
  table['\\'] = '\\';
  return table;
}();

void append_escape(std::string& out, unsigned char c, char escape) {
  constexpr std::string_view kHex = "0123456789abcdef";
  out += '\\';
  out += escape;
  if (escape == 'u') {
    out += "00";
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
}

// The bytes from text[i] (at least 0x80) that make one step: a well-formed
// UTF-8 sequence (`valid`), or the ill-formed bytes one U+FFFD replaces: the
// lead and the continuation bytes that could still have been part of a
// sequence (Table 3-7 of the Unicode standard: no overlongs, surrogates or
// code points above U+10FFFF). nlohmann's decoder rejects at the same byte
// and reads that byte again as the start of the next step.
struct Utf8Step {
  std::size_t size;
  bool valid;
};

Utf8Step utf8_step(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = at(i);
  std::size_t trailing = 0;
  unsigned char low = 0x80;  // the range of the byte after the lead
  unsigned char high = 0xBF;
  if (lead < 0xC2 || lead > 0xF4) return {1, false};  // a continuation byte, C0, C1, F5..FF
  if (lead < 0xE0) {
    trailing = 1;
  } else if (lead < 0xF0) {
    trailing = 2;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else {
    trailing = 3;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  }
  for (std::size_t k = 1; k <= trailing; ++k) {
    if (i + k >= text.size() || at(i + k) < low || at(i + k) > high) return {k, false};
    low = 0x80;
    high = 0xBF;
  }
  return {trailing + 1, true};
}

// How many bytes from `at` (where at least kBlock remain) are copied as
// they are before the first that is not: a control character, `"`, `\` or
// non-ASCII. Most text is such runs, and skipping them a block at a time
// matters: byte by byte, escaping took 5% of a fresh run over the Brown
// Corpus (perf record); eight bytes at a time it was still 18.3 million
// instructions over 30,000 Brown sentences (callgrind), 10.1 with SSE2's
// sixteen, resuming at the first byte to escape instead of the next one.
#if defined(__SSE2__)
constexpr std::size_t kBlock = 16;
std::size_t bytes_copied_as_is(const char* at) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  // Signed: the non-ASCII bytes are below 0x20 too.
  const __m128i escaped = _mm_or_si128(_mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)),
                                       _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                                                    _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))));
  const auto mask = static_cast<unsigned>(_mm_movemask_epi8(escaped));
  return mask == 0 ? kBlock : static_cast<std::size_t>(std::countr_zero(mask));
}
#else
constexpr std::size_t kBlock = 8;
// The same eight bytes at a time in a 64-bit word. Each test is exact for
// "some byte is": a borrow can only spread past a byte that is.
std::size_t bytes_copied_as_is(const char* at) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  std::uint64_t word = 0;
  std::memcpy(&word, at, 8);
  const auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHigh;
  const bool as_is = ((word & kHigh) | below_space | has_zero(word ^ (kOnes * '"')) |
                      has_zero(word ^ (kOnes * '\\'))) == 0;
  return as_is ? kBlock : 0;
}
#endif

template <typename Integer>
void append_integer(std::string& out, Integer value) {
  std::array<char, 24> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out.append(buffer.data(), result.ptr);
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  out += '"';
  std::size_t copied = 0;  // text[copied, i) is still to be copied as it is
  std::size_t i = 0;
  while (i < text.size()) {
    if (i + kBlock <= text.size()) {
      const std::size_t as_is = bytes_copied_as_is(text.data() + i);
      i += as_is;
      if (as_is == kBlock) continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (kEscapes[c] != 0) {
        out.append(text.data() + copied, i - copied);
        append_escape(out, c, kEscapes[c]);
        copied = i + 1;
      }
      ++i;
      continue;
    }
    const Utf8Step step = utf8_step(text, i);
    if (!step.valid) {
      out.append(text.data() + copied, i - copied);
      out += kReplacement;
      copied = i + step.size;
    }
    i += step.size;
  }
  out.append(text.data() + copied, text.size() - copied);
  out += '"';
}

void append_json_double(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  // nlohmann's own conversion, the one its dump() calls: Grisu2 does not
  // always find the shortest digits (std::to_chars does), so no other
  // conversion gives the same text for every double.
  std::array<char, 64> buffer{};
  char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out.append(buffer.data(), end);
}

void append_json_size(std::string& out, std::size_t value) {
  append_integer(out, value);
}

void append_json_bool(std::string& out, bool value) {
  out += value ? "true" : "false";
}

void append_json_value(std::string& out, const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      out += "null";
      return;
    case Json::value_t::boolean:
      append_json_bool(out, value.get<bool>());
      return;
    case Json::value_t::string:
      append_json_string(out, value.get_ref<const std::string&>());
      return;
    case Json::value_t::number_unsigned:
      append_integer(out, value.get<std::uint64_t>());
      return;
    case Json::value_t::number_integer:
      append_integer(out, value.get<std::int64_t>());
      return;
    case Json::value_t::number_float:
      append_json_double(out, value.get<double>());
      return;
    default:  // objects, arrays, binary, discarded
      out += to_json_text(value);
      return;
  }
}

}  // namespace demarche::cli
