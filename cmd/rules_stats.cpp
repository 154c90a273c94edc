// `demarche rules stats`: per rule, how it fares on labelled sentences
// (coverage, empirical precision with its Wilson interval, what it alone
// finds, whom it overlaps or conflicts with). The rules run alone: the
// figures are about the rules, so no plugin is loaded.
#include <algorithm>
#include <demarche/engine.hpp>
#include <iostream>

#include "eval_json.hpp"
#include "eval_text_report.hpp"
#include "evaluation.hpp"
#include "exit_error.hpp"
#include "gold_file.hpp"
#include "rule_loading.hpp"
#include "rules_options.hpp"
#include "selection_options.hpp"
#include "text_format.hpp"

namespace demarche::cli {
namespace {

constexpr std::size_t kShownRelations = 3;  // overlaps and conflicts per rule, in text

const std::vector<std::string> kSortKeys = {"order", "id",        "type",   "weight", "coverage",
                                            "hits",  "precision", "recall", "unique"};

// Sorts the rows for --sort KEY. Counts sort most first; precision sorts
// worst first (undefined last), as the column to read to find the rule that
// hurts; names sort alphabetically. Ties keep rule order.
std::vector<const RuleStats*> sorted(const std::vector<RuleStats>& rules, const std::string& key) {
  std::vector<const RuleStats*> rows;
  for (const RuleStats& r : rules) rows.push_back(&r);
  auto by = [&](auto less) { std::stable_sort(rows.begin(), rows.end(), less); };
  using R = const RuleStats*;
  if (key == "id") by([](R a, R b) { return a->rule_id < b->rule_id; });
  if (key == "type") by([](R a, R b) { return a->type < b->type; });
  if (key == "weight") by([](R a, R b) { return a->weight > b->weight; });
  if (key == "coverage") by([](R a, R b) { return a->coverage > b->coverage; });
  if (key == "hits") by([](R a, R b) { return a->hits > b->hits; });
  if (key == "unique") by([](R a, R b) { return a->unique > b->unique; });
  if (key == "recall") by([](R a, R b) { return a->recall.value_or(-1) > b->recall.value_or(-1); });
  if (key == "precision") {
    by([](R a, R b) { return a->precision.value_or(2) < b->precision.value_or(2); });
  }
  return rows;
}

std::string relations(const std::vector<RuleCount>& list) {
  std::string out;
  for (std::size_t i = 0; i < list.size() && i < kShownRelations; ++i) {
    out += (i == 0 ? "" : ", ") + list[i].rule_id + " (" + std::to_string(list[i].sentences) + ')';
  }
  if (list.size() > kShownRelations)
    out += ", and " + std::to_string(list.size() - kShownRelations) + " more";
  return out;
}

std::string interval_text(const std::optional<Interval>& interval) {
  if (!interval) return "n/a";
  return '[' + fixed(interval->low, 3) + ", " + fixed(interval->high, 3) + ']';
}

void write_table(std::ostream& out, const Evaluation& eval, const std::string& sort) {
  out << eval.rule_count << (eval.rule_count == 1 ? " rule" : " rules") << " on "
      << eval.sentences.size() << " gold sentences from ";
  for (std::size_t i = 0; i < eval.files.size(); ++i) out << (i == 0 ? "" : ", ") << eval.files[i];
  out << " (rules alone, no plugins)\n\n";
  std::size_t id_width = 4;
  std::size_t type_width = 4;
  for (const RuleStats& r : eval.rules) {
    id_width = std::max(id_width, r.rule_id.size());
    type_width = std::max(type_width, r.type.size());
  }
  id_width += 2;
  type_width += 2;
  out << pad_right("RULE", id_width) << pad_right("TYPE", type_width) << pad_left("WEIGHT", 6)
      << pad_left("COVER", 7) << pad_left("HITS", 6) << pad_left("PREC", 7)
      << pad_right("  95% INTERVAL", 17) << pad_left("RECALL", 7) << pad_left("UNIQUE", 8)
      << pad_left("UREC", 7) << pad_left("UNLESS", 8) << pad_left("UNLESS+", 9) << "  FLAG\n";
  std::size_t flagged = 0;
  for (const RuleStats* r : sorted(eval.rules, sort)) {
    out << pad_right(r->rule_id, id_width) << pad_right(r->type, type_width)
        << pad_left(fixed(r->weight, 3), 6) << pad_left(std::to_string(r->coverage), 7)
        << pad_left(std::to_string(r->hits), 6) << pad_left(figure(r->precision), 7) << "  "
        << pad_right(interval_text(r->interval), 15) << pad_left(figure(r->recall), 7)
        << pad_left(std::to_string(r->unique), 8) << pad_left(figure(r->unique_recall), 7)
        << pad_left(std::to_string(r->cancelled), 8)
        << pad_left(std::to_string(r->cancelled_positive), 9) << (r->flagged ? "  !" : "") << '\n';
    flagged += r->flagged;
    if (!r->overlaps.empty()) out << "    overlaps:  " << relations(r->overlaps) << '\n';
    if (!r->conflicts.empty()) out << "    conflicts: " << relations(r->conflicts) << '\n';
  }
  out << '\n';
  if (flagged == 0) {
    out << "No rule has an empirical precision below " << fixed(kHealthBar, 1)
        << " with a weight above " << fixed(kHealthBar, 1) << ".\n";
    return;
  }
  out << "! " << flagged << (flagged == 1 ? " rule has" : " rules have")
      << " an empirical precision below " << fixed(kHealthBar, 1) << " with a weight above "
      << fixed(kHealthBar, 1) << ":";
  for (const RuleStats& r : eval.rules) {
    if (r.flagged) out << ' ' << r.rule_id;
  }
  out << '\n';
}

}  // namespace

int run_rules_stats(const std::vector<std::string>& args, std::ostream& out) {
  RulesOptions options(
      {"rules stats", "demarche rules stats --gold FILE [--gold FILE]... [options]",
       "For each rule, on the sentences of the gold files (as `demarche eval`\n"
       "reads them): how many it fires on (coverage), how many of those have\n"
       "its type (hits, empirical precision with a 95% Wilson interval), the\n"
       "gold positives only it finds (unique), how often its `unless` cancelled\n"
       "it, and the rules it overlaps or conflicts with. Rules whose precision\n"
       "is below 0.7 while their weight is above 0.7 are flagged with '!'.\n"
       "The rules run alone, without plugins. See docs/evaluation.md."},
      true);
  std::vector<std::string> gold_paths;
  std::string sort = "order";
  options.visible.add_options()(
      "gold,g", po::value<std::vector<std::string>>(&gold_paths)->value_name("FILE"),
      "a gold file (repeatable; '-' is standard input); required")(
      "sort", po::value<std::string>(&sort)->value_name("KEY")->default_value(sort),
      "text: order of the rows: order (as in the rule files), id, type, weight, coverage, "
      "hits, precision (worst first), recall or unique");
  SelectionOptions selection;
  add_selection_options(options.visible, selection);
  if (!options.parse(args, out)) return kExitOk;
  if (gold_paths.empty())
    throw UsageError(options.spec.name, "demarche rules stats: --gold FILE is required");
  check_choice(options.spec, "sort", sort, kSortKeys);

  std::vector<GoldSentence> gold;
  for (const std::string& path : gold_paths) read_gold_file(path, gold);
  if (gold.empty()) {
    throw ExitError(kExitUsage, "demarche rules stats: the gold files hold no sentences");
  }
  const std::shared_ptr<const Engine> engine =
      load_engine(options.rule_paths, options.set_memory_mib, std::cerr);
  const Evaluation eval = evaluate(apply_selection(*engine, selection, options.spec),
                                   std::move(gold), gold_paths, {}, EvalSettings{});
  warn_unknown_labels(std::cerr, options.spec.name, eval.unknown_labels);
  if (options.json()) {
    Json doc = gold_overview_json(eval);
    doc["rules"] = rule_stats_json(eval.rules);
    out << to_json_text(doc) << '\n';
  } else {
    write_table(out, eval, sort);
  }
  return kExitOk;
}

}  // namespace demarche::cli
