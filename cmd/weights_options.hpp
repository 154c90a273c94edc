// weights_options.hpp: which weights a command scores with.
//
// --weights FILE: learned weights from FILE (used even when fitted on other
// rules, with a warning). --authored-weights: the rules' own numbers. By
// default: the file `weights.tsv` inside the rules folder, when the rules
// come from exactly one folder and the file was fitted on exactly these
// rules; otherwise the authored numbers (with a note on standard error when
// such a file exists but no longer matches). docs/scoring.md explains both.
#pragma once

#include <demarche/engine.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "command_line.hpp"

namespace demarche::cli {

struct WeightsOptions {
  std::string file;       // --weights
  bool authored = false;  // --authored-weights
};

void add_weights_options(po::options_description& options, WeightsOptions& weights);

// Throws UsageError when both flags are given.
void check_weights_options(const CommandSpec& spec, const WeightsOptions& weights);

// The engine that scores as the options say, and what it scores with, for
// reports: "authored weights" or "learned weights (PATH)".
struct WeightedEngine {
  Engine engine;
  std::string description;
};

// `rule_flag_paths`: the --rules flags, to find the default weights file.
// Prints warnings to `err`; throws ExitError (exit 2) when a weights file to
// be used cannot be read or parsed.
WeightedEngine apply_weights_options(const Engine& engine, const WeightsOptions& weights,
                                     const std::vector<std::string>& rule_flag_paths,
                                     std::ostream& err);

}  // namespace demarche::cli
