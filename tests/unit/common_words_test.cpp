// The engine's common words (core/data/common_words.txt, compiled in): the
// embedded text is the source file, every word of it counts as common, and
// nothing of its comments does.
#include "match/common_words.hpp"

#include <gtest/gtest.h>

#include "embedded_file.hpp"

namespace demarche::match {
namespace {

TEST(CommonWords, EmbeddedListIsTheSourceFile) {
  demarche::testing::expect_embedded_is_source(embedded_common_words(),
                                               "core/data/common_words.txt");
}

TEST(CommonWords, EveryListedWordIsCommonAndNoCommentWordIs) {
  // The first, a middle and the last word of the list.
  for (const char* word : {"the", "said", "statement", "say"}) {
    EXPECT_TRUE(matches_a_common_word(word, false)) << word;
  }
  // Words of the comments, never of the list.
  for (const char* word : {"frequent", "prose", "fill", "Compiled", "#", "RE2"}) {
    EXPECT_FALSE(matches_a_common_word(word, true)) << word;
  }
  EXPECT_FALSE(matches_a_common_word("expel\\w*", true));
  EXPECT_TRUE(matches_a_common_word("[Tt]he", false));
  EXPECT_FALSE(matches_a_common_word("THE", false));
  EXPECT_TRUE(matches_a_common_word("THE", true));
}

}  // namespace
}  // namespace demarche::match
