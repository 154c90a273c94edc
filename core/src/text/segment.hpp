// Splits running text into sentences.
#pragma once

#include <string_view>
#include <vector>

#include "demarche/result.hpp"

namespace demarche::text {

// Sentence spans within `text` (normalised text: ASCII quotes and dashes),
// in order, each trimmed of surrounding whitespace and never empty. A line
// break always ends a sentence (headlines and captions carry no final stop).
// A sentence ends after '.', '!' or '?' (and any closing quotes or brackets
// that follow) when whitespace follows, except after abbreviations ("Mr.",
// "Gen.", "Jan. 18", "U.S. officials"), initials ("J. R. Smith"), and when
// the next word starts in lower case. Decimals ("3.5") never split.
//
// The heuristics, in order, for a '.', '!' or '?' run followed by whitespace:
// - next word (past opening quotes/brackets) in lower case: no split;
// - a run with '!' or '?': split;
// - an ellipsis ("..."): split only before a capital letter;
// - a title ("Mr.", "Gen.", "Sen.", "v."): no split;
// - a numbering abbreviation ("No.", "Art.", "p.", months): no split before a digit;
// - a name or place suffix ("Jr.", "Inc.", "St.", "Calif.") or initials ("U.S.",
//   "J.", "e.g."): split only before a common sentence opener ("The", "It", ...);
// - a list number at the start of a sentence ("1. Add"): no split;
// - otherwise: split.
// A quote or bracket right after the stop belongs to the sentence it closes.
std::vector<Span> segment_sentences(std::string_view text);

}  // namespace demarche::text
