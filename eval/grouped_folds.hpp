// grouped_folds.hpp: dealing gold sentences into cross-validation folds a
// whole source page at a time.
//
// Sentences taken from one page share wording, names and the incident they
// report. Were they split between folds, a fit would see a held-out
// sentence's neighbours and the held-out figures would flatter it. So every
// sentence with the same `url` goes to the same fold; a sentence without a
// url is a group of its own.
//
// Groups are shuffled (seeded, with a hand-written Fisher-Yates so that
// every standard library deals alike), then, largest first, each goes to the
// fold holding the fewest sentences so far (the lowest-numbered on a tie).
// That balances folds by sentence count, not by group count, and the seed
// only decides among groups of equal size.
#pragma once

#include <cstddef>
#include <vector>

#include "gold_file.hpp"

namespace demarche::cli {

struct FoldAssignment {
  std::size_t folds = 0;
  std::size_t groups = 0;            // distinct pages, each url-less sentence counting as one
  std::vector<std::size_t> fold_of;  // per sentence, 0..folds-1
};

// How many groups `gold` falls into.
std::size_t count_groups(const std::vector<GoldSentence>& gold);

// Needs at least `folds` groups (count_groups), so that no fold is empty;
// throws std::invalid_argument otherwise.
FoldAssignment assign_grouped_folds(const std::vector<GoldSentence>& gold, std::size_t folds,
                                    unsigned seed);

}  // namespace demarche::cli
