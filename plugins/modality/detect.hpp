// detect.hpp: the modality of one piece of rule evidence, from the cues in
// the clause that holds it.
#pragma once

#include <demarche/result.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cues.hpp"
#include "modality.hpp"
#include "tokens.hpp"

namespace demarche_modality {

// What the plugin works out once per sentence, before looking at any evidence.
struct Analysis {
  std::string_view original;
  std::vector<Token> tokens;
  std::vector<int> clause;                // clause number per token (clause.hpp)
  std::vector<std::size_t> clause_start;  // first token of each token's clause
  std::size_t first_word = 0;             // the first word token
  bool question = false;                  // the sentence ends with '?'
};

Analysis analyse(std::string_view original);

struct Finding {
  Modality modality = Modality::kAsserted;
  demarche::Span cue;   // the cue's words in the original sentence
  std::string note;     // "negated: 'did not'"
  std::string trigger;  // the first word the cue scoped over, in lower case
};

// The modality of evidence that matched `spans` (relative to the original
// sentence, in sentence order). In this order, the first that applies:
//   1. a cue before a matched piece, in that piece's clause, nearest first
//      (cues.hpp; the gaps between matched pieces count, "envoys were not
//      expelled");
//   1b. in a relative clause of a text ("a declaration which condemns"), a
//      cue on the text ("preparing a statement", "vetoed a resolution");
//   2. a yes/no question: the sentence ends with '?' and starts with an
//      auxiliary ("Will ... expel ...?") -> hypothetical;
//   3. a condition right after the clause, or an if-clause right before it,
//      when the clause has a modal or future auxiliary: "will impose
//      sanctions if ...", "If ..., the bloc will impose ..." -> hypothetical;
//      also "an embargo would be declared ... unless", and an object that is
//      anyone meeting a condition: "would expel any monitors found ...";
//   4. a passive right after the match in its clause: "reports that ... were
//      denied" -> negated, "sanctions were proposed" or "are expected" ->
//      threatened, "... were called for" -> demanded, "are typically aimed
//      at" -> hypothetical;
//   5. after the match in its clause: options ("among other options", "on
//      the table"), a possible passive ("could be imposed") or an indefinite
//      event as the subject of a modal ("an embargo would cripple") ->
//      threatened; a counterfactual ("would have wrecked") or a general
//      condition ("is only lawful with") -> hypothetical;
//   6. a report of the event called false ("reports that ... baseless");
//   7. an announced event called off in the next clause ("said it would
//      quit the pact, but it rescinded the decision") -> negated.
// Otherwise asserted. A match whose last piece is the participle of a
// reduced relative ("assets frozen over the conflict", "envoys expelled in
// May") states a fact: it is asserted unless a cue stands between its pieces.
Finding detect(const Analysis& analysis, const CueTable& cues,
               const std::vector<demarche::Span>& spans);

// Whether the match `inner` belongs to the match `outer` and so shares its
// modality: its pieces all lie between the first and the last piece of
// `outer` ("did not impose economic sanctions", matched whole by one rule and
// "economic sanctions" by another), or it is a second object coordinated
// right after it ("failed to impose an arms embargo and new sanctions":
// `inner` begins after "and" or "or", perhaps and a determiner, that follows
// the last piece of `outer`).
bool shares_modality(const Analysis& analysis, const std::vector<demarche::Span>& outer,
                     const std::vector<demarche::Span>& inner);

}  // namespace demarche_modality
