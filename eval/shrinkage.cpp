#include "shrinkage.hpp"

#include <algorithm>
#include <limits>

namespace demarche::cli {

std::optional<ShrinkageSearch> search_shrinkage(const Engine& engine,
                                                const std::vector<GoldSentence>& gold,
                                                std::size_t folds, unsigned seed,
                                                const FitOptions& base, double threshold) {
  ShrinkageSearch search;
  search.groups = count_groups(gold);
  search.folds = std::min(folds, search.groups);
  if (search.folds < 2) return std::nullopt;
  const FoldAssignment assignment = assign_grouped_folds(gold, search.folds, seed);
  double best = std::numeric_limits<double>::infinity();
  search.chosen = base.l2;
  for (const double l2 : kL2Grid) {
    FitOptions options = base;
    options.l2 = l2;
    const FoldFit fit = [&options](const std::vector<GoldSentence>&) { return options; };
    ShrinkageTrial trial{l2, held_out_learned(engine, gold, assignment, fit, threshold)};
    const double loss = trial.learned.log_loss.value_or(std::numeric_limits<double>::infinity());
    // <=: the grid ascends, so a tie goes to the larger l2.
    if (loss <= best + 1e-12) {
      best = loss;
      search.chosen = l2;
    }
    search.trials.push_back(std::move(trial));
  }
  return search;
}

}  // namespace demarche::cli
