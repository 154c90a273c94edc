#include "rules_options.hpp"

namespace demarche::cli {

RulesOptions::RulesOptions(CommandSpec command_spec, bool with_format)
    : spec(std::move(command_spec)) {
  add_help_option(visible);
  add_rules_option(visible, rule_paths);
  add_set_memory_option(visible, set_memory_mib);
  if (with_format) {
    visible.add_options()(
        "format,f", po::value<std::string>(&format)->value_name("FORMAT")->default_value(format),
        "text or json");
  }
}

bool RulesOptions::parse(const std::vector<std::string>& args, std::ostream& out) {
  const po::variables_map vm = parse_command_line(spec, args, visible);
  if (vm.count("help") != 0) {
    print_help(out, spec, visible);
    return false;
  }
  check_choice(spec, "format", format, {"text", "json"});
  check_set_memory(spec, set_memory_mib);
  return true;
}

std::string count_of(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + ' ' + (n == 1 ? one : many);
}

}  // namespace demarche::cli
