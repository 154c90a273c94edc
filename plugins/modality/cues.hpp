// cues.hpp: the words that make an event not asserted, and how far each
// reaches towards the words a rule matched (the "trigger").
//
// The cues themselves, with the reason for each reach, are data:
// data/cues.txt (read by cue_file.hpp). The classes and examples are in
// README.md.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cue_file.hpp"
#include "modality.hpp"
#include "tokens.hpp"

namespace demarche_modality {

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
  // One cue of data/cues.txt (cue_file.hpp).
  using Cue = CueSpec;

  // The cues in the order data/cues.txt gives them: where two start with
  // the same word, the first that matches is used.
  explicit CueTable(std::vector<Cue> cues);

  // The cue nearest the trigger in [lower, trigger), found by scanning right
  // to left. A threat or demand cue further left than a word of decision
  // ("decided", "voted", "announced") is not used: "warned in May and
  // decided on Friday to expel" asserts. A cue that is itself negated ("did
  // not threaten to", "has no plans to") is reported as a negation.
  std::optional<CueMatch> nearest(const Window& w) const;

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
