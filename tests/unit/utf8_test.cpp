#include "text/utf8.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace demarche::text {
namespace {

using namespace std::string_view_literals;

TEST(DecodeUtf8, Ascii) {
  const Decoded d = decode_utf8("ab", 1);
  EXPECT_EQ(d.code_point, U'b');
  EXPECT_EQ(d.length, 1u);
}

TEST(DecodeUtf8, MultiByteForms) {
  const std::string_view text = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // é € 😀
  Decoded d = decode_utf8(text, 0);
  EXPECT_EQ(d.code_point, U'\u00E9');
  EXPECT_EQ(d.length, 2u);
  d = decode_utf8(text, 2);
  EXPECT_EQ(d.code_point, U'\u20AC');
  EXPECT_EQ(d.length, 3u);
  d = decode_utf8(text, 5);
  EXPECT_EQ(d.code_point, U'\U0001F600');
  EXPECT_EQ(d.length, 4u);
}

TEST(DecodeUtf8, BoundaryCodePoints) {
  EXPECT_EQ(decode_utf8("\xC2\x80", 0).code_point, 0x80u);
  EXPECT_EQ(decode_utf8("\xDF\xBF", 0).code_point, 0x7FFu);
  EXPECT_EQ(decode_utf8("\xE0\xA0\x80", 0).code_point, 0x800u);
  EXPECT_EQ(decode_utf8("\xEF\xBF\xBF", 0).code_point, 0xFFFFu);
  EXPECT_EQ(decode_utf8("\xF0\x90\x80\x80", 0).code_point, 0x10000u);
  EXPECT_EQ(decode_utf8("\xF4\x8F\xBF\xBF", 0).code_point, 0x10FFFFu);
}

// Every malformed sequence is reported as one invalid byte, so a caller that
// advances by `length` visits each following byte too.
TEST(DecodeUtf8, InvalidSequencesConsumeOneByte) {
  const std::vector<std::string_view> invalid = {
      "\x80"sv,              // lone continuation byte
      "\xBF"sv,              // lone continuation byte
      "\xC0\xAF"sv,          // overlong '/'
      "\xC1\xBF"sv,          // overlong
      "\xE0\x80\xAF"sv,      // overlong three-byte form
      "\xF0\x80\x80\xAF"sv,  // overlong four-byte form
      "\xED\xA0\x80"sv,      // surrogate U+D800
      "\xED\xBF\xBF"sv,      // surrogate U+DFFF
      "\xF4\x90\x80\x80"sv,  // U+110000
      "\xF5\x80\x80\x80"sv,  // lead byte past U+10FFFF
      "\xFF"sv,
      "\xFE"sv,
      "\xE2\x82"sv,      // truncated at the end of the text
      "\xE2\x82X"sv,     // interrupted by ASCII
      "\xC3\xC3\xA9"sv,  // lead byte followed by another lead byte
  };
  for (const std::string_view text : invalid) {
    const Decoded d = decode_utf8(text, 0);
    EXPECT_EQ(d.code_point, kInvalidCodePoint) << testing::PrintToString(std::string(text));
    EXPECT_EQ(d.length, 1u);
  }
}

TEST(DecodeUtf8, ResumesAfterInvalidByte) {
  const std::string_view text = "\xC3\xC3\xA9";
  EXPECT_EQ(decode_utf8(text, 0).code_point, kInvalidCodePoint);
  const Decoded d = decode_utf8(text, 1);
  EXPECT_EQ(d.code_point, U'\u00E9');
  EXPECT_EQ(d.length, 2u);
}

std::vector<Decoded> decode_forward(std::string_view text) {
  std::vector<Decoded> out;
  for (std::size_t pos = 0; pos < text.size();) {
    out.push_back(decode_utf8(text, pos));
    pos += out.back().length;
  }
  return out;
}

std::vector<Decoded> decode_backward(std::string_view text) {
  std::vector<Decoded> out;
  for (std::size_t pos = text.size(); pos > 0;) {
    out.insert(out.begin(), decode_utf8_before(text, pos));
    pos -= out.front().length;
  }
  return out;
}

TEST(DecodeUtf8Before, MatchesForwardDecodingOnValidText) {
  const std::string_view text = "Z\xC3\xBCrich \xE2\x82\xAC\xF0\x9F\x98\x80 \xE6\x9D\xB1";
  const auto forward = decode_forward(text);
  const auto backward = decode_backward(text);
  ASSERT_EQ(forward.size(), backward.size());
  for (std::size_t i = 0; i < forward.size(); ++i) {
    EXPECT_EQ(forward[i].code_point, backward[i].code_point) << i;
    EXPECT_EQ(forward[i].length, backward[i].length) << i;
  }
}

TEST(DecodeUtf8Before, MatchesForwardDecodingOnBrokenText) {
  // Truncated, stray and overlong sequences mixed with good ones: walking
  // backwards must cut the bytes exactly where walking forwards does.
  const std::string_view text =
      "a\xE2\x82\xC3\xA9\x80\x80\xC0\xAF\xF0\x9F\x98\xE2\x82\xAC\xED\xA0\x80z";
  const auto forward = decode_forward(text);
  const auto backward = decode_backward(text);
  ASSERT_EQ(forward.size(), backward.size());
  for (std::size_t i = 0; i < forward.size(); ++i) {
    EXPECT_EQ(forward[i].code_point, backward[i].code_point) << i;
    EXPECT_EQ(forward[i].length, backward[i].length) << i;
  }
}

TEST(DecodeUtf8Before, SingleCharacters) {
  EXPECT_EQ(decode_utf8_before("ab", 2).code_point, U'b');
  const Decoded euro = decode_utf8_before("x\xE2\x82\xAC", 4);
  EXPECT_EQ(euro.code_point, U'\u20AC');
  EXPECT_EQ(euro.length, 3u);
  // A lead byte cannot end a character.
  const Decoded lead = decode_utf8_before("x\xC3", 2);
  EXPECT_EQ(lead.code_point, kInvalidCodePoint);
  EXPECT_EQ(lead.length, 1u);
  // Five continuation bytes: no lead byte within reach.
  const Decoded tail = decode_utf8_before("\x80\x80\x80\x80\x80", 5);
  EXPECT_EQ(tail.code_point, kInvalidCodePoint);
  EXPECT_EQ(tail.length, 1u);
}

TEST(IsValidUtf8, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ASCII text that is longer than eight bytes"));
  EXPECT_TRUE(is_valid_utf8("Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80"));
  EXPECT_TRUE(is_valid_utf8(std::string_view("nul\0inside", 10)));
}

TEST(IsValidUtf8, RejectsMalformedTextAnywhere) {
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("sixteen bytes ok\xC3"));  // truncated after the ASCII fast path
  EXPECT_FALSE(is_valid_utf8("abc\xED\xA0\x80"));       // surrogate
  EXPECT_FALSE(is_valid_utf8("abcdefgh\xC0\xAFijklmnop"));
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));
}

TEST(IsWordCodePoint, AsciiLettersDigitsUnderscore) {
  for (const char32_t c : U"azAZ09_"sv) EXPECT_TRUE(is_word_code_point(c)) << int(c);
  for (const char32_t c : U" \t\n.,;:!?'\"-()[]{}/\\@#$%&*+=<>|~^`"sv) {
    EXPECT_FALSE(is_word_code_point(c)) << int(c);
  }
}

TEST(IsWordCodePoint, NonAsciiLettersAndMarks) {
  const std::u32string letters =
      U"\u00E9\u00FC\u00F1\u00DF\u00C5\u0153\u0142"  // é ü ñ ß Å œ ł
      U"\u03B1\u03A9\u0436\u05D0\u0627\u0928"        // Greek, Cyrillic, Hebrew, Arabic, Devanagari
      U"\u6771\u4EAC\u3042\u30AB\uAC00"              // CJK, kana, Hangul
      U"\u0301\u00AA\u00B5\u0661";                   // combining acute, ª, µ, Arabic-Indic one
  for (const char32_t c : letters) EXPECT_TRUE(is_word_code_point(c)) << std::hex << int(c);
}

TEST(IsWordCodePoint, NonAsciiSeparators) {
  const std::u32string separators =
      U"\u00A0\u2009\u202F\u3000"              // spaces
      U"\u2018\u2019\u201C\u201D\u00AB\u00BB"  // quotes
      U"\u2013\u2014\u2212\u2026"              // dashes, minus, ellipsis
      U"\u200B\uFEFF\u00AD"                    // zero-width, soft hyphen
      U"\u00A9\u00AE\u20AC\u00A3\u00B0"        // © ® € £ °
      U"\u060C\u061F\u3001\u3002\uFF0C"        // Arabic and CJK punctuation
      U"\U0001F600\U0001F54A\u2192";           // emoji, arrow
  for (const char32_t c : separators) EXPECT_FALSE(is_word_code_point(c)) << std::hex << int(c);
  EXPECT_FALSE(is_word_code_point(kInvalidCodePoint));
  EXPECT_FALSE(is_word_code_point(0x110000));
}

}  // namespace
}  // namespace demarche::text
