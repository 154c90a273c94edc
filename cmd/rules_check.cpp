// `demarche rules check`: every diagnostic of every rule file, for authors and CI.
#include <demarche/engine.hpp>
#include <iostream>

#include "exit_error.hpp"
#include "json_text.hpp"
#include "rule_loading.hpp"
#include "rule_paths.hpp"
#include "rules_options.hpp"

namespace demarche::cli {

int run_rules_check(const std::vector<std::string>& args, std::ostream& out) {
  RulesOptions options({"rules check", "demarche rules check [options]",
                        "Loads and lints the rules and prints every diagnostic: as text on\n"
                        "standard error, or with --format json as a JSON array on standard\n"
                        "output. Exits 2 when there is an error (or, with --fail-on-warnings,\n"
                        "a warning), else 0 with a summary."},
                       true);
  bool fail_on_warnings = false;
  options.visible.add_options()("fail-on-warnings", po::bool_switch(&fail_on_warnings),
                                "exit 2 on warnings as well as errors");
  if (!options.parse(args, out)) return kExitOk;

  const Loaded loaded = load_rules(resolve_rule_paths(options.rule_paths).paths,
                                   load_options(options.set_memory_mib, true));
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const Diagnostic& diagnostic : loaded.diagnostics) {
    if (diagnostic.is_note()) continue;  // it explains the errors it follows
    ++(diagnostic.is_error() ? errors : warnings);
  }
  if (options.json()) {
    Json list = Json::array();
    for (const Diagnostic& d : loaded.diagnostics) {
      list.push_back({{"severity", d.is_error()  ? "error"
                                   : d.is_note() ? "note"
                                                 : "warning"},
                      {"code", d.code},
                      {"file", d.file},
                      {"line", d.line},
                      {"column", d.column},
                      {"message", d.message}});
    }
    out << to_json_text(list) << '\n';
  } else {
    for (const Diagnostic& d : loaded.diagnostics) print_diagnostic(std::cerr, d);
  }

  std::string summary;
  if (loaded.ok()) {
    summary = count_of(loaded.engine->rules().size(), "rule", "rules") + ", " +
              count_of(loaded.engine->event_types().size(), "event type", "event types") + ", ";
  } else {
    summary = count_of(errors, "error", "errors") + ", ";
  }
  summary += count_of(warnings, "warning", "warnings");
  if (!loaded.ok() || errors > 0 || (fail_on_warnings && warnings > 0)) {
    std::cerr << "demarche rules check: failed: " << summary
              << (errors == 0 && warnings > 0 ? " (--fail-on-warnings)" : "") << '\n';
    return kExitUsage;
  }
  // With --format json the summary goes to standard error, keeping the JSON pure.
  (options.json() ? std::cerr : out) << "ok: " << summary << '\n';
  return kExitOk;
}

}  // namespace demarche::cli
