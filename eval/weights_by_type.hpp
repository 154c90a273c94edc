// weights_by_type.hpp: which event types can keep the learned weights of a
// file fitted on other rules.
//
// A weights file records a fingerprint of each type's rules
// (LearnedWeights::type_hashes). When an author adds a file of their own
// beside the shipped rules (`--rules +mine.rules`), the types whose rules
// did not change keep their learned numbers; a new type, or one whose rules
// changed, scores with the authored ones.
#pragma once

#include <demarche/engine.hpp>
#include <demarche/weights.hpp>
#include <string>
#include <vector>

namespace demarche::cli {

struct WeightsByType {
  LearnedWeights kept;                // the entries of the types below, for Engine::with_weights
  std::vector<std::string> learned;   // types whose rules are as when fitted
  std::vector<std::string> changed;   // types fitted, whose rules have changed since
  std::vector<std::string> unfitted;  // types the file has no fingerprint for (new ones)
};

WeightsByType weights_by_type(const Engine& engine, const LearnedWeights& weights);

}  // namespace demarche::cli
