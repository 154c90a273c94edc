// explain_command.hpp: `demarche explain`, the scoring of a sentence shown step by step.
#pragma once

#include <demarche/engine.hpp>
#include <demarche/result.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "output.hpp"

namespace demarche::cli {

int run_explain(const std::vector<std::string>& args, Output& output);

// Writes the explanation of one classified sentence; `text` is what the
// result's spans point into. `rules`: the engine's, to show authored weights
// beside learned ones.
void write_explanation(std::ostream& out, std::string_view text, const SentenceResult& sentence,
                       double threshold, const std::vector<RuleInfo>& rules);

}  // namespace demarche::cli
