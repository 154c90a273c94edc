// selection_options.hpp: --rule GLOB and --type NAME, for an author who
// runs and measures only the rules they are writing (docs/cli.md,
// "Selecting rules"). classify, explain, eval, rules test and rules stats
// take them.
#pragma once

#include <demarche/engine.hpp>
#include <string>
#include <vector>

#include "command_line.hpp"

namespace demarche::cli {

struct SelectionOptions {
  std::vector<std::string> rules;  // --rule: ids or shell globs ("condemnation.verb.*")
  std::vector<std::string> types;  // --type: event type names
  bool any() const { return !rules.empty() || !types.empty(); }
};

void add_selection_options(po::options_description& options, SelectionOptions& selection);

// The engine with only the selected rules (Engine::with_selection): those
// whose id matches a --rule glob, or whose type is a --type; both given,
// those that satisfy both. Unchanged without either. Throws UsageError
// (exit 2) for a --type these rules lack (listing theirs) or a --rule
// that matches no rule.
Engine apply_selection(const Engine& engine, const SelectionOptions& selection,
                       const CommandSpec& spec);

}  // namespace demarche::cli
