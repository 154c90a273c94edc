// cues.hpp: the words that make an event not asserted, and how far each
// reaches towards the words a rule matched (the "trigger").
//
// The cue list itself, with the reason for each reach, is in cues.cpp; the
// classes and examples are in README.md.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "modality.hpp"
#include "tokens.hpp"

namespace demarche_modality {

// How a cue reaches the trigger, counted in words between the cue's last
// word (or the "to" it governs) and the trigger's first word.
enum class Scope {
  kAdjacent,    // up to `reach` words, all auxiliaries or adverbs ("did not yet expel")
  kNear,        // up to `reach` words of any kind, none a reason preposition ("over", "amid")
  kInfinitive,  // up to `object_reach` words, then "to", then up to `reach` words
                // ("urged the bloc's members to expel")
  kClause,      // anywhere before the trigger in its clause ("if ...")
};

// What is known about the sentence around one trigger.
struct Window {
  const std::vector<Token>* tokens = nullptr;
  const std::vector<bool>* in_span = nullptr;  // tokens the rule matched
  const std::vector<int>* clause = nullptr;    // clause numbers (clause.hpp)
  std::size_t first_word = 0;                  // the sentence's first word token
  std::size_t lower = 0;                       // first token a cue may use
  std::size_t trigger = 0;                     // the trigger's first token
  // Only tokens of the trigger's clause take part; the words of a
  // parenthetical clause inside it are skipped.
  bool in_clause(std::size_t i) const { return (*clause)[i] == (*clause)[trigger]; }
};

struct CueMatch {
  Modality modality = Modality::kAsserted;
  std::size_t first = 0;  // token range of the cue, inclusive
  std::size_t last = 0;
};

class CueTable {
 public:
  CueTable();

  // The cue nearest the trigger in [lower, trigger), found by scanning right
  // to left. A threat or demand cue further left than a word of decision
  // ("decided", "voted", "announced") is not used: "warned in May and
  // decided on Friday to expel" asserts. A cue that is itself negated ("did
  // not threaten to", "has no plans to") is reported as a negation.
  std::optional<CueMatch> nearest(const Window& w) const;

  // One cue of the table in cues.cpp, parsed.
  struct Cue {
    Modality modality;
    std::vector<std::string_view> words;  // each a list of alternatives
    Scope scope;
    std::size_t reach;
    std::size_t object_reach;
    std::string_view bridge;
    std::string_view not_before;
    std::string_view not_after;
    bool lower_case_only;
    bool sentence_initial;
  };

 private:
  std::optional<CueMatch> match(const Cue& cue, const Window& w, std::size_t at) const;

  std::vector<Cue> cues_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_word_;
  std::vector<std::size_t> by_suffix_;  // cues whose first word is given by its ending ("*n't")
};

// One word of a phrase: alternatives separated by '|'; an alternative
// starting with '*' matches a word ending in the rest ("*n't").
bool word_matches(std::string_view alternatives, std::string_view word);

// Auxiliaries and adverbs that may stand between a negation or a modal and
// its verb without changing what is negated: "has not yet been expelled".
bool is_transparent(std::string_view word);

// Negators: "not", "never", "no", "n't" ...
bool is_negator(std::string_view word);

}  // namespace demarche_modality
