#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>

namespace demarche::text {
namespace {

constexpr bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// Inclusive ranges of non-ASCII code points that separate words: controls,
// spaces, punctuation, currency and other symbols, emoji, private use. Not the
// whole of Unicode's P* and S* categories, but every block that news text
// realistically uses; anything absent (letters, marks, digits of every
// script) counts as part of a word.
struct Range {
  char32_t first;
  char32_t last;
};

constexpr auto kNonWordRanges = std::to_array<Range>({
    {0x0080, 0x00A9},     // C1 controls, NBSP, ¡¢£¤¥¦§¨©
    {0x00AB, 0x00B4},     // «¬ soft hyphen ®¯°±²³´
    {0x00B6, 0x00B9},     // ¶·¸¹
    {0x00BB, 0x00BF},     // »¼½¾¿
    {0x00D7, 0x00D7},     // ×
    {0x00F7, 0x00F7},     // ÷
    {0x037E, 0x037E},     // Greek question mark
    {0x0387, 0x0387},     // Greek ano teleia
    {0x055A, 0x055F},     // Armenian punctuation
    {0x0589, 0x058A},     // Armenian full stop, hyphen
    {0x05BE, 0x05BE},     // Hebrew maqaf
    {0x05C0, 0x05C0},     // Hebrew paseq
    {0x05C3, 0x05C3},     // Hebrew sof pasuq
    {0x05C6, 0x05C6},     // Hebrew nun hafukha
    {0x05F3, 0x05F4},     // Hebrew geresh, gershayim
    {0x0609, 0x060D},     // Arabic per mille .. date separator (incl. comma)
    {0x061B, 0x061B},     // Arabic semicolon
    {0x061D, 0x061F},     // Arabic end of text mark .. question mark
    {0x066A, 0x066D},     // Arabic percent .. five-pointed star
    {0x06D4, 0x06D4},     // Arabic full stop
    {0x0964, 0x0965},     // Devanagari dandas
    {0x0970, 0x0970},     // Devanagari abbreviation sign
    {0x0E3F, 0x0E3F},     // Thai baht
    {0x0E4F, 0x0E4F},     // Thai fongman
    {0x0E5A, 0x0E5B},     // Thai angkhankhu, khomut
    {0x10FB, 0x10FB},     // Georgian paragraph separator
    {0x1360, 0x1368},     // Ethiopic punctuation
    {0x1680, 0x1680},     // Ogham space
    {0x1800, 0x180A},     // Mongolian punctuation
    {0x180E, 0x180E},     // Mongolian vowel separator
    {0x2000, 0x206F},     // General Punctuation: spaces, dashes, quotes, zero-width
    {0x20A0, 0x20CF},     // currency symbols
    {0x2100, 0x2101},     // letterlike symbols that are not letters: ℀℁
    {0x2103, 0x2106},     // ℃℄℅℆
    {0x2108, 0x2109},     // ℈℉
    {0x2116, 0x2118},     // №℗℘
    {0x211E, 0x2123},     // ℞℟℠℡™℣
    {0x2125, 0x2125},     // ℥
    {0x2127, 0x2127},     // ℧
    {0x2129, 0x2129},     // ℩
    {0x212E, 0x212E},     // ℮
    {0x213A, 0x213B},     // ℺℻
    {0x2140, 0x2144},     // ⅀..⅄
    {0x214A, 0x214D},     // ⅊..⅍
    {0x214F, 0x214F},     // ⅏
    {0x2190, 0x2BFF},     // arrows, maths, technical, boxes, shapes, dingbats
    {0x2CF9, 0x2CFC},     // Coptic punctuation
    {0x2CFE, 0x2CFF},     // Coptic punctuation
    {0x2E00, 0x2E7F},     // supplemental punctuation
    {0x2FF0, 0x2FFF},     // ideographic description characters
    {0x3000, 0x3004},     // ideographic space, CJK punctuation
    {0x3008, 0x3020},     // CJK brackets and marks
    {0x3030, 0x3030},     // wavy dash
    {0x303D, 0x303F},     // part alternation mark ..
    {0x30A0, 0x30A0},     // katakana-hiragana double hyphen
    {0x30FB, 0x30FB},     // katakana middle dot
    {0xD800, 0xDFFF},     // surrogates (never decoded, listed for completeness)
    {0xE000, 0xF8FF},     // private use
    {0xFD3E, 0xFD3F},     // ornate parentheses
    {0xFE00, 0xFE19},     // variation selectors, vertical forms
    {0xFE30, 0xFE6F},     // CJK compatibility forms, small form variants
    {0xFEFF, 0xFEFF},     // byte order mark
    {0xFF01, 0xFF0F},     // fullwidth punctuation
    {0xFF1A, 0xFF20},     // fullwidth punctuation
    {0xFF3B, 0xFF3E},     // fullwidth brackets etc. (not the low line U+FF3F)
    {0xFF40, 0xFF40},     // fullwidth grave accent
    {0xFF5B, 0xFF65},     // fullwidth and halfwidth punctuation
    {0xFFE0, 0xFFEE},     // fullwidth symbols
    {0xFFF0, 0xFFFF},     // specials
    {0x1F000, 0x1FAFF},   // mahjong, cards, emoji, pictographs
    {0x1FB00, 0x1FBFF},   // symbols for legacy computing
    {0xE0000, 0xE007F},   // tags
    {0xE0100, 0xE01EF},   // variation selectors supplement
    {0xF0000, 0x10FFFF},  // supplementary private use planes
});

constexpr bool ranges_are_sorted() {
  for (std::size_t i = 0; i < kNonWordRanges.size(); ++i) {
    if (kNonWordRanges[i].first > kNonWordRanges[i].last) return false;
    if (i > 0 && kNonWordRanges[i - 1].last >= kNonWordRanges[i].first) return false;
  }
  return true;
}
static_assert(ranges_are_sorted(), "binary search needs sorted, disjoint ranges");

constexpr std::array<bool, 128> make_ascii_word_table() {
  std::array<bool, 128> table{};
  for (char c = '0'; c <= '9'; ++c) table[static_cast<unsigned char>(c)] = true;
  for (char c = 'A'; c <= 'Z'; ++c) table[static_cast<unsigned char>(c)] = true;
  for (char c = 'a'; c <= 'z'; ++c) table[static_cast<unsigned char>(c)] = true;
  table['_'] = true;
  return table;
}
constexpr std::array<bool, 128> kAsciiWord = make_ascii_word_table();

}  // namespace

Decoded decode_utf8(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};

  // 0xC0 and 0xC1 could only start overlong forms, 0xF5.. only values past
  // U+10FFFF, so they are rejected up front with the continuation bytes.
  std::size_t length = 0;
  char32_t code_point = 0;
  char32_t smallest = 0;  // below this the form is overlong
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code_point = lead & 0x1F;
    smallest = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code_point = lead & 0x0F;
    smallest = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code_point = lead & 0x07;
    smallest = 0x10000;
  } else {
    return {};
  }
  if (length > text.size() - pos) return {};
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[pos + k]);
    if (!is_continuation(byte)) return {};
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  if (code_point < smallest || code_point > 0x10FFFF) return {};
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return {};
  return {code_point, length};
}

Decoded decode_utf8_before(std::string_view text, std::size_t pos) {
  const auto last = static_cast<unsigned char>(text[pos - 1]);
  if (last < 0x80) return {last, 1};
  if (!is_continuation(last)) return {};  // a lead byte cannot end a character

  // Walk back to the lead byte (at most three continuation bytes). Decoding
  // forward from it and requiring the character to end exactly at `pos` keeps
  // this consistent with decode_utf8: a byte the forward pass calls invalid
  // is invalid here too.
  const std::size_t floor = pos >= 4 ? pos - 4 : 0;
  std::size_t start = pos - 1;
  while (start > floor && is_continuation(static_cast<unsigned char>(text[start]))) --start;
  const Decoded decoded = decode_utf8(text, start);
  if (decoded.code_point != kInvalidCodePoint && start + decoded.length == pos) return decoded;
  return {};
}

bool is_valid_utf8(std::string_view text) {
  std::size_t pos = 0;
  const std::size_t size = text.size();
  while (pos < size) {
    // Skip ASCII eight bytes at a time: most text is mostly ASCII.
    while (pos + 8 <= size) {
      std::uint64_t block = 0;
      std::memcpy(&block, text.data() + pos, sizeof block);
      if ((block & 0x8080808080808080ULL) != 0) break;
      pos += 8;
    }
    if (pos >= size) break;
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const Decoded decoded = decode_utf8(text, pos);
    if (decoded.code_point == kInvalidCodePoint) return false;
    pos += decoded.length;
  }
  return true;
}

bool is_word_code_point(char32_t c) {
  if (c < 0x80) return kAsciiWord[c];
  if (c > 0x10FFFF) return false;  // includes kInvalidCodePoint
  const auto* after =
      std::upper_bound(kNonWordRanges.begin(), kNonWordRanges.end(), c,
                       [](char32_t value, const Range& r) { return value < r.first; });
  if (after == kNonWordRanges.begin()) return true;
  return c > std::prev(after)->last;
}

}  // namespace demarche::text
