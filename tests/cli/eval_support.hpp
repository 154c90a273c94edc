// eval_support.hpp: what the `eval` and `rules stats` tests share: their
// gold fixtures (tests/fixtures/eval/, written for the toy rules) and how
// they run the commands. Header-only, as cli_support.hpp.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli_support.hpp"

namespace demarche_cli_test {

inline std::string gold_fixture(const std::string& name) {
  return std::string(DEMARCHE_FIXTURES) + "/eval/" + name;
}

// The labelled news sentences outside the repository; empty when absent.
inline std::string shared_dev_set() {
  const fs::path path = fs::path(DEMARCHE_SHARED_DATA) / "news" / "dev.tsv";
  return fs::exists(path) ? path.string() : std::string();
}

// A gold file for the calibration tests, to run with the toy rules (priors
// greeting 0.1, farewell 0.2; weights hello 0.9, wave 0.6, goodbye 0.8).
// Each sentence gives a sample per type: its event's confidence, or the
// type's prior when no rule fired (y: whether gold has the type):
//   c1 hello:           greeting 0.9 (y 1)  farewell 0.2 (y 0)
//   c2 wave:            greeting 0.6 (y 0)  farewell 0.2 (y 0)
//   c3 goodbye:         greeting 0.1 (y 0)  farewell 0.8 (y 1)
//   c4 nothing fires:   greeting 0.1 (y 1)  farewell 0.2 (y 0)
//   c5 hello cancelled: greeting 0.1 (y 0)  farewell 0.2 (y 0)
// greeting: bins 0.1 (3 samples, observed 1/3), 0.6 (1, observed 0), 0.9
//   (1, observed 1): ECE = 3/5 * (1/3 - 0.1) + 1/5 * 0.6 + 1/5 * 0.1 = 0.28;
//   Brier = (0.01 + 0.36 + 0.01 + 0.81 + 0.01) / 5 = 0.24.
// farewell: bins 0.2 (4, observed 0), 0.8 (1, observed 1): ECE = 4/5 * 0.2 +
//   1/5 * 0.2 = 0.2; Brier = 5 * 0.04 / 5 = 0.04. (Were a type without an
//   event given 0 rather than its prior, they would be 0.05 and 0.01.)
// all 10 samples: ECE = (0.7 + 0.8 + 0.6 + 0.2 + 0.1) / 10 = 0.24, the
//   bins' count times gap over the total; Brier = (1.2 + 0.2) / 10 = 0.14.
inline const std::string kCalibrationGold =
    "id\ttext\tlabels\n"
    "c1\tPia said hello to her neighbour.\tgreeting\n"
    "c2\tRob waved at the ferry.\t\n"
    "c3\tSam says goodbye.\tfarewell\n"
    "c4\tTia left quietly.\tgreeting\n"
    "c5\tUma never said hello to the neighbours.\t\n";

// `demarche eval` with the toy rules and no plugins, so that neither a
// developer's plugins nor the shipped ones change a figure.
inline RunResult run_eval(std::vector<std::string> args, RunOptions options = {}) {
  args.insert(args.begin(), {"eval", "--rules", toy_rules(), "--no-plugins"});
  return run(args, options);
}

// `demarche rules stats` with the toy rules.
inline RunResult run_stats(std::vector<std::string> args, RunOptions options = {}) {
  args.insert(args.begin(), {"rules", "stats", "--rules", toy_rules()});
  return run(args, options);
}

// The line of `text` that starts with `prefix`, or "" when there is none.
inline std::string line_starting(const std::string& text, const std::string& prefix) {
  for (const std::string& line : split_lines(text)) {
    if (line.rfind(prefix, 0) == 0) return line;
  }
  return {};
}

}  // namespace demarche_cli_test
