// `demarche calibrate`: fit learned weights on gold sentences, write them,
// and (with --cv) show whether they beat the authored ones on held-out data.
#include "calibrate_command.hpp"

#include <demarche/weights.hpp>
#include <iostream>
#include <optional>
#include <sstream>

#include "command_line.hpp"
#include "cross_validation.hpp"
#include "eval_text_report.hpp"
#include "exit_error.hpp"
#include "gold_file.hpp"
#include "output_file.hpp"
#include "plugin_options.hpp"
#include "rule_loading.hpp"
#include "shrinkage.hpp"
#include "text_format.hpp"

namespace demarche::cli {
namespace {

struct CalibrateOptions {
  std::vector<std::string> gold;
  std::vector<std::string> rule_paths;
  std::int64_t set_memory_mib = kDefaultSetMemoryMib;
  PluginOptions plugins;
  std::string output;  // the weights file to write, if any
  std::int64_t folds = 0;
  std::int64_t seed = 1;
  double threshold = 0.5;
  FitOptions fit;
  bool l2_given = false;  // else chosen by grouped cross-validation
};

// Folds for choosing --l2 when --cv does not say how many.
constexpr std::size_t kDefaultSearchFolds = 5;

const CommandSpec kSpec{
    "calibrate", "demarche calibrate --gold FILE [--gold FILE]... [-o WEIGHTS] [--cv K] [options]",
    "Fits learned weights on the gold files (the TSV that `demarche eval` reads): per\n"
    "event type, an L2-regularised logistic model over the rules that fired and\n"
    "the plugins' evidence, pulled towards the authored numbers. -o writes them\n"
    "as a weights file for --weights (or as weights.tsv beside the rules, to be\n"
    "the default). --cv K compares authored and learned weights by K-fold\n"
    "cross-validation: precision, recall, F1, ECE, Brier score and log loss on\n"
    "held-out sentences. Folds hold whole source pages (the gold files' `url`\n"
    "column). Unless --l2 is given, the shrinkage is chosen from a small grid by\n"
    "the same grouped cross-validation. See docs/scoring.md."};

std::optional<CalibrateOptions> parse_options(const std::vector<std::string>& args,
                                              std::ostream& out) {
  CalibrateOptions options;
  std::int64_t min_support = static_cast<std::int64_t>(options.fit.min_support);
  po::options_description visible("Options");
  add_help_option(visible);
  visible.add_options()("gold,g",
                        po::value<std::vector<std::string>>(&options.gold)->value_name("FILE"),
                        "a gold file (repeatable; '-' is standard input); required")(
      "output,o", po::value<std::string>(&options.output)->value_name("WEIGHTS"),
      "write the weights fitted on all gold sentences to WEIGHTS")(
      "cv", po::value<std::int64_t>(&options.folds)->value_name("K"),
      "K-fold cross-validation of authored against learned weights (K >= 2)")(
      "l2", po::value<double>(&options.fit.l2)->value_name("X"),
      "strength of the pull towards the authored numbers (a prior's precision in log-odds); "
      "default: the value of 0.1 0.3 1 3 10 30 with the lowest held-out log loss")(
      "min-support",
      po::value<std::int64_t>(&min_support)->value_name("N")->default_value(min_support),
      "evidence seen in fewer gold sentences keeps its authored number")(
      "seed", po::value<std::int64_t>(&options.seed)->value_name("N")->default_value(options.seed),
      "shuffles the source pages into folds");
  add_rules_option(visible, options.rule_paths);
  add_set_memory_option(visible, options.set_memory_mib);
  add_plugin_options(visible, options.plugins, false);
  add_threshold_option(visible, options.threshold);
  const po::variables_map vm = parse_command_line(kSpec, args, visible, "");
  if (vm.count("help") != 0) {
    print_help(out, kSpec, visible);
    return std::nullopt;
  }
  if (options.gold.empty()) throw UsageError(kSpec.name, "demarche calibrate: --gold is required");
  if (options.output.empty() && options.folds == 0)
    throw UsageError(kSpec.name,
                     "demarche calibrate: nothing to do: give -o WEIGHTS, --cv K, or both");
  if (vm.count("cv") != 0 && options.folds < 2)
    throw UsageError(kSpec.name, "demarche calibrate: --cv needs at least 2 folds");
  options.l2_given = vm.count("l2") != 0;
  // The upper bound keeps the fit's arithmetic finite; it pulls every
  // number onto the author's long before it.
  if (!(options.fit.l2 > 0 && options.fit.l2 < 1e12))
    throw UsageError(kSpec.name,
                     "demarche calibrate: --l2 must be a number above 0 and below 1e12");
  if (min_support < 0)
    throw UsageError(kSpec.name, "demarche calibrate: --min-support must be 0 or more");
  if (options.seed < 0 || options.seed > 0xffffffffLL)
    throw UsageError(kSpec.name, "demarche calibrate: --seed must be between 0 and 4294967295");
  options.fit.min_support = static_cast<std::size_t>(min_support);
  check_threshold(kSpec, options.threshold);
  check_set_memory(kSpec, options.set_memory_mib);
  check_plugin_options(kSpec, options.plugins);
  return options;
}

// Padded to `width` so that the table's columns line up.
std::string pad_right(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

std::string pad_left(std::string text, std::size_t width) {
  if (text.size() < width) text.insert(0, width - text.size(), ' ');
  return text;
}

std::string optional_fixed(const std::optional<double>& value, int decimals = 3) {
  return value ? fixed(*value, decimals) : "n/a";
}

// A number as short as it reads: 0.1, 1, 30.
std::string short_number(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

void write_folds_line(std::ostream& out, std::size_t folds, std::size_t groups,
                      std::size_t sentences, unsigned seed, double threshold) {
  out << folds << " folds grouped by url: " << groups << " groups, " << sentences
      << " sentences (seed " << seed << ", threshold " << fixed(threshold, 2)
      << "); every figure is on held-out sentences\n";
}

void write_model(std::ostream& out, const ModelFigures& model) {
  const auto& per_type = model.summary.per_type;
  for (std::size_t t = 0; t < per_type.size(); ++t) {
    const Calibration& c = model.calibration_per_type[t];
    out << pad_right(model.model, 10) << pad_right(per_type[t].type, 14)
        << pad_left(optional_fixed(per_type[t].scores.precision), 7)
        << pad_left(optional_fixed(per_type[t].scores.recall), 7)
        << pad_left(optional_fixed(per_type[t].scores.f1), 7) << pad_left(optional_fixed(c.ece), 7)
        << pad_left(optional_fixed(c.brier), 7)
        << pad_left(optional_fixed(model.log_loss_per_type[t], 4), 9) << '\n';
  }
  out << pad_right(model.model, 10) << pad_right("macro / all", 14)
      << pad_left(optional_fixed(model.summary.macro.scores.precision), 7)
      << pad_left(optional_fixed(model.summary.macro.scores.recall), 7)
      << pad_left(optional_fixed(model.summary.macro.scores.f1), 7)
      << pad_left(optional_fixed(model.calibration_pooled.ece), 7)
      << pad_left(optional_fixed(model.calibration_pooled.brier), 7)
      << pad_left(optional_fixed(model.log_loss, 4), 9) << '\n';
}

void write_shrinkage(std::ostream& out, const ShrinkageSearch& search) {
  out << "\nShrinkage: learned weights with each --l2, held out on these folds\n"
      << pad_left("l2", 6) << pad_left("LogLoss", 9) << pad_left("ECE", 7) << pad_left("Brier", 7)
      << pad_left("macro F1", 10) << '\n';
  for (const ShrinkageTrial& trial : search.trials) {
    out << pad_left(short_number(trial.l2), 6)
        << pad_left(optional_fixed(trial.learned.log_loss, 4), 9)
        << pad_left(optional_fixed(trial.learned.calibration_pooled.ece), 7)
        << pad_left(optional_fixed(trial.learned.calibration_pooled.brier), 7)
        << pad_left(optional_fixed(trial.learned.summary.macro.scores.f1), 10) << '\n';
  }
  out << "chosen: l2 " << short_number(search.chosen) << ", the lowest held-out log loss\n";
}

void write_cross_validation(std::ostream& out, const CrossValidation& cv, bool l2_chosen) {
  out << '\n';
  if (l2_chosen) {
    // Choosing l2 on the folds that then measure it would flatter it.
    out << "Authored against learned weights; each fold's l2 chosen as above from its own\n"
           "training sentences only:";
    for (double l2 : cv.l2_per_fold) out << ' ' << short_number(l2);
    out << "\n\n";
  } else {
    out << "Authored against learned weights with l2 "
        << short_number(cv.l2_per_fold.empty() ? 0 : cv.l2_per_fold.front()) << " (given)\n\n";
  }
  out << pad_right("model", 10) << pad_right("type", 14) << pad_left("P", 7) << pad_left("R", 7)
      << pad_left("F1", 7) << pad_left("ECE", 7) << pad_left("Brier", 7) << pad_left("LogLoss", 9)
      << '\n';
  write_model(out, cv.authored);
  write_model(out, cv.learned);
  out << "\nP, R, F1 per type; on the 'macro / all' line their macro means, with ECE,\n"
         "Brier and log loss over every type's samples pooled (docs/evaluation.md).\n";
}

void write_fit_summary(std::ostream& out, const FitResult& fit, const std::string& path) {
  std::size_t rules = 0;
  std::size_t fitted = 0;
  for (const LearnedWeights::Entry& e : fit.weights.entries) {
    if (e.kind == LearnedWeights::Kind::kPrior) {
      out << "  " << pad_right(e.name, 14) << " prior " << fixed(e.authored, 3) << " -> "
          << fixed(e.value, 4) << '\n';
    }
    if (e.kind == LearnedWeights::Kind::kRule) {
      ++rules;
      fitted += e.fitted;
    }
  }
  out << "  " << fitted << " of " << rules << " rules fitted; the other " << (rules - fitted)
      << " fired in fewer than " << fit.weights.min_support
      << " gold sentences and keep their authored weights\n";
  for (const std::string& type : fit.not_converged)
    out << "  warning: the fit for " << type << " did not converge; it keeps authored numbers\n";
  out << "Wrote " << path << '\n';
}

}  // namespace

int run_calibrate(const std::vector<std::string>& args, Output& output) {
  const std::optional<CalibrateOptions> options = parse_options(args, output.stream());
  if (!options) return kExitOk;
  std::vector<GoldSentence> gold;
  for (const std::string& path : options->gold) read_gold_file(path, gold);
  if (gold.empty())
    throw ExitError(kExitUsage, "demarche calibrate: the gold files hold no sentences");
  const std::size_t groups = count_groups(gold);
  if (options->folds > 0 && static_cast<std::size_t>(options->folds) > groups)
    throw ExitError(kExitUsage, "demarche calibrate: --cv " + std::to_string(options->folds) +
                                    " needs at least as many source pages (distinct urls; a "
                                    "sentence without one counts alone); the gold files hold " +
                                    std::to_string(groups));

  const std::shared_ptr<const Engine> rules =
      load_engine(options->rule_paths, options->set_memory_mib, std::cerr);
  const Engine engine = rules->with_plugins(load_plugin_set(options->plugins, std::cerr));
  {
    std::vector<std::string> types;
    for (const EventTypeInfo& type : engine.event_types()) types.push_back(type.name);
    // The fit ignores labels that are no event type, so a misspelt one makes
    // its sentences negatives of the type meant: say so, as `eval` does.
    warn_unknown_labels(std::cerr, kSpec.name, find_unknown_labels(gold, types));
  }
  std::ostream& out = output.stream();
  const auto seed = static_cast<unsigned>(options->seed);
  const std::size_t folds =
      options->folds > 0 ? static_cast<std::size_t>(options->folds) : kDefaultSearchFolds;

  FitOptions fit = options->fit;
  std::optional<ShrinkageSearch> search;
  if (!options->l2_given) {
    search = search_shrinkage(engine, gold, folds, seed, options->fit, options->threshold);
    if (search) {
      write_folds_line(out, search->folds, search->groups, gold.size(), seed, options->threshold);
      write_shrinkage(out, *search);
      fit.l2 = search->chosen;
    } else {
      out << "The gold sentences come from " << groups
          << " source page(s): too few to choose --l2 by cross-validation; using l2 "
          << short_number(fit.l2) << '\n';
    }
  } else if (options->folds > 0) {
    write_folds_line(out, folds, groups, gold.size(), seed, options->threshold);
  }
  if (options->folds > 0) {
    // Each fold chooses its l2 afresh from its training sentences; the
    // default, not the overall choice, where they are too few to choose.
    const FoldFit fold_fit = [&](const std::vector<GoldSentence>& train) {
      FitOptions chosen = options->fit;
      if (!options->l2_given) {
        if (const auto inner =
                search_shrinkage(engine, train, folds, seed, options->fit, options->threshold))
          chosen.l2 = inner->chosen;
      }
      return chosen;
    };
    write_cross_validation(out,
                           cross_validate(engine, gold, folds, seed, fold_fit, options->threshold),
                           !options->l2_given);
  }
  if (!options->output.empty()) {
    std::string fitted_on;
    for (const std::string& path : options->gold)
      fitted_on += (fitted_on.empty() ? "" : ", ") + path;
    fitted_on += " (" + std::to_string(gold.size()) + " sentences)";
    const FitResult result = fit_weights(engine, labelled(gold), fit, fitted_on);
    write_output_file(kSpec.name, options->output, "the weights file",
                      [&result](std::ostream& file) { file << format_weights(result.weights); });
    // A blank line after whatever came before: the grid, the note, or the comparison.
    if (!options->l2_given || options->folds > 0) out << '\n';
    out << "Fitted on " << gold.size() << " sentences with l2 " << short_number(fit.l2)
        << (options->l2_given ? " (given)"
            : search          ? " (chosen)"
                              : " (the default)")
        << ":\n";
    write_fit_summary(out, result, options->output);
  }
  return kExitOk;
}

}  // namespace demarche::cli
