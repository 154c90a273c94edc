// eval_json.hpp: the evaluation model as one JSON document, for machines
// (`demarche eval --format json`, `demarche rules stats --format json`).
// The schema is in docs/evaluation.md; every figure is the model's own,
// rounded to 6 decimals, and an undefined one (n/a in text) is null.
#pragma once

#include <vector>

#include "evaluation.hpp"
#include "json_text.hpp"

namespace demarche::cli {

// Everything in `eval`: settings, summary, sweep (when computed), every
// sentence with its evidence, annotations and near misses, the rules'
// statistics, and the calibration with its reliability bins.
Json evaluation_json(const Evaluation& eval);

// One object per rule, in the order given.
Json rule_stats_json(const std::vector<RuleStats>& rules);

// The header shared by both documents: files, sentences, types, counts of
// gold sentences per type, unknown labels.
Json gold_overview_json(const Evaluation& eval);

}  // namespace demarche::cli
