// rule_loading.hpp: loading the rules for a command, with its diagnostics.
#pragma once

#include <demarche/engine.hpp>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace demarche::cli {

// For commands that use the rules rather than check them (classify, explain,
// rules test, rules list): resolves the paths, loads without the linter, and
// prints only error diagnostics to `err`. Throws ExitError (exit 2) when the
// rules cannot be found or do not load; never returns null.
std::shared_ptr<const Engine> load_engine(const std::vector<std::string>& flag_paths,
                                          std::ostream& err);

// Diagnostic::to_string() followed by exactly one newline.
void print_diagnostic(std::ostream& err, const Diagnostic& diagnostic);

}  // namespace demarche::cli
