// rule_loading.hpp: loading the rules for a command, with its diagnostics.
#pragma once

#include <cstdint>
#include <demarche/engine.hpp>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace demarche::cli {

// For commands that use the rules rather than check them (classify, explain,
// rules test, rules list): resolves the paths, loads without the linter, and
// prints only error diagnostics to `err`. `set_memory_mib` is the budget of
// the combined pattern set (--set-memory), in MiB. Throws ExitError (exit 2) when the
// rules cannot be found or do not load; never returns null.
std::shared_ptr<const Engine> load_engine(const std::vector<std::string>& flag_paths,
                                          std::int64_t set_memory_mib, std::ostream& err);

// LoadOptions with --set-memory applied (`set_memory_mib` MiB).
LoadOptions load_options(std::int64_t set_memory_mib, bool lint);

// Diagnostic::to_string() followed by exactly one newline.
void print_diagnostic(std::ostream& err, const Diagnostic& diagnostic);

}  // namespace demarche::cli
