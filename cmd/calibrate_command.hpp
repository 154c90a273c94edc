// calibrate_command.hpp: `demarche calibrate`, learned weights from gold sentences.
#pragma once

#include <string>
#include <vector>

#include "output.hpp"

namespace demarche::cli {

int run_calibrate(const std::vector<std::string>& args, Output& output);

}  // namespace demarche::cli
