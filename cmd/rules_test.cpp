// `demarche rules test`: the example: and counterexample: sentences of every rule.
#include <demarche/engine.hpp>
#include <iostream>

#include "exit_error.hpp"
#include "plugin_options.hpp"
#include "rule_loading.hpp"
#include "rules_options.hpp"
#include "selection_options.hpp"
#include "text_format.hpp"

namespace demarche::cli {

int run_rules_test(const std::vector<std::string>& args, std::ostream& out) {
  RulesOptions options({"rules test", "demarche rules test [options]",
                        "Classifies every example: sentence (which must fire its rule, on the\n"
                        "[[marked]] words when marked) and every counterexample: sentence\n"
                        "(which must not). With plugins (the shipped ones by default), an\n"
                        "example whose event a plugin brings under 0.5 fails, and a\n"
                        "counterexample passes when a plugin does that (the modality plugin\n"
                        "lowers threats and denials). Prints each failure as\n"
                        "file:line: rule ID: reason. Exits 1 when any example failed."},
                       false);
  PluginOptions plugin_options;
  add_plugin_options(options.visible, plugin_options, false);
  SelectionOptions selection;
  add_selection_options(options.visible, selection);
  if (!options.parse(args, out)) return kExitOk;
  check_plugin_options(options.spec, plugin_options);
  const std::shared_ptr<const PluginSet> plugins = load_plugin_set(plugin_options, std::cerr);
  const std::shared_ptr<const Engine> engine = std::make_shared<const Engine>(
      apply_selection(*load_engine(options.rule_paths, options.set_memory_mib, std::cerr),
                      selection, options.spec)
          .with_plugins(plugins));

  std::size_t examples = 0;
  for (const RuleInfo& rule : engine->rules()) {
    if (engine->selects_rule(rule.id)) examples += rule.examples.size();
  }
  const std::vector<ExampleFailure> failures = engine->test_examples();
  for (const ExampleFailure& failure : failures) {
    const ExampleInfo& example = failure.example;
    std::string text;
    append_one_line(text, example.text);
    // file:line first, so editors and CI annotate the example's line.
    out << example.file << ':' << example.line << ": rule " << failure.rule_id << ": "
        << failure.reason << "\n    " << (example.should_fire ? "example: " : "counterexample: ")
        << text << '\n';
  }
  out << count_of(examples, "example", "examples") << ", " << failures.size() << " failed\n";
  return failures.empty() ? kExitOk : kExitFailure;
}

}  // namespace demarche::cli
