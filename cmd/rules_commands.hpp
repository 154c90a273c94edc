// rules_commands.hpp: `demarche rules check|test|list`, for rule authors.
#pragma once

#include <string>
#include <vector>

#include "output.hpp"

namespace demarche::cli {

// `args` are the words after `rules`, the subcommand first.
int run_rules(const std::vector<std::string>& args, Output& output);

}  // namespace demarche::cli
