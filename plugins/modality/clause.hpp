// clause.hpp: where the clauses of a sentence begin, so that a cue only
// scopes over an event in its own clause ("X expelled two envoys but did
// not recall its ambassador": the "not" is the recall's, not the expulsion's).
#pragma once

#include <vector>

#include "tokens.hpp"

namespace demarche_modality {

// For each token, the number of the clause it is in. Numbers are given in
// order of first appearance; a clause may be interrupted by a parenthetical
// and resume after it, so one number may cover tokens on both sides of
// another clause. A new clause begins
//   - after a stop token: ; : ( ) [ ] ? or a dash;
//   - at a conjunction or relative word after a comma (", and", ", but",
//     ", while", ", which", ", after", ", as" ... kAfterComma in clause.cpp)
//     or at a word ending in "-ing" after a comma (", saying", ", citing");
//   - at a subordinating conjunction or relative word even without a comma
//     ("but", "while", "although", "after", "unless", "which", "who" ...:
//     kAlways in clause.cpp);
//   - at "and" followed (perhaps after "then", "later", "also" ...) by a word
//     that looks like a past-tense verb: "threatened sanctions and expelled
//     two envoys" is two predicates, "sanctions and travel bans" is one.
// A clause opened by a subordinator, a relative word or a participle
// ("after", "although", "despite", "if", "which", ", citing" ...: kSubordinate
// in clause.cpp) ends at its next comma, so that the main clause after it
// is a clause of its own: "Although Syldavia denied the charges, Valdoria
// expelled ...". When such a clause was opened after a comma in the middle
// of another, it is a parenthetical and the other clause resumes after its
// closing comma: in "Valdoria, which had threatened to act, imposed ..." and
// "Valdoria threatened on Monday, after a stormy meeting, to expel ..." the
// words outside the commas are one clause. Any other comma does not end a clause: "has not, so far,
// expelled" keeps its negation. "that" does not either: "denied that it had
// expelled" must.
std::vector<int> clause_numbers(const std::vector<Token>& tokens);

}  // namespace demarche_modality
