// cross_validation.hpp: authored against learned weights on held-out folds.
//
// The sentences are shuffled (seeded, so runs repeat) and dealt into K
// folds. For each fold, weights are fitted on the other K-1 and the fold is
// classified with them, and with the authored weights; the figures are then
// computed once over every sentence's held-out result, so each sentence
// counts once. Calibration uses each fold's own learned prior for the types
// the engine gave no event.
#pragma once

#include <cstddef>
#include <demarche/engine.hpp>
#include <demarche/weights.hpp>
#include <string>
#include <vector>

#include "evaluation.hpp"
#include "gold_file.hpp"

namespace demarche::cli {

struct ModelFigures {
  std::string model;  // "authored" or "learned"
  Summary summary;    // at the threshold
  std::vector<Calibration> calibration_per_type;
  Calibration calibration_pooled;
};

struct CrossValidation {
  std::size_t folds = 0;
  std::size_t sentences = 0;
  unsigned seed = 0;
  double threshold = 0.5;
  ModelFigures authored;
  ModelFigures learned;
};

// `engine` runs the plugins wanted; its weights do not matter.
CrossValidation cross_validate(const Engine& engine, const std::vector<GoldSentence>& gold,
                               std::size_t folds, unsigned seed, const FitOptions& fit,
                               double threshold);

// Which fold (0..folds-1) each sentence falls in.
std::vector<std::size_t> assign_folds(std::size_t sentences, std::size_t folds, unsigned seed);

std::vector<LabelledSentence> labelled(const std::vector<GoldSentence>& gold);

}  // namespace demarche::cli
