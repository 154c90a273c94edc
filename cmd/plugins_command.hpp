// plugins_command.hpp: `demarche plugins list`.
#pragma once

#include <string>
#include <vector>

#include "output.hpp"

namespace demarche::cli {

// `args` are the words after `plugins`. Returns the exit status.
int run_plugins(const std::vector<std::string>& args, Output& output);

}  // namespace demarche::cli
