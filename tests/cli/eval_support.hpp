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
