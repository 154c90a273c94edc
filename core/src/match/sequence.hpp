// Word-proximity between pieces: "A, then within N words, B".
#pragma once

#include <vector>

#include "demarche/result.hpp"
#include "text/words.hpp"

namespace demarche::match {

// Finds the leftmost chain e[0] < e[1] < ... where e[i] is one of
// `occurrences[i]` (sorted by begin), e[i+1] starts at or after e[i] ends,
// and at most max_gaps[i] words start between them. Picks, for each element,
// the closest predecessor. Returns false when no chain exists.
bool find_sequence(const std::vector<const std::vector<Span>*>& occurrences,
                   const std::vector<int>& max_gaps, const text::WordIndex& words,
                   std::vector<Span>* chain);

}  // namespace demarche::match
