// eval_files.hpp: the files `demarche eval` writes besides its report on
// standard output: the HTML page (--report) and the reliability diagrams
// (--plot), each by write_output_file (output_file.hpp).
#pragma once

#include <string>

#include "evaluation.hpp"

namespace demarche::cli {

// DIR/reliability-TYPE.svg for each type and DIR/reliability-all.svg for
// them all pooled, creating DIR (and its parents) when missing.
void write_reliability_plots(const std::string& dir, const Evaluation& eval);

}  // namespace demarche::cli
