// eval_text_report.hpp: `demarche eval` for a person at a terminal.
//
// The summary table (per type, micro, macro), the calibration table (per
// type and pooled: samples, ECE, Brier), the threshold sweep when it
// was computed, then each type's false positives and false negatives with
// the sentence, its gold and predicted labels, the rules that fired (or,
// for a false negative, came closest) and the plugins' annotations. Not
// meant to be parsed: use --format json.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <ostream>
#include <string>

#include "evaluation.hpp"

namespace demarche::cli {

struct TextReportOptions {
  std::size_t errors = std::numeric_limits<std::size_t>::max();  // sentences per list
  std::size_t near_misses = 3;                                   // rules per false negative
};

void write_eval_text(std::ostream& out, const Evaluation& eval, const TextReportOptions& options);

// A warning on `err` for each gold label that is no event type of the rules:
// "demarche COMMAND: warning: FILE:LINE: label 'x' is not an event type ...".
void warn_unknown_labels(std::ostream& err, const std::string& command,
                         const std::vector<Evaluation::UnknownLabel>& labels);

// "0.857", or "n/a" for an undefined figure.
std::string figure(const std::optional<double>& value);

// `text` padded with spaces to `width`, on the right (left-aligned) or left.
std::string pad_right(const std::string& text, std::size_t width);
std::string pad_left(const std::string& text, std::size_t width);

}  // namespace demarche::cli
