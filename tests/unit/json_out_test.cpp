// cmd/json_out.hpp writes JSON by hand for speed; it must write exactly what
// nlohmann's dump (to_json_text, error_handler_t::replace) writes for the
// same value. Compared here on random and chosen input. The file is compiled
// into this suite by its path.
#include "../../cmd/json_out.hpp"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>

#include "../../eval/text_format.hpp"
#include "random_text.hpp"

namespace demarche::cli {
namespace {

std::string escaped(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

std::string nlohmann_string(std::string_view text) {
  return to_json_text(Json(std::string(text)));
}

std::string double_text(double value) {
  std::string out;
  append_json_double(out, value);
  return out;
}

std::string value_text(const Json& value) {
  std::string out;
  append_json_value(out, value);
  return out;
}

// True when `text` is well-formed UTF-8: nlohmann's strict handler throws
// on anything else.
bool well_formed(std::string_view text) {
  try {
    static_cast<void>(Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::strict));
    return true;
  } catch (const Json::type_error&) {
    return false;
  }
}

TEST(JsonOut, RandomStringsAreEscapedAsNlohmannEscapesThem) {
  std::mt19937 random(20240613);
  for (int i = 0; i < 200000; ++i) {
    const std::string text = testing::random_text(random);
    const std::string out = escaped(text);
    ASSERT_EQ(out, nlohmann_string(text))
        << "input bytes: " << Json::binary({text.begin(), text.end()}).dump();
    const Json back = Json::parse(out);  // throws on anything that is not JSON
    ASSERT_TRUE(back.is_string());
  }
}

TEST(JsonOut, WellFormedTextParsesBackUnchanged) {
  std::mt19937 random(7);
  int checked = 0;
  for (int i = 0; i < 50000; ++i) {
    const std::string text = testing::random_text(random, 8);
    if (!well_formed(text)) continue;
    ++checked;
    ASSERT_EQ(Json::parse(escaped(text)).get<std::string>(), text);
  }
  EXPECT_GT(checked, 1000);
}

TEST(JsonOut, EveryByteAloneAndInPairs) {
  for (int a = 0; a < 256; ++a) {
    const std::string one(1, static_cast<char>(a));
    ASSERT_EQ(escaped(one), nlohmann_string(one)) << a;
    for (int b = 0; b < 256; ++b) {
      const std::string two = one + static_cast<char>(b);
      ASSERT_EQ(escaped(two), nlohmann_string(two)) << a << ' ' << b;
    }
  }
}

// Plain text is copied a block at a time (16 bytes with SSE2, else 8):
// every byte (and every pair) at every place of a longer ASCII text, so
// that each falls at every offset of a block and next to its edges, and
// blocks start at every offset after a byte that is not copied as is.
TEST(JsonOut, EveryByteAtEveryPlaceInLongerText) {
  const std::string plain = "The quick brown fox jumps over the lazy dog and runs";
  for (std::size_t at = 0; at < plain.size(); ++at) {
    for (int a = 0; a < 256; ++a) {
      std::string text = plain;
      text[at] = static_cast<char>(a);
      ASSERT_EQ(escaped(text), nlohmann_string(text)) << a << " at " << at;
      for (const char b : {'\x80', '\xC3', '\xA9', '"', '\\', '\x1F', ' ', '\x7F'}) {
        if (at + 1 == plain.size()) break;
        text[at + 1] = b;
        ASSERT_EQ(escaped(text), nlohmann_string(text)) << a << " at " << at;
        text[at + 1] = plain[at + 1];
      }
    }
  }
}

TEST(JsonOut, ChosenStrings) {
  EXPECT_EQ(escaped(""), "\"\"");
  EXPECT_EQ(escaped("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(escaped("\b\f\n\r\t"), R"("\b\f\n\r\t")");
  EXPECT_EQ(escaped(std::string("\x00\x01\x0b\x1f", 4)), R"("\u0000\u0001\u000b\u001f")");
  EXPECT_EQ(escaped("\x7f/"), "\"\x7f/\"");  // DEL and / as they are
  EXPECT_EQ(escaped("caf\xC3\xA9 \xF0\x9F\x98\x80"), "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(escaped("\xE0\x80"), "\"" + fffd + fffd + "\"");  // E0 wants A0..BF next
  EXPECT_EQ(escaped("\xF0\x9F\x98"), "\"" + fffd + "\"");     // cut short: one
  EXPECT_EQ(escaped("\xF0\x9F\x98x"), "\"" + fffd + "x\"");
  EXPECT_EQ(escaped("\xED\xA0\x80"), "\"" + fffd + fffd + fffd + "\"");  // a surrogate
  EXPECT_EQ(escaped("\xC0\xAF"), "\"" + fffd + fffd + "\"");             // overlong
  for (const char* text :
       {"\xE0\x80", "\xF0\x9F\x98", "\xF0\x9F\x98x", "\xED\xA0\x80", "\xC0\xAF"}) {
    EXPECT_EQ(escaped(text), nlohmann_string(text)) << text;
  }
}

void expect_double_as_nlohmann(double value) {
  ASSERT_EQ(double_text(value), to_json_text(Json(value))) << std::hexfloat << value;
}

TEST(JsonOut, RandomDoublesAreWrittenAsNlohmannWritesThem) {
  std::mt19937_64 random(99);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int i = 0; i < 300000; ++i) {
    const double value = unit(random);
    expect_double_as_nlohmann(value);
    expect_double_as_nlohmann(round_score(value));  // what the writer writes
    const std::uint64_t bits = random();
    double any = 0;
    std::memcpy(&any, &bits, sizeof any);
    expect_double_as_nlohmann(any);  // NaNs and infinities included: null
  }
}

TEST(JsonOut, ChosenDoubles) {
  EXPECT_EQ(double_text(0.975), "0.975");
  EXPECT_EQ(double_text(1e-05), "1e-05");
  EXPECT_EQ(double_text(0.1), "0.1");
  EXPECT_EQ(double_text(1.0), "1.0");
  EXPECT_EQ(double_text(-0.0), "-0.0");
  EXPECT_EQ(double_text(std::nan("")), "null");
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  for (const double value :
       {0.0,       -0.0,       1.0,         0.1,          0.2,         0.3,       0.975,
        0.999,     0.001,      0.5,         1e-4,         1e-5,        1e-6,      1e-7,
        123456.0,  1e15,       1e16,        1e17,         1e21,        1e22,      -6.906755,
        6.906755,  DBL_MIN,    DBL_MAX,     DBL_TRUE_MIN, DBL_EPSILON, 0.1 + 0.2, 2.0 / 3.0,
        kInfinity, -kInfinity, std::nan("")}) {
    expect_double_as_nlohmann(value);
  }
}

TEST(JsonOut, OtherValuesAsNlohmannWritesThem) {
  std::mt19937 random(3);
  const Json values[] = {nullptr,
                         true,
                         false,
                         0,
                         -1,
                         std::numeric_limits<std::int64_t>::min(),
                         std::numeric_limits<std::uint64_t>::max(),
                         std::size_t{42},
                         2.5,
                         "plain",
                         testing::random_text(random),
                         Json::array({1, "two\n", nullptr, Json::object({{"k\x01", 0.1}})}),
                         Json::object(),
                         Json::array()};
  for (const Json& value : values) EXPECT_EQ(value_text(value), to_json_text(value));
  std::string size;
  append_json_size(size, std::numeric_limits<std::size_t>::max());
  EXPECT_EQ(size, to_json_text(Json(std::numeric_limits<std::size_t>::max())));
  std::string flags;
  append_json_bool(flags, true);
  append_json_bool(flags, false);
  EXPECT_EQ(flags, "truefalse");
}

}  // namespace
}  // namespace demarche::cli
