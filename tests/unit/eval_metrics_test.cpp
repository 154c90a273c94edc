// The arithmetic of `demarche eval` (cmd/metrics.hpp). The header is
// self-contained on purpose, so this suite (which links the engine, not the
// command line) includes it by its path.
#include <gtest/gtest.h>

#include "../../cmd/metrics.hpp"

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

}  // namespace
}  // namespace demarche::cli
