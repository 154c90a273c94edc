// evaluation.hpp: classifying gold sentences and measuring the result.
//
// The data model of `demarche eval` and `demarche rules stats`: plain
// structs, computed once by evaluate() and then only read by the reports
// (eval_text_report, eval_json, rules_stats, and any later report such as
// an HTML page), so every report shows the same figures. Nothing here
// prints. The arithmetic is in metrics.hpp; docs/evaluation.md defines
// every figure.
#pragma once

#include <cstddef>
#include <demarche/engine.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gold_file.hpp"
#include "metrics.hpp"
#include "rule_statistics.hpp"

namespace demarche::cli {

// One gold sentence and what the engine made of it.
struct SentenceOutcome {
  GoldSentence gold;                    // as read; its labels may include unknown types
  std::vector<std::string> gold_types;  // its labels that are event types of the rules
  std::vector<std::string> predicted;   // types whose confidence clears the threshold
  // Everything the engine said, events below the threshold included (each
  // with its evidence, counted or not, and the plugins' attributes), the
  // rules cancelled by `unless`, and any error or plugin fault.
  SentenceResult result;
  std::vector<std::string> false_positives;  // predicted, not gold
  std::vector<std::string> false_negatives;  // gold, not predicted
  // For each false negative type, in that order: the rules of the type that
  // came closest (Engine::near_misses). Empty when not asked for.
  std::vector<std::pair<std::string, std::vector<NearMiss>>> near_misses;
};

// The figures of one event type (or of all types pooled, for micro).
struct TypeScore {
  std::string type;
  Counts counts;
  Scores scores;
  // Indices into Evaluation::sentences, in gold order (empty for micro).
  // The sweep's summaries have them too; the reports list only those of
  // the evaluation's own threshold.
  std::vector<std::size_t> false_positives;
  std::vector<std::size_t> false_negatives;
};

// Every figure at one threshold.
struct Summary {
  double threshold = 0.5;
  std::vector<TypeScore> per_type;  // in the rules' declaration order
  TypeScore micro;                  // counts pooled over the types
  MacroScores macro;                // mean of the per-type values
};

struct EvalSettings {
  double threshold = 0.5;
  bool sweep = false;        // also summarise at thresholds 0.1, 0.2, ..., 0.9
  bool near_misses = false;  // look for near misses of each false negative
};

struct Evaluation {
  std::vector<std::string> files;  // the gold files, in command-line order
  double threshold = 0.5;
  // How the engine turns evidence into confidences, as the reports name it.
  // Whoever builds the engine with another model sets this to say so.
  std::string scoring_model = "authored weights";
  std::vector<std::string> types;  // the rules' event types, in declaration order
  std::size_t rule_count = 0;
  std::vector<std::string> plugins;  // the plugins that ran, in load order
  // Gold labels that are no event type of the rules: each with the first
  // place it occurs and how many sentences carry it. Left out of the scores.
  struct UnknownLabel {
    std::string label;
    std::string first_place;  // FILE:LINE
    std::size_t sentences = 0;
  };
  std::vector<UnknownLabel> unknown_labels;
  std::vector<SentenceOutcome> sentences;
  Summary summary;                       // at `threshold`
  std::vector<Summary> sweep;            // at 0.1 .. 0.9 when asked for, else empty
  std::size_t unclassified = 0;          // sentences the engine could not classify
  std::size_t empty_gold = 0;            // sentences with no known gold label
  std::size_t empty_gold_predicted = 0;  // of those, how many were given some type
  std::vector<RuleStats> rules;          // in rule order
  // How well the confidences match the gold labels: one sample per
  // classified sentence and type (docs/evaluation.md, "Calibration").
  std::vector<Calibration> calibration_per_type;  // in `types` order
  Calibration calibration_pooled;                 // every type's samples; type "all"
};

// The labels of `gold` that are no event type in `types`, in order of first
// use, each with the place of that use and how many sentences carry it.
std::vector<Evaluation::UnknownLabel> find_unknown_labels(const std::vector<GoldSentence>& gold,
                                                          const std::vector<std::string>& types);

// Classifies each gold sentence as one sentence (never re-segmented) and
// measures the result. `plugins` names the plugins `engine` runs.
Evaluation evaluate(const Engine& engine, std::vector<GoldSentence> gold,
                    std::vector<std::string> files, std::vector<std::string> plugins,
                    const EvalSettings& settings);

// The calibration of `types` (in `types` order) over sentences already
// classified: a type's confidence in a sentence is its Event's, or, when the
// engine returned no Event for it, `types[i].prior`: what the scoring model
// says with no evidence. Sentences that could not be classified are left out.
struct CalibrationFigures {
  std::vector<Calibration> per_type;
  Calibration pooled;
};
CalibrationFigures calibrate(const std::vector<EventTypeInfo>& types,
                             const std::vector<SentenceOutcome>& sentences);

// The figures at `threshold` from sentences already classified.
Summary summarize(const std::vector<std::string>& types,
                  const std::vector<SentenceOutcome>& sentences, double threshold);

}  // namespace demarche::cli
