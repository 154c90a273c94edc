// classify_command.hpp: `demarche classify`.
#pragma once

#include <string>
#include <vector>

#include "output.hpp"

namespace demarche::cli {

// Returns the exit status; throws ExitError/UsageError for usage and rule errors.
int run_classify(const std::vector<std::string>& args, Output& output);

}  // namespace demarche::cli
