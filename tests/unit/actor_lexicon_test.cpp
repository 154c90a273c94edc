// The actors plugin's word lists (plugins/actors/data/lexicon.txt, read by
// plugins/actors/src/lexicon.cpp, compiled into this suite by its path):
// the embedded file parses, every list answers every word as a plain reading
// of its entries one by one does, and a broken file is refused with the line
// and column of what is wrong.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "../../plugins/actors/src/lexicon.hpp"
#include "embedded_file.hpp"

namespace demarche_actors {
namespace {

// Words near every entry: itself, without its '*', longer, shorter, with
// another first or last letter; and random short words.
std::vector<std::string> probes(const std::vector<std::string>& entries, std::mt19937& random) {
  std::vector<std::string> out{"", "*", "s", "ly", "the", "quickly", "un"};
  for (const std::string& entry : entries) {
    std::string word = entry;
    std::erase(word, '*');
    for (const std::string& w :
         {entry, word, word + "s", word + "ly", "re" + word, "x" + word, word + "x"}) {
      out.push_back(w);
    }
    for (std::size_t n = 0; n < word.size(); ++n) {
      out.push_back(word.substr(0, n));
      out.push_back(word.substr(n));
    }
  }
  for (int i = 0; i < 2000; ++i) {
    std::string w;
    const int n = static_cast<int>(random() % 6);
    for (int k = 0; k < n; ++k) w += static_cast<char>("aelnorsty-*"[random() % 11]);
    out.push_back(w);
  }
  return out;
}

bool in_entries(std::string_view word, const std::vector<std::string>& entries) {
  for (const std::string& entry : entries) {
    if (entry_matches(word, entry)) return true;
  }
  return false;
}

TEST(ActorLexicon, EmbeddedListsAreTheSourceFileAndParse) {
  demarche::testing::expect_embedded_is_source(embedded_lexicon(),
                                               "plugins/actors/data/lexicon.txt");
  std::string error;
  EXPECT_NE(Lexicon::parse(embedded_lexicon(), &error), nullptr) << error;
  EXPECT_NO_THROW(lexicon());
}

TEST(ActorLexicon, EveryListAnswersAsItsEntriesReadOneByOne) {
  std::mt19937 random(13);
  for (std::size_t i = 0; i < kListCount; ++i) {
    const List list = static_cast<List>(i);
    const std::vector<std::string>& entries = lexicon().entries(list);
    ASSERT_FALSE(entries.empty()) << kListNames[i];
    for (const std::string& word : probes(entries, random)) {
      ASSERT_EQ(in_list(word, list), in_entries(word, entries))
          << kListNames[i] << ": '" << word << "'";
    }
  }
}

TEST(ActorLexicon, AWordIsInTheListsThatNameItAndNoOther) {
  EXPECT_TRUE(in_list("the", List::kDeterminers));
  EXPECT_TRUE(in_list("the", List::kParentheticalStarts));
  EXPECT_FALSE(in_list("the", List::kSpeechVerbs));
  EXPECT_TRUE(in_list("diplomats", List::kPatientNouns));  // "diplomat*"
  EXPECT_TRUE(in_list("swiftly", List::kPassiveAdverbs));  // "*ly"
  EXPECT_FALSE(in_list("swiftly", List::kDeterminers));
  EXPECT_FALSE(in_list("The", List::kDeterminers));  // callers pass lower case
}

// A whole file with every list, each holding one word of its own, and
// `extra` at the end.
std::string every_list_and(const std::string& extra) {
  std::string text = "# a comment\n";
  for (const std::string_view name : kListNames) {
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "[" + std::string.
    text += '[';
    text += name;
    text += "]  # its words\n w";
    text += name;
    text += '\n';
  }
  return text + extra;
}

std::string error_of(const std::string& text) {
  std::string error;
  const std::unique_ptr<const Lexicon> parsed = Lexicon::parse(text, &error);
  EXPECT_EQ(parsed == nullptr, !error.empty()) << error;
  return parsed ? "" : error;
}

TEST(ActorLexicon, AWellFormedFileParses) {
  // Words may share a line, and a word may be in several lists.
  std::string error;
  const auto parsed = Lexicon::parse(every_list_and("shared  also*\t*wise # not: words\n"), &error);
  ASSERT_NE(parsed, nullptr) << error;
  const List last = List::kAfterReducedPassive;
  EXPECT_TRUE(parsed->contains("shared", last));
  EXPECT_TRUE(parsed->contains("also", last));
  EXPECT_TRUE(parsed->contains("otherwise", last));
  EXPECT_FALSE(parsed->contains("not", last));
  EXPECT_FALSE(parsed->contains("words", last));
  EXPECT_TRUE(parsed->contains("wdeterminers", List::kDeterminers));
  EXPECT_FALSE(parsed->contains("wdeterminers", List::kSubordinators));
  EXPECT_FALSE(parsed->contains("shared", List::kDeterminers));
  EXPECT_EQ(parsed->entries(last),
            (std::vector<std::string>{"wafter-reduced-passive", "shared", "also*", "*wise"}));
}

TEST(ActorLexicon, ABrokenFileIsRefusedWithLineAndColumn) {
  const std::size_t last_line = 2 * kListCount + 1;  // the comment, then two lines a list
  const std::string next = std::to_string(last_line + 1);
  EXPECT_EQ(error_of("stray\n"), "lexicon.txt:1:1: 'stray' stands before any [list]");
  // A line added after every list: the column and what is wrong.
  const struct {
    const char* line;
    const char* error;
  } kBroken[] = {
      {"[nouns]", "2: no list is called 'nouns'"},
      {"[verb-glue]", "2: list 'verb-glue' is opened twice"},
      {"  [verb-glue", "3: a list's name must end with ']'"},
      {"a  Word", "4: 'Word' has an upper-case letter (tokens are compared lower-cased)"},
      {"x *", "3: '*' alone would stand for every word"},
      {"a*b", "1: 'a*b': '*' may only begin or end a word, once"},
      {"*ab*", "1: '*ab*': '*' may only begin or end a word, once"},
      {"x y x", "5: 'x' is already in list 'after-reduced-passive'"},
  };
  for (const auto& broken : kBroken) {
    EXPECT_EQ(error_of(every_list_and(std::string(broken.line) + "\n")),
              "lexicon.txt:" + next + ":" + broken.error);
  }
  EXPECT_EQ(error_of("[determiners]\nthe\n"),
            "lexicon.txt: list 'non-subject-prepositions' is missing");
  std::string empty_list = every_list_and("");
  empty_list.erase(empty_list.find(" wverb-glue\n"), 12);
  EXPECT_EQ(error_of(empty_list), "lexicon.txt: list 'verb-glue' is empty");
}

TEST(ActorLexicon, AnEntryStandsForWhatItsStarsSay) {
  EXPECT_TRUE(entry_matches("expel", "expel*"));
  EXPECT_TRUE(entry_matches("expelled", "expel*"));
  EXPECT_FALSE(entry_matches("expe", "expel*"));
  EXPECT_TRUE(entry_matches("swiftly", "*ly"));
  EXPECT_FALSE(entry_matches("lye", "*ly"));
  EXPECT_FALSE(entry_matches("ly", "*ly"));  // a longer word only
  EXPECT_TRUE(entry_matches("said", "said"));
  EXPECT_FALSE(entry_matches("saids", "said"));
}

}  // namespace
}  // namespace demarche_actors
