#include "text/words.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace demarche::text {
namespace {

std::size_t count(std::string_view text) {
  return WordIndex(text).word_count();
}

TEST(WordIndex, EmptyAndWordlessText) {
  EXPECT_EQ(count(""), 0u);
  EXPECT_EQ(count("  ... -- !? \n"), 0u);
  EXPECT_EQ(WordIndex("").words_between(0, 10), 0u);
}

TEST(WordIndex, SimpleWords) {
  EXPECT_EQ(count("The envoy left on Friday."), 5u);
  EXPECT_EQ(count("  leading and trailing  "), 3u);
  EXPECT_EQ(count("one,two;three(four)five"), 5u);
  EXPECT_EQ(count("snake_case counts once"), 3u);
}

TEST(WordIndex, ApostrophesAndHyphensJoinWords) {
  EXPECT_EQ(count("the envoy's so-called visit"), 4u);
  EXPECT_EQ(count("don't re-re-examine it"), 3u);
  EXPECT_EQ(count("the envoy\u2019s car"), 3u);  // curly apostrophe, as in raw text
  EXPECT_EQ(count("a\u2011b"), 1u);              // non-breaking hyphen
}

TEST(WordIndex, EdgeApostrophesAndHyphensDoNotJoin) {
  EXPECT_EQ(count("'quoted' words"), 2u);
  EXPECT_EQ(count("the envoys' plan"), 3u);
  EXPECT_EQ(count("pre- and post-war"), 3u);
  EXPECT_EQ(count("well--known"), 2u);
  EXPECT_EQ(count("a - b"), 2u);
  EXPECT_EQ(count("end-"), 1u);
}

TEST(WordIndex, NonAsciiLetters) {
  EXPECT_EQ(count("caf\u00E9 in Z\u00FCrich"), 3u);
  EXPECT_EQ(count("\u0141\u00F3d\u017A and \u0391\u03B8\u03AE\u03BD\u03B1"), 3u);
  EXPECT_EQ(count("Cafe\u0301 noir"), 2u);  // combining accent stays in its word
  EXPECT_EQ(count("\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627"), 2u);
  // Scripts without spaces count a run as one word.
  EXPECT_EQ(count("\u6771\u4EAC and \u5927\u962A"), 3u);
}

TEST(WordIndex, NonWordCharactersSeparate) {
  EXPECT_EQ(count("peace\U0001F54Atalks"), 2u);     // emoji
  EXPECT_EQ(count("a\u00A0b"), 2u);                 // NBSP in text that was not normalised
  EXPECT_EQ(count("\u201Cyes\u201D\u2014no"), 2u);  // curly quotes, em dash
  EXPECT_EQ(count("ab\xFF"
                  "cd\xC3"),
            2u);                               // invalid bytes
  EXPECT_EQ(count("5\u20AC or \u00A35"), 3u);  // currency signs
}

TEST(WordIndex, NumbersSplitAtStops) {
  // Only apostrophes and hyphens join: "3.5" is two words to proximity.
  EXPECT_EQ(count("3.5 percent"), 3u);
  EXPECT_EQ(count("in 2021"), 2u);
}

TEST(WordIndex, WordsBetweenCountsStartsInRange) {
  // Words start at 0 (The), 4 (envoy's), 12 (car), 16 (left), 21 (Mali).
  const std::string_view text = "The envoy's car left Mali.";
  const WordIndex index(text);
  ASSERT_EQ(index.word_count(), 5u);
  EXPECT_EQ(index.words_between(0, text.size()), 5u);
  EXPECT_EQ(index.words_between(0, 1), 1u);    // "The" starts at 0
  EXPECT_EQ(index.words_between(1, 4), 0u);    // inside "The", then the space
  EXPECT_EQ(index.words_between(4, 5), 1u);    // "envoy's"
  EXPECT_EQ(index.words_between(5, 12), 0u);   // rest of "envoy's": one word
  EXPECT_EQ(index.words_between(12, 21), 2u);  // "car", "left"
  EXPECT_EQ(index.words_between(3, 3), 0u);
  EXPECT_EQ(index.words_between(10, 4), 0u);  // reversed range
  EXPECT_EQ(index.words_between(21, 1000), 1u);
  EXPECT_EQ(index.words_between(1000, 2000), 0u);
}

TEST(WordIndex, WordsBetweenAddsUpOverAPartition) {
  std::string text;
  for (int i = 0; i < 500; ++i) text += (i % 7 == 0) ? "caf\u00E9-bar, " : "word ";
  const WordIndex index(text);
  EXPECT_EQ(index.word_count(), 500u);
  std::size_t total = 0;
  for (std::size_t begin = 0; begin < text.size(); begin += 13) {
    total += index.words_between(begin, begin + 13);
  }
  EXPECT_EQ(total, index.word_count());
}

}  // namespace
}  // namespace demarche::text
