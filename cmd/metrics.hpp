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
//   per-type F1, not the F1 of the macro P and R.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
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

}  // namespace demarche::cli
