// rules_options.hpp: the options every `demarche rules` command shares.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "command_line.hpp"

namespace demarche::cli {

// --help, --rules, --set-memory and, when asked for, --format text|json. A command adds its
// own options to `visible` before calling parse().
struct RulesOptions {
  CommandSpec spec;
  std::vector<std::string> rule_paths;
  std::string format = "text";
  std::int64_t set_memory_mib = kDefaultSetMemoryMib;
  po::options_description visible{"Options"};

  RulesOptions(CommandSpec command_spec, bool with_format);
  // The options hold pointers to the members above: never copy or move.
  RulesOptions(const RulesOptions&) = delete;
  RulesOptions& operator=(const RulesOptions&) = delete;

  // Parses the words after the subcommand; false when --help was printed to
  // `out`. Throws UsageError for a mistake.
  bool parse(const std::vector<std::string>& args, std::ostream& out);

  bool json() const { return format == "json"; }
};

// The subcommands, each in its own file; `args` are the words after its name.
int run_rules_check(const std::vector<std::string>& args, std::ostream& out);
int run_rules_test(const std::vector<std::string>& args, std::ostream& out);
int run_rules_list(const std::vector<std::string>& args, std::ostream& out);
int run_rules_stats(const std::vector<std::string>& args, std::ostream& out);

// "1 rule", "2 rules".
std::string count_of(std::size_t n, const char* one, const char* many);

}  // namespace demarche::cli
