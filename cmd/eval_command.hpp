// eval_command.hpp: `demarche eval`, measuring the rules (and plugins) on
// labelled sentences.
#pragma once

#include <string>
#include <vector>

#include "output.hpp"

namespace demarche::cli {

// `args` are the words after `eval`.
int run_eval(const std::vector<std::string>& args, Output& output);

}  // namespace demarche::cli
