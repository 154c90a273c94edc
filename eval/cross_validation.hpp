// cross_validation.hpp: authored against learned weights on held-out folds.
//
// The sentences are dealt into K folds a whole source page at a time
// (grouped_folds.hpp). For each fold, weights are fitted on the other K-1
// and the fold is classified with them, and with the authored weights; the
// figures are then computed once over every sentence's held-out result, so
// each sentence counts once. Calibration uses each fold's own learned prior
// for the types the engine gave no event.
#pragma once

#include <cstddef>
#include <demarche/engine.hpp>
#include <demarche/weights.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "evaluation.hpp"
#include "gold_file.hpp"
#include "grouped_folds.hpp"

namespace demarche::cli {

struct ModelFigures {
  std::string model;  // "authored" or "learned"
  Summary summary;    // at the threshold
  std::vector<Calibration> calibration_per_type;
  Calibration calibration_pooled;
  std::vector<std::optional<double>> log_loss_per_type;
  std::optional<double> log_loss;  // over every type's samples pooled
};

// The fit options for one fold, given the sentences it is fitted on. It
// must look at nothing else, or the held-out figures are no longer held out.
using FoldFit = std::function<FitOptions(const std::vector<GoldSentence>& train)>;

// The learned model's held-out figures, with each fold fitted by `fit`.
// `engine` runs the plugins wanted; its weights do not matter.
// `l2_per_fold`, when given, receives the l2 each fold's fit used.
ModelFigures held_out_learned(const Engine& engine, const std::vector<GoldSentence>& gold,
                              const FoldAssignment& folds, const FoldFit& fit, double threshold,
                              std::vector<double>* l2_per_fold = nullptr);

struct CrossValidation {
  std::size_t folds = 0;
  std::size_t groups = 0;
  std::size_t sentences = 0;
  unsigned seed = 0;
  double threshold = 0.5;
  std::vector<double> l2_per_fold;  // the shrinkage each fold's fit used
  ModelFigures authored;
  ModelFigures learned;
};

// Authored and learned weights on the same grouped folds.
CrossValidation cross_validate(const Engine& engine, const std::vector<GoldSentence>& gold,
                               std::size_t folds, unsigned seed, const FoldFit& fit,
                               double threshold);

std::vector<LabelledSentence> labelled(const std::vector<GoldSentence>& gold);

}  // namespace demarche::cli
