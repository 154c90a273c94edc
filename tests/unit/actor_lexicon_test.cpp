// The actors plugin's word lists (plugins/actors/src/lexicon.cpp, compiled
// into this suite by its path): a named list, looked up through its index,
// answers every word as the same entries read one by one do (a copy of the
// list, which has no index).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "../../plugins/actors/src/lexicon.hpp"

namespace demarche_actors {
namespace {

std::vector<WordList> named_lists() {
  using namespace words;
  return {kDeterminers,         kNonSubjectPrepositions, kSubordinators,  kParentheticalStarts,
          kObjectStops,         kPassiveAuxiliaries,     kPassiveAdverbs, kPatientNouns,
          kSpeechVerbs,         kReactionVerbs,          kReceivingVerbs, kNameFollowers,
          kAgreementAdjectives, kAgreementNouns,         kPersonLikeKeys, kOfficialWords,
          kAmericaRegions,      kAttitudePrefixes,       kAgentNouns,     kLeavingVerbs,
          kDeclareVerbs};
}

// Words near every entry: itself, without its '*', longer, shorter, with
// another first or last letter; and random short words.
std::vector<std::string> probes(WordList list, std::mt19937& random) {
  std::vector<std::string> out{"", "*", "s", "ly", "the", "quickly", "un"};
  for (const std::string_view entry : list) {
    std::string word(entry);
    std::erase(word, '*');
    for (const std::string& w :
         {std::string(entry), word, word + "s", word + "ly", "re" + word, "x" + word, word + "x"}) {
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

TEST(ActorLexicon, IndexedListsAnswerAsTheirEntriesReadOneByOne) {
  std::mt19937 random(13);
  int lists = 0;
  for (const WordList list : named_lists()) {
    const std::vector<std::string_view> copy(list.begin(), list.end());
    const WordList unindexed(copy.data(), copy.size());
    for (const std::string& word : probes(list, random)) {
      ASSERT_EQ(in_list(word, list), in_list(word, unindexed)) << "'" << word << "'";
    }
    // A part of a named list (same start, fewer entries) is not that list.
    const WordList head = list.first(list.size() - 1);
    const WordList unindexed_head(copy.data(), copy.size() - 1);
    for (const std::string_view entry : list) {
      ASSERT_EQ(in_list(entry, head), in_list(entry, unindexed_head)) << "'" << entry << "'";
    }
    ++lists;
  }
  EXPECT_EQ(lists, 21);
}

}  // namespace
}  // namespace demarche_actors
