// lexicon.hpp: the closed word lists the plugin reads sentence structure
// with. The words are data, in plugins/actors/data/lexicon.txt (which says
// what each list is for), compiled into the plugin when it is built; this
// header names the lists and looks words up in them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "word_lists.hpp"

namespace demarche_actors {

// One per `[name]` of lexicon.txt, in kListNames' order.
enum class List : std::uint8_t {
  kDeterminers,
  kNonSubjectPrepositions,
  kSubordinators,
  kParentheticalStarts,
  kObjectStops,
  kPassiveAuxiliaries,
  kPassiveAdverbs,
  kPatientNouns,
  kSpeechVerbs,
  kReactionVerbs,
  kReceivingVerbs,
  kNameFollowers,
  kAgreementAdjectives,
  kAgreementNouns,
  kPersonLikeKeys,
  kOfficialWords,
  kAmericaRegions,
  kAgentNouns,
  kLeavingVerbs,
  kDeclareVerbs,
  kLeaveWords,
  kDecisionNouns,
  kVerbGlue,
  kAttributionVerbs,
  kReportingVerbs,
  kVerbMarkers,
  kNounFollowers,
  kAfterReducedPassive,
};
inline constexpr std::size_t kListCount = 28;
static_assert(static_cast<std::size_t>(List::kAfterReducedPassive) + 1 == kListCount);
static_assert(kListCount <= demarche_word_lists::WordLists::kMaxLists);

// The `[name]` of each list in lexicon.txt.
inline constexpr std::array<std::string_view, kListCount> kListNames = {"determiners",
                                                                        "non-subject-prepositions",
                                                                        "subordinators",
                                                                        "parenthetical-starts",
                                                                        "object-stops",
                                                                        "passive-auxiliaries",
                                                                        "passive-adverbs",
                                                                        "patient-nouns",
                                                                        "speech-verbs",
                                                                        "reaction-verbs",
                                                                        "receiving-verbs",
                                                                        "name-followers",
                                                                        "agreement-adjectives",
                                                                        "agreement-nouns",
                                                                        "person-like-keys",
                                                                        "official-words",
                                                                        "america-regions",
                                                                        "agent-nouns",
                                                                        "leaving-verbs",
                                                                        "declare-verbs",
                                                                        "leave-words",
                                                                        "decision-nouns",
                                                                        "verb-glue",
                                                                        "attribution-verbs",
                                                                        "reporting-verbs",
                                                                        "verb-markers",
                                                                        "noun-followers",
                                                                        "after-reduced-passive"};

// True when `word` is what one entry of a list stands for: the entry itself,
// or with "word*" any word it begins, with "*word" any longer word it ends.
using demarche_word_lists::entry_matches;

// Every list, read from lexicon.txt's syntax (plugins/common/word_lists.hpp,
// which looks a word up in all lists with one probe).
class Lexicon {
 public:
  // The lists in `text`, or null with `*error` saying on which line what
  // is wrong: a word outside any list, an unknown or repeated `[name]`, a
  // list missing or empty, a word twice in a list, an upper-case letter, a
  // '*' inside a word or alone.
  static std::unique_ptr<const Lexicon> parse(std::string_view text, std::string* error);

  // True when `word` (lower case) is in `list`.
  bool contains(std::string_view word, List list) const {
    return lists_->contains(word, static_cast<std::size_t>(list));
  }
  // The list's entries as written, in order.
  const std::vector<std::string>& entries(List list) const {
    return lists_->entries(static_cast<std::size_t>(list));
  }

 private:
  explicit Lexicon(std::unique_ptr<const demarche_word_lists::WordLists> lists)
      : lists_(std::move(lists)) {}
  std::unique_ptr<const demarche_word_lists::WordLists> lists_;
};

// lexicon.txt as it was when the plugin was built (generated by
// cmake/embed_text.cmake).
std::string_view embedded_lexicon();

// The embedded lists, parsed on first use; throws std::runtime_error naming
// the line when they do not parse (the plugin then refuses to load).
const Lexicon& lexicon();

// True when `word` (lower case) is in `list` of the embedded lexicon.
inline bool in_list(std::string_view word, List list) {
  return lexicon().contains(word, list);
}

}  // namespace demarche_actors
