// eval_files.hpp: the files `demarche eval` writes besides its report on
// standard output: the HTML page (--report) and the reliability diagrams
// (--plot). Each file is written whole or not at all, and a failure is an
// ExitError (status 2) naming the path.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "evaluation.hpp"

namespace demarche::cli {

// Writes what `write` produces to `path`: first to PATH.partial, then
// renamed, so that a reader never sees half a file and a failed run leaves
// an earlier file alone. `what` names the file in the error ("the report").
void write_whole_file(const std::string& path, const std::string& what,
                      const std::function<void(std::ostream&)>& write);

// DIR/reliability-TYPE.svg for each type and DIR/reliability-all.svg for
// them all pooled, creating DIR (and its parents) when missing.
void write_reliability_plots(const std::string& dir, const Evaluation& eval);

}  // namespace demarche::cli
