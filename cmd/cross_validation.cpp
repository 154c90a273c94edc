#include "cross_validation.hpp"

#include <random>

namespace demarche::cli {

namespace {

// Out-of-fold outcomes of one model, and its calibration samples.
struct Pooled {
  std::vector<SentenceOutcome> outcomes;
  std::vector<std::vector<CalibrationSample>> per_type;
  std::vector<CalibrationSample> all;
};

void add(Pooled& pooled, const Engine& engine, std::vector<GoldSentence> fold, double threshold) {
  const EvalSettings settings{threshold, false, false};
  Evaluation eval = evaluate(engine, std::move(fold), {}, {}, settings);
  // The fold's own priors: with learned weights they differ from fold to fold.
  const auto& types = engine.event_types();
  pooled.per_type.resize(types.size());
  for (SentenceOutcome& outcome : eval.sentences) {
    if (outcome.result.ok()) {
      for (std::size_t t = 0; t < types.size(); ++t) {
        CalibrationSample sample{types[t].prior, false};
        for (const Event& event : outcome.result.events) {
          if (event.type == types[t].name) sample.confidence = event.confidence;
        }
        for (const std::string& label : outcome.gold_types)
          sample.positive |= label == types[t].name;
        pooled.per_type[t].push_back(sample);
        pooled.all.push_back(sample);
      }
    }
    pooled.outcomes.push_back(std::move(outcome));
  }
}

ModelFigures figures_of(std::string model, const Engine& engine, const Pooled& pooled,
                        double threshold) {
  ModelFigures out;
  out.model = std::move(model);
  std::vector<std::string> types;
  for (const EventTypeInfo& t : engine.event_types()) types.push_back(t.name);
  out.summary = summarize(types, pooled.outcomes, threshold);
  for (std::size_t t = 0; t < types.size(); ++t) {
    out.calibration_per_type.push_back(
        calibration_of(types[t], t < pooled.per_type.size() ? pooled.per_type[t]
                                                            : std::vector<CalibrationSample>{}));
  }
  out.calibration_pooled = calibration_of("all", pooled.all);
  return out;
}

}  // namespace

std::vector<LabelledSentence> labelled(const std::vector<GoldSentence>& gold) {
  std::vector<LabelledSentence> out;
  out.reserve(gold.size());
  for (const GoldSentence& g : gold) out.push_back({g.text, g.labels});
  return out;
}

std::vector<std::size_t> assign_folds(std::size_t sentences, std::size_t folds, unsigned seed) {
  std::vector<std::size_t> order(sentences);
  for (std::size_t i = 0; i < sentences; ++i) order[i] = i;
  // Fisher-Yates by hand: std::shuffle's sequence differs between standard
  // libraries, and a fold assignment should not.
  std::mt19937 random(seed);
  for (std::size_t i = sentences; i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(random() % i);
    std::swap(order[i - 1], order[j]);
  }
  std::vector<std::size_t> fold(sentences);
  for (std::size_t position = 0; position < sentences; ++position)
    fold[order[position]] = position % folds;
  return fold;
}

CrossValidation cross_validate(const Engine& engine, const std::vector<GoldSentence>& gold,
                               std::size_t folds, unsigned seed, const FitOptions& fit,
                               double threshold) {
  CrossValidation cv;
  cv.folds = folds;
  cv.sentences = gold.size();
  cv.seed = seed;
  cv.threshold = threshold;
  const Engine authored = engine.with_authored_weights();
  const std::vector<std::size_t> fold_of = assign_folds(gold.size(), folds, seed);
  Pooled authored_pool;
  Pooled learned_pool;
  for (std::size_t k = 0; k < folds; ++k) {
    std::vector<GoldSentence> train;
    std::vector<GoldSentence> test;
    for (std::size_t i = 0; i < gold.size(); ++i)
      (fold_of[i] == k ? test : train).push_back(gold[i]);
    const FitResult fitted = fit_weights(authored, labelled(train), fit);
    const Engine learned = authored.with_weights(fitted.weights);
    add(authored_pool, authored, test, threshold);
    add(learned_pool, learned, std::move(test), threshold);
  }
  cv.authored = figures_of("authored", authored, authored_pool, threshold);
  cv.learned = figures_of("learned", authored, learned_pool, threshold);
  return cv;
}

}  // namespace demarche::cli
