// The arithmetic of `demarche eval` (eval/metrics.hpp). The header is
// self-contained on purpose, so this suite (which links the engine, not the
// command line) includes it by its path.
#include <gtest/gtest.h>

#include "../../eval/metrics.hpp"

namespace demarche::cli {
namespace {

Counts counts(std::size_t gold, std::size_t predicted, std::size_t tp) {
  Counts c;
  c.gold = gold;
  c.predicted = predicted;
  c.tp = tp;
  return c;
}

TEST(EvalMetrics, PrecisionRecallF1) {
  const Scores s = scores_of(counts(10, 8, 6));
  EXPECT_DOUBLE_EQ(*s.precision, 0.75);
  EXPECT_DOUBLE_EQ(*s.recall, 0.6);
  EXPECT_DOUBLE_EQ(*s.f1, 2 * 0.75 * 0.6 / (0.75 + 0.6));  // the harmonic mean
  EXPECT_EQ(counts(10, 8, 6).fp(), 2u);
  EXPECT_EQ(counts(10, 8, 6).fn(), 4u);
}

TEST(EvalMetrics, UndefinedWhenADenominatorIsZero) {
  const Scores nothing_predicted = scores_of(counts(4, 0, 0));
  EXPECT_FALSE(nothing_predicted.precision);
  EXPECT_DOUBLE_EQ(*nothing_predicted.recall, 0.0);
  EXPECT_DOUBLE_EQ(*nothing_predicted.f1, 0.0);
  const Scores no_gold = scores_of(counts(0, 3, 0));
  EXPECT_DOUBLE_EQ(*no_gold.precision, 0.0);
  EXPECT_FALSE(no_gold.recall);
  EXPECT_DOUBLE_EQ(*no_gold.f1, 0.0);
  const Scores neither = scores_of(counts(0, 0, 0));
  EXPECT_FALSE(neither.precision);
  EXPECT_FALSE(neither.recall);
  EXPECT_FALSE(neither.f1);
}

TEST(EvalMetrics, MacroAveragesTheTypesThatOccur) {
  // P 1, R 0.5, F1 2/3; P 0.5, R 1, F1 2/3; absent type left out; a type
  // that predicted nothing counts its undefined precision as 0.
  const MacroScores m =
      macro_of({counts(4, 2, 2), counts(2, 4, 2), counts(0, 0, 0), counts(3, 0, 0)});
  EXPECT_EQ(m.types, 3u);
  EXPECT_DOUBLE_EQ(*m.scores.precision, (1.0 + 0.5 + 0.0) / 3);
  EXPECT_DOUBLE_EQ(*m.scores.recall, (0.5 + 1.0 + 0.0) / 3);
  EXPECT_DOUBLE_EQ(*m.scores.f1, (2.0 / 3 + 2.0 / 3 + 0.0) / 3);
  const MacroScores empty = macro_of({counts(0, 0, 0)});
  EXPECT_EQ(empty.types, 0u);
  EXPECT_FALSE(empty.scores.f1);
}

TEST(EvalMetrics, WilsonIntervalKnownValues) {
  // 8 of 10: the textbook example, [0.4902, 0.9433].
  const auto eight = wilson_interval(8, 10);
  ASSERT_TRUE(eight);
  EXPECT_NEAR(eight->low, 0.490162, 1e-6);
  EXPECT_NEAR(eight->high, 0.943318, 1e-6);
  // All or nothing still gives an interval of some width.
  const auto all = wilson_interval(3, 3);
  EXPECT_NEAR(all->low, 0.438503, 1e-6);
  EXPECT_DOUBLE_EQ(all->high, 1.0);
  const auto none = wilson_interval(0, 4);
  EXPECT_DOUBLE_EQ(none->low, 0.0);
  EXPECT_NEAR(none->high, 0.489891, 1e-6);
  EXPECT_FALSE(wilson_interval(0, 0));
}

std::vector<CalibrationSample> samples(std::initializer_list<std::pair<double, bool>> pairs) {
  std::vector<CalibrationSample> out;
  for (const auto& [confidence, positive] : pairs) out.push_back({confidence, positive});
  return out;
}

TEST(EvalMetrics, BinsAreTenthsAndTheLastHoldsOne) {
  EXPECT_EQ(reliability_bin_of(0.0), 0u);
  EXPECT_EQ(reliability_bin_of(0.05), 0u);
  EXPECT_EQ(reliability_bin_of(0.1), 1u);  // a lower edge belongs to its bin
  EXPECT_EQ(reliability_bin_of(0.19), 1u);
  EXPECT_EQ(reliability_bin_of(0.5), 5u);
  EXPECT_EQ(reliability_bin_of(0.95), 9u);
  EXPECT_EQ(reliability_bin_of(1.0), 9u);  // [0.9, 1.0], not a bin of its own
  // Rounding just under an edge counts as on it, as with the threshold...
  EXPECT_EQ(reliability_bin_of(0.6 - 1e-12), 6u);
  // ...but a real difference does not.
  EXPECT_EQ(reliability_bin_of(0.599), 5u);
  // Out of range: the end bins.
  EXPECT_EQ(reliability_bin_of(-0.2), 0u);
  EXPECT_EQ(reliability_bin_of(1.5), 9u);

  const Calibration c = calibration_of("t", samples({{0.0, false}, {1.0, true}}));
  ASSERT_EQ(c.bins.size(), kReliabilityBins);
  EXPECT_EQ(c.bins[0].count, 1u);
  EXPECT_EQ(c.bins[9].count, 1u);
  EXPECT_DOUBLE_EQ(c.bins[3].low, 0.3);
  EXPECT_DOUBLE_EQ(c.bins[3].high, 0.4);
  EXPECT_DOUBLE_EQ(c.bins[9].high, 1.0);
  for (std::size_t k = 1; k < 9; ++k) EXPECT_EQ(c.bins[k].count, 0u) << k;
  EXPECT_FALSE(c.bins[4].mean_confidence);
  EXPECT_FALSE(c.bins[4].observed);
  // Right at both ends: no gap at all.
  EXPECT_DOUBLE_EQ(*c.ece, 0.0);
  EXPECT_DOUBLE_EQ(*c.brier, 0.0);
}

TEST(EvalMetrics, PerfectlyCalibratedHasNoExpectedError) {
  // 0.25 right one time in four, 0.75 three times in four.
  const Calibration c = calibration_of("t", samples({{0.25, true},
                                                     {0.25, false},
                                                     {0.25, false},
                                                     {0.25, false},
                                                     {0.75, true},
                                                     {0.75, true},
                                                     {0.75, true},
                                                     {0.75, false}}));
  EXPECT_EQ(c.type, "t");
  EXPECT_EQ(c.samples, 8u);
  EXPECT_NEAR(*c.ece, 0.0, 1e-12);
  // Calibrated is not certain: each sample still misses by 0.25 or 0.75.
  // In each bin three miss by 0.25 and one by 0.75: 3 * 0.0625 + 0.5625 =
  // 0.75, so Brier = 1.5 / 8.
  EXPECT_NEAR(*c.brier, 0.1875, 1e-12);
  EXPECT_EQ(c.bins[2].count, 4u);
  EXPECT_EQ(c.bins[2].positives, 1u);
  EXPECT_DOUBLE_EQ(*c.bins[2].mean_confidence, 0.25);
  EXPECT_DOUBLE_EQ(*c.bins[2].observed, 0.25);
  EXPECT_DOUBLE_EQ(*c.bins[7].observed, 0.75);
}

TEST(EvalMetrics, AllWrongKnownValues) {
  // Sure and wrong both ways: the worst there is.
  const Calibration worst = calibration_of("t", samples({{1.0, false}, {0.0, true}}));
  EXPECT_DOUBLE_EQ(*worst.ece, 1.0);
  EXPECT_DOUBLE_EQ(*worst.brier, 1.0);
  // 0.9 twice for a type that is absent, 0.2 once for one that is there:
  // ECE = 2/3 * |0 - 0.9| + 1/3 * |1 - 0.2| = 0.6 + 0.8/3 = 0.866667;
  // Brier = (0.81 + 0.81 + 0.64) / 3 = 0.753333.
  const Calibration c = calibration_of("t", samples({{0.9, false}, {0.9, false}, {0.2, true}}));
  EXPECT_NEAR(*c.ece, 0.6 + 0.8 / 3, 1e-12);
  EXPECT_NEAR(*c.brier, 2.26 / 3, 1e-12);
  EXPECT_DOUBLE_EQ(*c.bins[9].observed, 0.0);
  EXPECT_DOUBLE_EQ(*c.bins[2].observed, 1.0);
}

TEST(EvalMetrics, EceAveragesConfidenceWithinABin) {
  // 0.1 and 0.18 share bin 1 (mean 0.14), one of the two right:
  // ECE = |0.5 - 0.14| = 0.36, though each alone is further off.
  const Calibration c = calibration_of("t", samples({{0.1, true}, {0.18, false}}));
  EXPECT_EQ(c.bins[1].count, 2u);
  EXPECT_NEAR(*c.bins[1].mean_confidence, 0.14, 1e-12);
  EXPECT_NEAR(*c.ece, 0.36, 1e-12);
  EXPECT_NEAR(*c.brier, (0.81 + 0.0324) / 2, 1e-12);
}

TEST(EvalMetrics, NoSamplesNoCalibration) {
  const Calibration c = calibration_of("all", {});
  EXPECT_EQ(c.type, "all");
  EXPECT_EQ(c.samples, 0u);
  EXPECT_FALSE(c.ece);
  EXPECT_FALSE(c.brier);
  ASSERT_EQ(c.bins.size(), kReliabilityBins);  // the bins are there, empty
  for (const ReliabilityBin& bin : c.bins) {
    EXPECT_EQ(bin.count, 0u);
    EXPECT_FALSE(bin.mean_confidence);
  }
}

TEST(EvalMetrics, LogLossKnownValues) {
  // -(ln 0.8 + ln 0.75) / 2: a positive at 0.8, a negative at 0.25.
  const auto loss = log_loss_of(samples({{0.8, true}, {0.25, false}}));
  ASSERT_TRUE(loss);
  EXPECT_NEAR(*loss, -(std::log(0.8) + std::log(0.75)) / 2, 1e-12);
  // A certain mistake is costly but finite.
  const auto certain = log_loss_of(samples({{1.0, false}}));
  ASSERT_TRUE(certain);
  EXPECT_NEAR(*certain, -std::log(1e-15), 0.01);
  EXPECT_FALSE(log_loss_of({}));
}

}  // namespace
}  // namespace demarche::cli
