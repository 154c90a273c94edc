#include "cross_validation.hpp"

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
    const std::vector<CalibrationSample> none;
    const auto& samples = t < pooled.per_type.size() ? pooled.per_type[t] : none;
    out.calibration_per_type.push_back(calibration_of(types[t], samples));
    out.log_loss_per_type.push_back(log_loss_of(samples));
  }
  out.calibration_pooled = calibration_of("all", pooled.all);
  out.log_loss = log_loss_of(pooled.all);
  return out;
}

// Fold k's training and held-out sentences.
void split(const std::vector<GoldSentence>& gold, const FoldAssignment& folds, std::size_t k,
           std::vector<GoldSentence>& train, std::vector<GoldSentence>& test) {
  train.clear();
  test.clear();
  for (std::size_t i = 0; i < gold.size(); ++i)
    (folds.fold_of[i] == k ? test : train).push_back(gold[i]);
}

// Runs every fold; `authored_pool` gets the authored model's results when given.
Pooled run_folds(const Engine& authored, const std::vector<GoldSentence>& gold,
                 const FoldAssignment& folds, const FoldFit& fit, double threshold,
                 std::vector<double>* l2_per_fold, Pooled* authored_pool) {
  Pooled learned_pool;
  std::vector<GoldSentence> train;
  std::vector<GoldSentence> test;
  for (std::size_t k = 0; k < folds.folds; ++k) {
    split(gold, folds, k, train, test);
    const FitOptions options = fit(train);
    if (l2_per_fold) l2_per_fold->push_back(options.l2);
    const FitResult fitted = fit_weights(authored, labelled(train), options);
    const Engine learned = authored.with_weights(fitted.weights);
    if (authored_pool) add(*authored_pool, authored, test, threshold);
    add(learned_pool, learned, std::move(test), threshold);
  }
  return learned_pool;
}

}  // namespace

std::vector<LabelledSentence> labelled(const std::vector<GoldSentence>& gold) {
  std::vector<LabelledSentence> out;
  out.reserve(gold.size());
  for (const GoldSentence& g : gold) out.push_back({g.text, g.labels});
  return out;
}

ModelFigures held_out_learned(const Engine& engine, const std::vector<GoldSentence>& gold,
                              const FoldAssignment& folds, const FoldFit& fit, double threshold,
                              std::vector<double>* l2_per_fold) {
  const Engine authored = engine.with_authored_weights();
  const Pooled pooled = run_folds(authored, gold, folds, fit, threshold, l2_per_fold, nullptr);
  return figures_of("learned", authored, pooled, threshold);
}

CrossValidation cross_validate(const Engine& engine, const std::vector<GoldSentence>& gold,
                               std::size_t folds, unsigned seed, const FoldFit& fit,
                               double threshold) {
  CrossValidation cv;
  const FoldAssignment assignment = assign_grouped_folds(gold, folds, seed);
  cv.folds = folds;
  cv.groups = assignment.groups;
  cv.sentences = gold.size();
  cv.seed = seed;
  cv.threshold = threshold;
  const Engine authored = engine.with_authored_weights();
  Pooled authored_pool;
  const Pooled learned_pool =
      run_folds(authored, gold, assignment, fit, threshold, &cv.l2_per_fold, &authored_pool);
  cv.authored = figures_of("authored", authored, authored_pool, threshold);
  cv.learned = figures_of("learned", authored, learned_pool, threshold);
  return cv;
}

}  // namespace demarche::cli
