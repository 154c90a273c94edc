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
std::vector<Span> segment_sentences(std::string_view text);

}  // namespace demarche::text
