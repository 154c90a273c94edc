// `demarche eval`: read gold files, classify every sentence with the current
// rules, plugins and threshold, and report per-type figures and errors.
// Reading (gold_file), measuring (evaluation, rule_statistics) and writing
// (eval_text_report, eval_json, eval_html_report, eval_files) are separate;
// this file only wires them.
#include "eval_command.hpp"

#include <demarche/engine.hpp>
#include <iostream>

#include "command_line.hpp"
#include "eval_files.hpp"
#include "eval_html_report.hpp"
#include "eval_json.hpp"
#include "eval_text_report.hpp"
#include "evaluation.hpp"
#include "exit_error.hpp"
#include "gold_file.hpp"
#include "output_file.hpp"
#include "plugin_options.hpp"
#include "rule_loading.hpp"
#include "selection_options.hpp"
#include "text_format.hpp"
#include "weights_options.hpp"
#include "writer.hpp"

namespace demarche::cli {
namespace {

struct EvalOptions {
  std::vector<std::string> gold;
  std::vector<std::string> rule_paths;
  std::int64_t set_memory_mib = kDefaultSetMemoryMib;
  PluginOptions plugins;
  WeightsOptions weights;
  SelectionOptions selection;
  double threshold = 0.5;
  std::string format = "text";
  bool sweep = false;
  std::int64_t errors = -1;  // all
  std::int64_t near_misses = 3;
  std::optional<double> min_macro_f1;
  std::string report;  // an HTML page to write, if any
  std::string plot;    // a folder for the reliability diagrams, if any
};

const CommandSpec kSpec{
    "eval", "demarche eval --gold FILE [--gold FILE]... [options]",
    "Classifies every sentence of the gold files (TSV with a header; columns\n"
    "'text' and 'labels', labels comma-separated event types, empty for none;\n"
    "'id' used when present) with the current rules, plugins and threshold, and\n"
    "prints per event type, micro and macro: gold, predicted, true positives,\n"
    "precision, recall and F1; how well the confidences are calibrated (ECE and\n"
    "Brier score per type and pooled); then each false positive and false negative with\n"
    "the rules that fired, the rules that nearly did, and the plugins'\n"
    "annotations. See docs/evaluation.md."};

std::optional<EvalOptions> parse_options(const std::vector<std::string>& args, std::ostream& out) {
  EvalOptions options;
  double min_macro_f1 = -1;
  po::options_description visible("Options");
  add_help_option(visible);
  visible.add_options()("gold,g",
                        po::value<std::vector<std::string>>(&options.gold)->value_name("FILE"),
                        "a gold file (repeatable; '-' is standard input); required");
  add_rules_option(visible, options.rule_paths);
  add_set_memory_option(visible, options.set_memory_mib);
  add_plugin_options(visible, options.plugins, true);
  add_weights_options(visible, options.weights);
  add_selection_options(visible, options.selection);
  add_threshold_option(visible, options.threshold);
  visible.add_options()(
      "format,f",
      po::value<std::string>(&options.format)->value_name("FORMAT")->default_value("text"),
      "text or json (everything, one document)")(
      "threshold-sweep", po::bool_switch(&options.sweep),
      "also give precision, recall and F1 at thresholds 0.1, 0.2, ..., 0.9")(
      "errors", po::value<std::int64_t>(&options.errors)->value_name("N"),
      "text: show at most N sentences per list of false positives or negatives "
      "(default: all)")(
      "near-misses",
      po::value<std::int64_t>(&options.near_misses)->value_name("N")->default_value(3),
      "text: show at most N near-miss rules per false negative")(
      "min-macro-f1", po::value<double>(&min_macro_f1)->value_name("X"),
      "exit 1 when macro F1 is below X (0..1), for CI")(
      "report", po::value<std::string>(&options.report)->value_name("FILE"),
      "also write a self-contained HTML report to FILE (tables, precision-recall "
      "charts, reliability diagrams, sortable rule statistics, errors)")(
      "plot", po::value<std::string>(&options.plot)->value_name("DIR"),
      "also write a reliability diagram per event type, DIR/reliability-TYPE.svg, and "
      "one for all types pooled, DIR/reliability-all.svg (DIR is created if missing)");
  const po::variables_map vm = parse_command_line(kSpec, args, visible);
  if (vm.count("help") != 0) {
    print_help(out, kSpec, visible);
    return std::nullopt;
  }
  if (options.gold.empty()) throw UsageError(kSpec.name, "demarche eval: --gold FILE is required");
  check_choice(kSpec, "format", options.format, {"text", "json"});
  check_threshold(kSpec, options.threshold);
  check_set_memory(kSpec, options.set_memory_mib);
  check_plugin_options(kSpec, options.plugins);
  check_weights_options(kSpec, options.weights);
  if (vm.count("errors") != 0 && options.errors < 0)
    throw UsageError(kSpec.name, "demarche eval: --errors must be 0 or more");
  if (options.near_misses < 0)
    throw UsageError(kSpec.name, "demarche eval: --near-misses must be 0 or more");
  if (vm.count("min-macro-f1") != 0) {
    if (!(min_macro_f1 >= 0.0 && min_macro_f1 <= 1.0))
      throw UsageError(kSpec.name, "demarche eval: --min-macro-f1 must be between 0 and 1");
    options.min_macro_f1 = min_macro_f1;
  }
  return options;
}

}  // namespace

int run_eval(const std::vector<std::string>& args, Output& output) {
  const std::optional<EvalOptions> options = parse_options(args, output.stream());
  if (!options) return kExitOk;
  std::vector<GoldSentence> gold;
  for (const std::string& path : options->gold) read_gold_file(path, gold);
  if (gold.empty()) throw ExitError(kExitUsage, "demarche eval: the gold files hold no sentences");

  const std::shared_ptr<const Engine> rules =
      load_engine(options->rule_paths, options->set_memory_mib, std::cerr);
  const std::shared_ptr<const PluginSet> plugins = load_plugin_set(options->plugins, std::cerr);
  std::vector<std::string> plugin_names;
  for (const auto& plugin : plugins->plugins) plugin_names.push_back(plugin->name());
  // The report's precision-recall charts are drawn from the sweep.
  const EvalSettings settings{options->threshold, options->sweep || !options->report.empty(), true};
  const WeightedEngine weighted = apply_weights_options(
      rules->with_plugins(plugins), options->weights, options->rule_paths, std::cerr);
  Evaluation eval = evaluate(apply_selection(weighted.engine, options->selection, kSpec),
                             std::move(gold), options->gold, std::move(plugin_names), settings);
  eval.scoring_model = weighted.description;
  warn_unknown_labels(std::cerr, kSpec.name, eval.unknown_labels);
  if (!options->report.empty()) {
    write_output_file(kSpec.name, options->report, "the report",
                      [&eval](std::ostream& out) { write_html_report(eval, out); });
  }
  if (!options->plot.empty()) write_reliability_plots(options->plot, eval);

  if (options->format == "json") {
    output.stream() << to_json_text(evaluation_json(eval)) << '\n';
  } else {
    TextReportOptions text;
    if (options->errors >= 0) text.errors = static_cast<std::size_t>(options->errors);
    text.near_misses = static_cast<std::size_t>(options->near_misses);
    write_eval_text(output.stream(), eval, text);
  }

  bool failed = false;
  PluginFaults faults;
  for (const SentenceOutcome& s : eval.sentences) {
    if (!s.result.plugin_faults.empty())
      faults.report(s.result.plugin_faults, "gold sentence " + s.gold.place());
  }
  if (faults.count() != 0) {
    std::cerr << "demarche eval: " << faults.count()
              << (faults.count() == 1 ? " plugin fault" : " plugin faults") << '\n';
  }
  const bool refused = plugins->plugins.size() != plugins->reports.size();
  if (options->plugins.strict && (refused || faults.count() != 0)) {
    std::cerr << "demarche eval: failing because of --strict-plugins\n";
    failed = true;
  }
  if (eval.unclassified != 0) {
    std::cerr << "demarche eval: " << eval.unclassified
              << (eval.unclassified == 1 ? " sentence" : " sentences")
              << " could not be classified (counted as predicting nothing)\n";
    failed = true;
  }
  if (options->min_macro_f1) {
    const std::optional<double> f1 = eval.summary.macro.scores.f1;
    // The threshold's tolerance (1e-9) absorbs floating-point rounding.
    if (!f1 || !clears_threshold(*f1, *options->min_macro_f1)) {
      std::cerr << "demarche eval: macro F1 " << figure(f1) << " is below --min-macro-f1 "
                << fixed(*options->min_macro_f1, 3) << '\n';
      failed = true;
    }
  }
  return failed ? kExitFailure : kExitOk;
}

}  // namespace demarche::cli
