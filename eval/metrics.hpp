// metrics.hpp: the arithmetic of an evaluation, and nothing else.
//
// Header-only and free of the rest of the command line, so that the unit
// tests (which link the engine, not cmd/) can include it and check the edge
// cases directly. Definitions are in docs/evaluation.md:
// - precision = TP / predicted, undefined (nullopt, "n/a") when nothing was
//   predicted; recall = TP / gold, undefined when there is no gold positive;
// - F1 = 2TP / (2TP + FP + FN): the harmonic mean of P and R where both are
//   defined, 0 where one of them is undefined and the other type of error
//   occurred, undefined only when gold and predictions are both empty;
// - micro = the same over counts pooled across types;
// - macro = the mean of the per-type values over the types that occur in the
//   gold or the predictions, an undefined value counting as 0 there (as
//   scikit-learn's zero_division=0 does); F1 macro is the mean of the
//   per-type F1, not the F1 of the macro P and R;
// - calibration: 10 equal-width reliability bins over the confidence, the
//   expected calibration error (ECE, the count-weighted mean gap between a
//   bin's observed frequency and its mean confidence) and the Brier score
//   (the mean squared gap between confidence and outcome), undefined when
//   there is no sample;
// - log loss: the mean negative log-likelihood of the outcomes, undefined
//   when there is no sample.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace demarche::cli {

// Sentence counts for one event type (or pooled over types).
struct Counts {
  std::size_t gold = 0;       // sentences whose gold labels have the type
  std::size_t predicted = 0;  // sentences given the type at the threshold
  std::size_t tp = 0;         // both
  std::size_t fp() const { return predicted - tp; }
  std::size_t fn() const { return gold - tp; }
  Counts& operator+=(const Counts& other) {
    gold += other.gold;
    predicted += other.predicted;
    tp += other.tp;
    return *this;
  }
};

struct Scores {
  std::optional<double> precision;
  std::optional<double> recall;
  std::optional<double> f1;
};

inline std::optional<double> ratio(std::size_t numerator, std::size_t denominator) {
  if (denominator == 0) return std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

inline Scores scores_of(const Counts& c) {
  return Scores{ratio(c.tp, c.predicted), ratio(c.tp, c.gold),
                ratio(2 * c.tp, 2 * c.tp + c.fp() + c.fn())};
}

// Means of per-type scores; `types` is how many types took part.
struct MacroScores {
  Scores scores;
  std::size_t types = 0;
};

inline MacroScores macro_of(const std::vector<Counts>& per_type) {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  std::size_t active = 0;
  for (const Counts& c : per_type) {
    if (c.gold == 0 && c.predicted == 0) continue;  // nothing to say about this type
    const Scores s = scores_of(c);
    precision += s.precision.value_or(0);
    recall += s.recall.value_or(0);
    f1 += s.f1.value_or(0);
    ++active;
  }
  if (active == 0) return {};
  const auto n = static_cast<double>(active);
  return MacroScores{Scores{precision / n, recall / n, f1 / n}, active};
}

struct Interval {
  double low = 0;
  double high = 0;
};

// The Wilson score interval for `successes` of `trials` at 95% (z = 1.96):
// unlike p ± z·sqrt(p(1-p)/n) it stays within [0,1] and is not empty at
// p = 0 or 1, which matters for rules that fire on a handful of sentences.
inline std::optional<Interval> wilson_interval(std::size_t successes, std::size_t trials) {
  if (trials == 0) return std::nullopt;
  constexpr double z = 1.959963984540054;  // the 97.5th percentile of the normal
  const auto n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double denominator = 1 + z2 / n;
  const double centre = (p + z2 / (2 * n)) / denominator;
  const double half = z / denominator * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  return Interval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

// One (confidence, outcome) pair: what the engine said of a type in a
// sentence, and whether the gold labels have the type.
struct CalibrationSample {
  double confidence = 0;
  bool positive = false;
};

inline constexpr std::size_t kReliabilityBins = 10;

// The samples whose confidence falls in [low, high) (the last bin also holds
// 1.0). Mean and observed are undefined for an empty bin.
struct ReliabilityBin {
  double low = 0;
  double high = 0;
  std::size_t count = 0;
  std::size_t positives = 0;
  std::optional<double> mean_confidence;
  std::optional<double> observed;  // positives / count
};

// Which bin holds `confidence`. As with the threshold, a confidence within
// 1e-9 under a bin edge counts as on it: the engine's sigmoid(logit(0.6))
// may come out as 0.5999999999999999 for a rule of weight 0.6 alone, which
// belongs with 0.6. Out-of-range values go to the end bins.
inline std::size_t reliability_bin_of(double confidence) {
  constexpr double kTolerance = 1e-9;
  const double scaled = std::floor((confidence + kTolerance) * kReliabilityBins);
  if (!(scaled > 0)) return 0;  // negative, or NaN
  return std::min(static_cast<std::size_t>(scaled), kReliabilityBins - 1);
}

// How well confidences match outcomes, over one type or pooled.
struct Calibration {
  std::string type;  // the event type, or "all" for every type pooled
  std::size_t samples = 0;
  std::optional<double> ece;         // expected calibration error
  std::optional<double> brier;       // mean of (confidence - outcome)^2
  std::vector<ReliabilityBin> bins;  // always kReliabilityBins, empty ones included
};

inline Calibration calibration_of(std::string type, const std::vector<CalibrationSample>& samples) {
  Calibration out;
  out.type = std::move(type);
  out.samples = samples.size();
  std::vector<double> confidence_sums(kReliabilityBins, 0.0);
  for (std::size_t k = 0; k < kReliabilityBins; ++k) {
    // Edges computed, not accumulated, so that they read 0.1, 0.2, ...
    out.bins.push_back(ReliabilityBin{static_cast<double>(k) / kReliabilityBins,
                                      static_cast<double>(k + 1) / kReliabilityBins, 0, 0,
                                      std::nullopt, std::nullopt});
  }
  double squared_error = 0;
  for (const CalibrationSample& sample : samples) {
    const std::size_t k = reliability_bin_of(sample.confidence);
    ++out.bins[k].count;
    out.bins[k].positives += sample.positive;
    confidence_sums[k] += sample.confidence;
    const double gap = sample.confidence - (sample.positive ? 1.0 : 0.0);
    squared_error += gap * gap;
  }
  if (samples.empty()) return out;
  const auto n = static_cast<double>(samples.size());
  double ece = 0;
  for (std::size_t k = 0; k < kReliabilityBins; ++k) {
    ReliabilityBin& bin = out.bins[k];
    if (bin.count == 0) continue;
    bin.mean_confidence = confidence_sums[k] / static_cast<double>(bin.count);
    bin.observed = ratio(bin.positives, bin.count);
    ece += static_cast<double>(bin.count) / n * std::abs(*bin.observed - *bin.mean_confidence);
  }
  out.ece = ece;
  out.brier = squared_error / n;
  return out;
}

// The mean of -ln(confidence) over positive samples and -ln(1 - confidence)
// over negative ones. Unlike ECE it needs no bins, and unlike Brier it
// punishes a confident mistake without limit, which is what choosing a
// model by it guards against. Confidences are held within 1e-15 of 0 and 1,
// so that a certain mistake costs about 34.5, not infinity.
inline std::optional<double> log_loss_of(const std::vector<CalibrationSample>& samples) {
  if (samples.empty()) return std::nullopt;
  constexpr double kEdge = 1e-15;
  double sum = 0;
  for (const CalibrationSample& sample : samples) {
    const double p = std::clamp(sample.confidence, kEdge, 1 - kEdge);
    sum -= std::log(sample.positive ? p : 1 - p);
  }
  return sum / static_cast<double>(samples.size());
}

}  // namespace demarche::cli
