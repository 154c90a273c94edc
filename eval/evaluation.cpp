#include "evaluation.hpp"

#include <algorithm>

#include "result_text.hpp"

namespace demarche::cli {
namespace {

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// The types, in `types` order, that `result` gives a confidence clearing
// `threshold` (with the same tolerance as classify).
std::vector<std::string> predicted_at(const std::vector<std::string>& types,
                                      const SentenceResult& result, double threshold) {
  std::vector<std::string> out;
  for (const std::string& type : types) {
    for (const Event& event : result.events) {
      if (event.type == type && clears_threshold(event.confidence, threshold)) {
        out.push_back(type);
        break;
      }
    }
  }
  return out;
}

// The sweep's thresholds, computed rather than accumulated so that they are
// exactly 0.1, 0.2, ... as a reader types them.
std::vector<double> sweep_thresholds() {
  std::vector<double> out;
  for (int tenth = 1; tenth <= 9; ++tenth) out.push_back(tenth / 10.0);
  return out;
}

}  // namespace

Summary summarize(const std::vector<std::string>& types,
                  const std::vector<SentenceOutcome>& sentences, double threshold) {
  Summary summary;
  summary.threshold = threshold;
  summary.micro.type = "micro";
  for (const std::string& type : types) summary.per_type.push_back(TypeScore{type, {}, {}, {}, {}});
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const SentenceOutcome& sentence = sentences[i];
    const std::vector<std::string> predicted = predicted_at(types, sentence.result, threshold);
    for (TypeScore& score : summary.per_type) {
      const bool gold = has(sentence.gold_types, score.type);
      const bool guessed = has(predicted, score.type);
      score.counts.gold += gold;
      score.counts.predicted += guessed;
      score.counts.tp += gold && guessed;
      if (guessed && !gold) score.false_positives.push_back(i);
      if (gold && !guessed) score.false_negatives.push_back(i);
    }
  }
  std::vector<Counts> per_type;
  for (TypeScore& score : summary.per_type) {
    score.scores = scores_of(score.counts);
    summary.micro.counts += score.counts;
    per_type.push_back(score.counts);
  }
  summary.micro.scores = scores_of(summary.micro.counts);
  summary.macro = macro_of(per_type);
  return summary;
}

CalibrationFigures calibrate(const std::vector<EventTypeInfo>& types,
                             const std::vector<SentenceOutcome>& sentences) {
  std::vector<CalibrationSample> pooled;
  CalibrationFigures out;
  for (const EventTypeInfo& type : types) {
    std::vector<CalibrationSample> samples;
    for (const SentenceOutcome& sentence : sentences) {
      // An error means the engine said nothing: there is no confidence to judge.
      if (!sentence.result.ok()) continue;
      // No Event means no evidence, and the scoring model's answer to no
      // evidence is the prior, not 0: a type the rules never fire on is
      // still forecast at its base rate.
      double confidence = type.prior;
      for (const Event& event : sentence.result.events) {
        if (event.type == type.name) {
          confidence = event.confidence;
          break;
        }
      }
      samples.push_back(CalibrationSample{confidence, has(sentence.gold_types, type.name)});
    }
    pooled.insert(pooled.end(), samples.begin(), samples.end());
    out.per_type.push_back(calibration_of(type.name, samples));
  }
  out.pooled = calibration_of("all", pooled);
  return out;
}

std::vector<Evaluation::UnknownLabel> find_unknown_labels(const std::vector<GoldSentence>& gold,
                                                          const std::vector<std::string>& types) {
  std::vector<Evaluation::UnknownLabel> found;
  for (const GoldSentence& sentence : gold) {
    for (const std::string& label : sentence.labels) {
      if (has(types, label)) continue;
      auto unknown =
          std::find_if(found.begin(), found.end(), [&](const auto& u) { return u.label == label; });
      if (unknown == found.end()) {
        unknown = found.insert(found.end(), Evaluation::UnknownLabel{label, sentence.place(), 0});
      }
      ++unknown->sentences;
    }
  }
  return found;
}

Evaluation evaluate(const Engine& engine, std::vector<GoldSentence> gold,
                    std::vector<std::string> files, std::vector<std::string> plugins,
                    const EvalSettings& settings) {
  Evaluation eval;
  eval.files = std::move(files);
  eval.plugins = std::move(plugins);
  eval.threshold = settings.threshold;
  // With --rule/--type only the selected types are measured; a label of
  // another type of these rules is not unknown, only not measured.
  std::vector<std::string> all_types;
  std::vector<RuleInfo> rules;
  std::vector<EventTypeInfo> types;
  for (const RuleInfo& rule : engine.rules()) {
    if (engine.selects_rule(rule.id)) rules.push_back(rule);
  }
  for (const EventTypeInfo& type : engine.event_types()) {
    all_types.push_back(type.name);
    if (!engine.selects_type(type.name)) continue;
    eval.types.push_back(type.name);
    types.push_back(type);
  }
  eval.rule_count = rules.size();

  eval.unknown_labels = find_unknown_labels(gold, all_types);
  eval.sentences.reserve(gold.size());
  for (GoldSentence& sentence : gold) {
    SentenceOutcome outcome;
    for (const std::string& type : eval.types) {
      if (has(sentence.labels, type)) outcome.gold_types.push_back(type);
    }
    // A gold row is one sentence: classify it whole, as `classify` does in
    // lines mode, so that the figures are those of what a user runs.
    outcome.result = engine.classify_sentence(sentence.text);
    if (!outcome.result.ok()) ++eval.unclassified;
    outcome.predicted = predicted_at(eval.types, outcome.result, settings.threshold);
    for (const std::string& type : eval.types) {
      const bool in_gold = has(outcome.gold_types, type);
      const bool in_predicted = has(outcome.predicted, type);
      if (in_predicted && !in_gold) outcome.false_positives.push_back(type);
      if (in_gold && !in_predicted) {
        outcome.false_negatives.push_back(type);
        if (settings.near_misses)
          outcome.near_misses.emplace_back(type, engine.near_misses(sentence.text, type));
      }
    }
    if (outcome.gold_types.empty()) {
      ++eval.empty_gold;
      eval.empty_gold_predicted += !outcome.predicted.empty();
    }
    outcome.gold = std::move(sentence);
    eval.sentences.push_back(std::move(outcome));
  }

  eval.summary = summarize(eval.types, eval.sentences, settings.threshold);
  if (settings.sweep) {
    for (double threshold : sweep_thresholds())
      eval.sweep.push_back(summarize(eval.types, eval.sentences, threshold));
  }
  eval.rules = rule_statistics(rules, eval.sentences);
  CalibrationFigures calibration = calibrate(types, eval.sentences);
  eval.calibration_per_type = std::move(calibration.per_type);
  eval.calibration_pooled = std::move(calibration.pooled);
  return eval;
}

}  // namespace demarche::cli
