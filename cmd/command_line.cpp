#include "command_line.hpp"

#include "exit_error.hpp"

namespace demarche::cli {

po::variables_map parse_command_line(const CommandSpec& spec, const std::vector<std::string>& args,
                                     const po::options_description& visible,
                                     const std::string& positional_name) {
  po::options_description all;
  all.add(visible);
  po::positional_options_description positional;
  if (!positional_name.empty()) {
    all.add_options()(positional_name.c_str(), po::value<std::vector<std::string>>());
    positional.add(positional_name.c_str(), -1);
  }
  po::variables_map vm;
  try {
    // No guessing of abbreviated option names: a typo should be an error, and
    // a script written today must not break when an option is added later.
    const int style =
        po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    po::store(po::command_line_parser(args).options(all).positional(positional).style(style).run(),
              vm);
    po::notify(vm);
  } catch (const po::too_many_positional_options_error&) {
    throw UsageError(spec.name, "demarche " + spec.name + ": takes no arguments");
  } catch (const po::error& e) {
    throw UsageError(spec.name, "demarche " + spec.name + ": " + e.what());
  }
  return vm;
}

void print_help(std::ostream& out, const CommandSpec& spec,
                const po::options_description& visible) {
  out << "Usage: " << spec.synopsis << "\n\n" << spec.summary << "\n\n" << visible;
}

void add_help_option(po::options_description& options) {
  options.add_options()("help,h", "show this help and exit");
}

void add_rules_option(po::options_description& options, std::vector<std::string>& paths) {
  options.add_options()(
      "rules,r", po::value<std::vector<std::string>>(&paths)->value_name("PATH"),
      "rule file or folder (repeatable); default: $DEMARCHE_RULES, else the shipped rules");
}

void add_set_memory_option(po::options_description& options, std::int64_t& mib) {
  options.add_options()(
      "set-memory",
      po::value<std::int64_t>(&mib)->value_name("MIB")->default_value(kDefaultSetMemoryMib),
      "memory budget of the combined pattern set, in MiB (raise it when the rules "
      "fail to load with E017)");
}

void check_set_memory(const CommandSpec& spec, std::int64_t mib) {
  if (mib < 1 || mib > kMaxSetMemoryMib) {
    throw UsageError(spec.name, "demarche " + spec.name + ": --set-memory must be between 1 and " +
                                    std::to_string(kMaxSetMemoryMib) + " (MiB)");
  }
}

void add_threshold_option(po::options_description& options, double& threshold) {
  options.add_options()("threshold,t",
                        po::value<double>(&threshold)->value_name("T")->default_value(0.5, "0.5"),
                        "report an event when its confidence is at least T (0..1)");
}

void check_threshold(const CommandSpec& spec, double threshold) {
  // Written so that NaN fails too.
  if (!(threshold >= 0.0 && threshold <= 1.0)) {
    throw UsageError(spec.name, "demarche " + spec.name + ": --threshold must be between 0 and 1");
  }
}

void check_choice(const CommandSpec& spec, const std::string& option, const std::string& value,
                  const std::vector<std::string>& allowed) {
  std::string list;
  for (const std::string& choice : allowed) {
    if (choice == value) return;
    list += list.empty() ? choice : ", " + choice;
  }
  throw UsageError(spec.name, "demarche " + spec.name + ": invalid --" + option + " '" + value +
                                  "' (choose one of: " + list + ")");
}

}  // namespace demarche::cli
