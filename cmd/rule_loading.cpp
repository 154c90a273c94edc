#include "rule_loading.hpp"

#include "exit_error.hpp"
#include "rule_paths.hpp"

namespace demarche::cli {

void print_diagnostic(std::ostream& err, const Diagnostic& diagnostic) {
  const std::string text = diagnostic.to_string();
  err << text;
  if (text.empty() || text.back() != '\n') err << '\n';
}

LoadOptions load_options(std::int64_t set_memory_mib, bool lint) {
  LoadOptions options;
  options.set_memory_bytes = set_memory_mib << 20;  // the caller checked the range
  options.lint = lint;
  // `import "demarche:common.rules"` in an author's own file names the
  // shipped rules, wherever the file is.
  options.library_path = shipped_rules_path().string();
  return options;
}

std::shared_ptr<const Engine> load_engine(const std::vector<std::string>& flag_paths,
                                          std::int64_t set_memory_mib, std::ostream& err) {
  const RulePaths rule_paths = resolve_rule_paths(flag_paths);
  // Warnings are for `rules check`; skip the linter's work here.
  const Loaded loaded = load_rules(rule_paths.paths, load_options(set_memory_mib, false));
  std::size_t errors = 0;
  for (const Diagnostic& diagnostic : loaded.diagnostics) {
    if (!diagnostic.is_error()) continue;
    print_diagnostic(err, diagnostic);
    ++errors;
  }
  if (!loaded.ok()) {
    throw ExitError(kExitUsage, "demarche: the rules did not load (" + std::to_string(errors) +
                                    (errors == 1 ? " error" : " errors") +
                                    "); run 'demarche rules check' for details");
  }
  return loaded.engine;
}

}  // namespace demarche::cli
