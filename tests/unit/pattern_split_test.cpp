// Parts of a regex too long for Vectorscan (match/pattern_split.hpp): each
// fits, and together they match where the whole does, checked with RE2 on
// random text.
#include "match/pattern_split.hpp"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

namespace demarche::match {
namespace {

bool any_matches(const std::vector<std::unique_ptr<RE2>>& parts, const std::string& text) {
  for (const auto& part : parts) {
    if (RE2::PartialMatch(text, *part)) return true;
  }
  return false;
}

std::string words_alternation(std::mt19937& random, int count) {
  std::string out = "(?:";
  for (int i = 0; i < count; ++i) {
    if (i > 0) out += '|';
    const int length = 1 + static_cast<int>(random() % 3);
    for (int k = 0; k < length; ++k) out += static_cast<char>('a' + random() % 4);
    if (random() % 5 == 0) out += "(?-i:B)";
  }
  return out + ")";
}

TEST(PatternSplit, ShortPatternsStayWhole) {
  EXPECT_EQ(split_for_length("(?:a|b)c", 100), std::vector<std::string>{"(?:a|b)c"});
}

TEST(PatternSplit, PartsFitAndMatchWhereTheWholeDoes) {
  std::mt19937 random(11);
  for (int round = 0; round < 30; ++round) {
    const std::string regex = "(?i)(?:x" + words_alternation(random, 60) + "(?:'s|s)? " +
                              words_alternation(random, 8) + ")";
    const std::vector<std::string> parts = split_for_length(regex, 120);
    ASSERT_FALSE(parts.empty()) << regex;
    EXPECT_GT(parts.size(), 1u);
    std::vector<std::unique_ptr<RE2>> compiled;
    for (const std::string& part : parts) {
      EXPECT_LE(part.size(), 120u) << part;
      compiled.push_back(std::make_unique<RE2>(part));
      ASSERT_TRUE(compiled.back()->ok()) << part;
    }
    const RE2 whole(regex);
    for (int t = 0; t < 300; ++t) {
      std::string text = "x";
      const int length = static_cast<int>(random() % 8);
      for (int k = 0; k < length; ++k) text += "abcdBs' "[random() % 8];
      ASSERT_EQ(any_matches(compiled, text), RE2::PartialMatch(text, whole))
          << regex << "\ntext '" << text << "'";
    }
  }
}

TEST(PatternSplit, LeavesAlternationsWhoseCutWouldChangeTheLanguage) {
  // Repeated: (?:a|b){2} matches "ab", which neither (?:a){2} nor (?:b){2} does.
  EXPECT_TRUE(split_for_length("(?:aaaa|bbbb){2}", 12).empty());
  EXPECT_TRUE(split_for_length("(?:aaaa|bbbb)+", 12).empty());
  // A flag inside reaches across '|': cut, "b" would lose its (?i).
  EXPECT_TRUE(split_for_length("(?:(?i)aaaa|bbbb)", 12).empty());
  // Under ? a cut keeps the language.
  EXPECT_EQ(split_for_length("(?:aaaa|bbbb)?c", 12),
            (std::vector<std::string>{"(?:aaaa)?c", "(?:bbbb)?c"}));
  // Escapes and classes do not confuse the cut.
  EXPECT_EQ(split_for_length("(?:\\(a\\||[|)]b)", 10),
            (std::vector<std::string>{"(?:\\(a\\|)", "(?:[|)]b)"}));
}

}  // namespace
}  // namespace demarche::match
