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
#include <vector>

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
static_assert(kListCount <= 32, "a word's lists are the bits of a std::uint32_t");

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
// or with "word*" any word it begins, with "*word" any word it ends ("*"
// alone: any word).
bool entry_matches(std::string_view word, std::string_view entry);

// Every list, read from lexicon.txt's syntax. A word is looked up in one
// hash table for all lists (its bits say which), so asking whether a word is
// in a list costs one probe, not a probe a list; the few entries with '*'
// are kept apart, by list.
class Lexicon {
 public:
  // The lists in `text`, or null with `*error` saying on which line what
  // is wrong: a word outside any list, an unknown or repeated `[name]`, a
  // list missing or empty, a word twice in a list, an upper-case letter, a
  // '*' inside a word or alone.
  static std::unique_ptr<const Lexicon> parse(std::string_view text, std::string* error);

  // The table holds views of the entries: not copied, not moved.
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // True when `word` (lower case) is in `list`.
  bool contains(std::string_view word, List list) const;
  // The list's entries as written, in order.
  const std::vector<std::string>& entries(List list) const {
    return entries_[static_cast<std::size_t>(list)];
  }

 private:
  Lexicon() = default;
  void index();
  std::uint32_t bits_of(std::string_view word) const;

  std::array<std::vector<std::string>, kListCount> entries_;
  // Open addressing over the plain words of every list: a word (a view of
  // entries_, whose strings do not move once index() ran) and the bits of
  // the lists holding it; an empty word marks an empty slot.
  struct Slot {
    std::string_view word;
    std::uint32_t lists = 0;
  };
  std::vector<Slot> slots_;
  std::array<std::vector<std::string_view>, kListCount> prefixes_;
  std::array<std::vector<std::string_view>, kListCount> suffixes_;
  std::uint32_t lists_with_affixes_ = 0;  // a bit per list that has any
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
