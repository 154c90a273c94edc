// demarche: the command line. This file only dispatches to a command and maps
// how it ended to an exit status (docs/cli.md); each command lives in its
// own file.
#include <csignal>
#include <cstring>
#include <demarche/version.hpp>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "calibrate_command.hpp"
#include "classify_command.hpp"
#include "eval_command.hpp"
#include "exit_error.hpp"
#include "explain_command.hpp"
#include "output.hpp"
#include "plugins_command.hpp"
#include "rules_commands.hpp"

namespace {

using namespace demarche::cli;

constexpr const char* kUsage =
    "Usage: demarche COMMAND [options] [arguments]\n\n"
    "Reads news text and says which diplomatic events each sentence reports.\n\n"
    "Commands:\n"
    "  classify [FILE...]     classify sentences (jsonl, tsv or text output)\n"
    "  explain [WORDS...]     show how one sentence is scored, step by step\n"
    "  eval --gold FILE       measure the rules on labelled sentences\n"
    "  calibrate --gold FILE  fit learned weights; --cv K compares them with the authored\n"
    "  rules check            load and lint the rules\n"
    "  rules test             run the rules' example sentences\n"
    "  rules list             list the rules\n"
    "  rules stats --gold F   how each rule fares on labelled sentences\n"
    "  plugins list           list the plugins found, loaded or refused and why\n\n"
    "Options:\n"
    "  -h [ --help ]          show this help and exit\n"
    "  --version              show the version and exit\n\n"
    "Run 'demarche COMMAND --help' for the options of a command. Rules come from\n"
    "--rules PATH, else $DEMARCHE_RULES, else the rules shipped with the binary;\n"
    "plugins from --plugins DIR and --plugin FILE, else $DEMARCHE_PLUGINS, else the\n"
    "plugins shipped with the binary.\n";

int dispatch(const std::vector<std::string>& args, Output& output) {
  if (args.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string& command = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "classify") return run_classify(rest, output);
  if (command == "explain") return run_explain(rest, output);
  if (command == "eval") return run_eval(rest, output);
  if (command == "calibrate") return run_calibrate(rest, output);
  if (command == "rules") return run_rules(rest, output);
  if (command == "plugins") return run_plugins(rest, output);
  if (command == "--help" || command == "-h" || command == "help") {
    output.stream() << kUsage;
    return kExitOk;
  }
  if (command == "--version" || command == "version") {
    output.stream() << "demarche " << demarche::kVersion << '\n';
    return kExitOk;
  }
  std::cerr << "demarche: unknown command '" << command << "'\n"
            << "Try 'demarche --help'.\n";
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // A reader that closes the pipe early must show up as a failed write (EPIPE)
  // that Output can recognise, not as a signal that kills the process.
  std::signal(SIGPIPE, SIG_IGN);
  Output output;
  int code = kExitOk;
  try {
    code = dispatch(std::vector<std::string>(argv + 1, argv + argc), output);
  } catch (const UsageError& e) {
    std::cerr << e.what() << "\nTry 'demarche " << e.command() << " --help'.\n";
    code = e.code();
  } catch (const ExitError& e) {
    if (*e.what() != '\0') std::cerr << e.what() << '\n';
    code = e.code();
  } catch (const std::bad_alloc&) {
    std::cerr << "demarche: out of memory\n";
    code = kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << "demarche: " << e.what() << '\n';
    code = kExitFailure;
  }
  switch (output.finish()) {
    case Output::Status::kOk:
    case Output::Status::kClosedPipe:  // the reader had all it wanted: not a failure
      return code;
    case Output::Status::kFailed:
      std::cerr << "demarche: error writing output: " << std::strerror(output.error()) << '\n';
      return code == kExitOk ? kExitFailure : code;
  }
  return code;
}
