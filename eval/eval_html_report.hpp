// eval_html_report.hpp: `demarche eval --report FILE.html`.
//
// One self-contained page (no network: styles, script and charts inline)
// with what the text report says, laid out for reading in a browser: the
// per-type table, a precision-recall chart per type from the threshold
// sweep, the calibration table with a reliability diagram per type and one
// pooled, the rule statistics in a table sortable by any column, and the
// false positives and negatives with their evidence and near misses.
#pragma once

#include <ostream>

#include "evaluation.hpp"

namespace demarche::cli {

// Writes the page for `evaluation`. Its charts need the sweep
// (EvalSettings::sweep); without it each chart shows the one threshold.
void write_html_report(const Evaluation& evaluation, std::ostream& out);

}  // namespace demarche::cli
