// The modality plugin's word lists (plugins/modality/data/words.txt, read by
// plugins/modality/word_sets.cpp with plugins/common/word_lists.cpp): the
// embedded file is the source file and parses, its lists answer as their
// entries read one by one do, and the reader keeps what the old inline lists
// meant ("*ed" a longer word, a two-word phrase in no list). Also the shared
// reader's own rules, which the actors plugin's lexicon test covers with its
// file name.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <string_view>

#include "../../plugins/modality/word_sets.hpp"
#include "embedded_file.hpp"
#include "word_lists.hpp"

namespace demarche_modality {
namespace {

using demarche_word_lists::entry_matches;
using demarche_word_lists::WordLists;

TEST(ModalityWordSets, EmbeddedListsAreTheSourceFileAndParse) {
  demarche::testing::expect_embedded_is_source(embedded_words(), "plugins/modality/data/words.txt");
  std::string error;
  EXPECT_NE(WordLists::parse(embedded_words(), "words.txt", kWordSetNames, &error), nullptr)
      << error;
  EXPECT_NO_THROW(word_sets());
}

TEST(ModalityWordSets, EveryListAnswersAsItsEntriesReadOneByOne) {
  for (std::size_t set = 0; set < kWordSetCount; ++set) {
    const std::vector<std::string>& entries = word_sets().entries(set);
    ASSERT_FALSE(entries.empty()) << kWordSetNames[set];
    for (const std::string& entry : entries) {
      std::string word = entry;
      std::erase(word, '*');
      for (const std::string& probe : {entry, word, word + "s", "x" + word, word + "ed",
                                       word.substr(1), std::string("ed"), std::string("ing")}) {
        bool expected = false;
        for (const std::string& e : entries) expected = expected || entry_matches(probe, e);
        EXPECT_EQ(in_set(probe, static_cast<WordSet>(set)), expected)
            << kWordSetNames[set] << ": '" << probe << "'";
      }
    }
  }
}

TEST(ModalityWordSets, ListsMeanWhatTheInlineListsMeant) {
  // "*ed" and "*ing" stand for longer words only, as the '|' lists had it.
  EXPECT_TRUE(in_set("finished", WordSet::kCompletionWords));
  EXPECT_TRUE(in_set("done", WordSet::kCompletionWords));
  EXPECT_FALSE(in_set("ed", WordSet::kCompletionWords));
  EXPECT_FALSE(in_set("en", WordSet::kCompletionWords));
  EXPECT_TRUE(in_set("meddling", WordSet::kConditionOpeners));
  EXPECT_FALSE(in_set("ing", WordSet::kConditionOpeners));
  // Whole words only, and a phrase is in no list.
  EXPECT_TRUE(in_set("communiqué", WordSet::kTextNouns));
  EXPECT_FALSE(in_set("communiq", WordSet::kTextNouns));
  EXPECT_FALSE(in_set("called off", WordSet::kPredictionParticiples));
  EXPECT_TRUE(in_set("expected", WordSet::kPredictionParticiples));
  // A word in two lists is in both.
  EXPECT_TRUE(in_set("that", WordSet::kRelativePronouns));
  EXPECT_TRUE(in_set("that", WordSet::kParticipleGovernors));
  EXPECT_FALSE(in_set("that", WordSet::kTextNouns));
}

TEST(WordLists, ReportsTheFileItWasGivenWithLineAndColumn) {
  constexpr std::array<std::string_view, 2> kNames = {"one", "two"};
  std::string error;
  EXPECT_NE(WordLists::parse("[one]\na b\n[two]\nc *d e*\n", "x.txt", kNames, &error), nullptr)
      << error;
  EXPECT_EQ(WordLists::parse("[one]\na B\n[two]\nc\n", "x.txt", kNames, &error), nullptr);
  EXPECT_EQ(error, "x.txt:2:3: 'B' has an upper-case letter (tokens are compared lower-cased)");
  EXPECT_EQ(WordLists::parse("[one]\na\n", "x.txt", kNames, &error), nullptr);
  EXPECT_EQ(error, "x.txt: list 'two' is missing");
  EXPECT_EQ(WordLists::parse("[one]\na\n[three]\n", "x.txt", kNames, &error), nullptr);
  EXPECT_EQ(error, "x.txt:3:2: no list is called 'three'");
}

TEST(WordLists, APrefixEntryTakesTheWordItselfASuffixEntryOnlyLongerWords) {
  // "word*": every word it begins, itself included; "*word": every longer
  // word it ends.
  EXPECT_TRUE(entry_matches("expel", "expel*"));
  EXPECT_TRUE(entry_matches("expels", "expel*"));
  EXPECT_TRUE(entry_matches("swiftly", "*ly"));
  EXPECT_FALSE(entry_matches("ly", "*ly"));
  constexpr std::array<std::string_view, 1> kNames = {"only"};
  std::string error;
  const auto lists = WordLists::parse("[only]\nexpel* *ly\n", "x.txt", kNames, &error);
  ASSERT_NE(lists, nullptr) << error;
  EXPECT_TRUE(lists->contains("expel", 0));
  EXPECT_TRUE(lists->contains("swiftly", 0));
  EXPECT_FALSE(lists->contains("ly", 0));
  EXPECT_FALSE(lists->contains("", 0));
}

}  // namespace
}  // namespace demarche_modality
