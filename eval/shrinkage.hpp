// shrinkage.hpp: choosing the fit's shrinkage (--l2) by grouped
// cross-validation.
//
// How far learned weights may move from the authored ones depends on how
// much the data say, which no default knows. So each value of a small grid
// is tried on the same grouped folds, and the one whose learned weights give
// the lowest held-out log loss wins: a proper scoring rule, so it rewards
// confidences that are right, not merely decisions. A tie goes to the
// larger value, the one closer to the authors.
#pragma once

#include <cstddef>
#include <demarche/engine.hpp>
#include <demarche/weights.hpp>
#include <optional>
#include <vector>

#include "cross_validation.hpp"
#include "gold_file.hpp"

namespace demarche::cli {

// Precisions of the prior in log-odds: standard deviations from about 3.2
// down to about 0.18.
inline const std::vector<double> kL2Grid{0.1, 0.3, 1, 3, 10, 30};

struct ShrinkageTrial {
  double l2 = 0;
  ModelFigures learned;  // held out
};

struct ShrinkageSearch {
  std::size_t folds = 0;
  std::size_t groups = 0;
  std::vector<ShrinkageTrial> trials;  // in grid order
  double chosen = 0;
};

// Tries every value of kL2Grid with `base`'s other options, on
// min(folds, groups) folds; std::nullopt when the sentences fall into fewer
// than 2 groups, so that nothing can be held out.
std::optional<ShrinkageSearch> search_shrinkage(const Engine& engine,
                                                const std::vector<GoldSentence>& gold,
                                                std::size_t folds, unsigned seed,
                                                const FitOptions& base, double threshold);

}  // namespace demarche::cli
