// `demarche rules COMMAND`: dispatch to the subcommands for rule authors.
#include "rules_commands.hpp"

#include <iostream>

#include "exit_error.hpp"
#include "rules_options.hpp"

namespace demarche::cli {
namespace {

constexpr const char* kRulesUsage =
    "Usage: demarche rules COMMAND [options]\n\n"
    "Commands for rule authors:\n"
    "  check   load and lint the rules; print every diagnostic\n"
    "  test    run the example: and counterexample: sentences of every rule\n"
    "  list    list the rules: id, type, weight, description, file:line\n"
    "  stats   per rule, on labelled sentences: coverage, precision, unique finds\n\n"
    "Run 'demarche rules COMMAND --help' for the options of a command.\n";

}  // namespace

int run_rules(const std::vector<std::string>& args, Output& output) {
  if (args.empty()) {
    std::cerr << kRulesUsage;
    return kExitUsage;
  }
  const std::string& sub = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (sub == "check") return run_rules_check(rest, output.stream());
  if (sub == "test") return run_rules_test(rest, output.stream());
  if (sub == "list") return run_rules_list(rest, output.stream());
  if (sub == "stats") return run_rules_stats(rest, output.stream());
  if (sub == "--help" || sub == "-h" || sub == "help") {
    output.stream() << kRulesUsage;
    return kExitOk;
  }
  throw UsageError("rules", "demarche rules: unknown command '" + sub + "'");
}

}  // namespace demarche::cli
