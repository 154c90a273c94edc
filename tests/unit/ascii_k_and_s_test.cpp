// The ASCII 'k' and 's' that the Vectorscan database is compiled with
// (match/ascii_k_and_s.hpp): what is rewritten and what is left alone, that a
// rewritten regex matches where the original does in text without the two
// signs, and that a text holding a sign is not lost.
#include "match/ascii_k_and_s.hpp"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

#include "demarche/engine.hpp"

namespace demarche::match {
namespace {

constexpr const char* kK = "(?-i:[kK])";
constexpr const char* kS = "(?-i:[sS])";

std::string rewritten(const std::string& regex) {
  const std::optional<std::string> out = ascii_k_and_s(regex);
  return out ? *out : "<null>";
}

TEST(AsciiKAndS, RewritesTheLettersThatFoldCase) {
  EXPECT_EQ(rewritten("(?i)ask"), std::string("(?i)a") + kS + kK);
  EXPECT_EQ(rewritten("(?i)KISS"), std::string("(?i)") + kK + "I" + kS + kS);
  EXPECT_EQ(rewritten("(?i)(?:sanctions?)"), std::string("(?i)(?:") + kS + "anction" + kS + "?)");
  // Case-sensitive letters, and the rest of a regex, are left as they are.
  EXPECT_EQ(rewritten("ask"), "ask");
  EXPECT_EQ(rewritten("(?i)(?-i:US)s"), std::string("(?i)(?-i:US)") + kS);
  EXPECT_EQ(rewritten("k(?i:s)k"), std::string("k(?i:") + kS + ")k");
  EXPECT_EQ(rewritten("(?i)(?:a(?-i)s)s"), std::string("(?i)(?:a(?-i)s)") + kS);
  EXPECT_EQ(rewritten("(?i-s:k)"), std::string("(?i-s:") + kK + ")");
}

TEST(AsciiKAndS, LeavesEscapesClassesAndNamesAlone) {
  for (const char* regex : {"(?i)\\s\\S\\pS\\PS\\p{Sk}\\x{73}\\x6B", "(?i)[sk]", "(?i)[^]sk]",
                            "(?i)[[:space:]k]", "(?i)[\\]s]", "(?i)\\bk{1,2}"}) {
    std::string expected = regex;
    if (expected.ends_with("k{1,2}")) expected = std::string("(?i)\\b") + kK + "{1,2}";
    EXPECT_EQ(rewritten(regex), expected) << regex;
  }
  EXPECT_EQ(rewritten("(?i)(?P<sk>s)"), std::string("(?i)(?P<sk>") + kS + ")");
}

TEST(AsciiKAndS, RefusesWhatItDoesNotRead) {
  for (const char* regex : {"(?i)\\Qsk\\E", "(?x)s", "(?i)(s", "(?i)s)", "(?i)[s", "(?i)s\\",
                            "(?i)\\p{Sk", "(?i)(?P<sk"}) {
    EXPECT_FALSE(ascii_k_and_s(regex).has_value()) << regex;
  }
}

// On random texts without the signs, RE2 finds the rewritten regex where it
// finds the original.
TEST(AsciiKAndS, MatchesWhereTheOriginalDoesInTextWithoutTheSigns) {
  const std::vector<std::string> regexes = {
      "(?i)ask",        "(?i)(?:kiss|sks?)", "(?i)s(?-i:k)S", "K(?i:s)k",    "(?i)[a-s]k",
      "(?i)s{2}",       "(?i)(?:sk)+a",      "(?i)\\bsk\\b",  "(?i)a\\s?ks", "(?i)(?U)s+k",
      "(?i)(?P<n>s)ak", "(?i)[^k]s",         "(?i:k|S)a(?i)S"};
  const std::string alphabet = "sSkKaA \xC3\xA9";  // with "é", not the signs
  std::mt19937 random(13);
  for (const std::string& regex : regexes) {
    const std::optional<std::string> ascii = ascii_k_and_s(regex);
    ASSERT_TRUE(ascii.has_value()) << regex;
    const RE2 original(regex);
    const RE2 rewritten_re(*ascii);
    ASSERT_TRUE(original.ok() && rewritten_re.ok()) << regex << " " << *ascii;
    for (int n = 0; n < 400; ++n) {
      std::string text;
      const int length = static_cast<int>(random() % 9);
      for (int i = 0; i < length; ++i) {
        const std::size_t pick = random() % 7;
        text += pick == 6 ? alphabet.substr(7) : alphabet.substr(pick, 1);
      }
      EXPECT_EQ(RE2::PartialMatch(text, original), RE2::PartialMatch(text, rewritten_re))
          << regex << " on \"" << text << "\"";
    }
  }
}

TEST(AsciiKAndS, TellsTheSigns) {
  EXPECT_TRUE(holds_k_or_s_sign("a \xE2\x84\xAAiss"));      // U+212A KELVIN SIGN
  EXPECT_TRUE(holds_k_or_s_sign("Mi\xC5\xBF\xC5\xBFion"));  // U+017F LONG S
  EXPECT_FALSE(holds_k_or_s_sign("Kiss, \xC3\xA9t\xC3\xA9"));
}

// A rule finds its words written with the signs, as RE2 reads them (the
// scan's part: hyperscan_scan_test.cpp).
TEST(AsciiKAndS, ARuleFindsItsWordsWrittenWithTheSigns) {
  const Loaded loaded = compile_rules(
      {{"t.rules",
        "event expulsion\n  prior: 0.03\nrule expulsion.t\n  type: expulsion\n  weight: 0.9\n"
        "  match: expelled ~3 diplomats\n"}});
  ASSERT_TRUE(loaded.ok());
  const Engine& engine = *loaded.engine;
  EXPECT_EQ(engine.classify_sentence("Valdoria expelled two diplomats.").events.size(), 1u);
  EXPECT_EQ(engine.classify_sentence("Valdoria expelled two diplomat\xC5\xBF.").events.size(), 1u);
  EXPECT_TRUE(
      engine.classify_sentence("Valdoria expelled two diplomat\xC5\xBF\xC5\xBF.").events.empty());
  EXPECT_TRUE(engine.classify_sentence("Valdoria welcomed two diplomat\xC5\xBF.").events.empty());
}

}  // namespace
}  // namespace demarche::match
