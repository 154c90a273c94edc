#include "score/scorer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

namespace demarche::score {
namespace {

std::vector<EventTypeInfo> two_types() {
  return {EventTypeInfo{"expulsion", 0.05, ""}, EventTypeInfo{"sanction", 0.1, ""}};
}

Candidate make(std::size_t type, const std::string& rule, double weight, Span span,
               std::string group = "") {
  Candidate c;
  c.type_index = type;
  c.group = std::move(group);
  c.evidence.rule_id = rule;
  c.evidence.weight = weight;
  c.evidence.spans = {span};
  return c;
}

TEST(Scorer, LogitAndSigmoidAreInverse) {
  for (double p : {0.01, 0.2, 0.5, 0.77, 0.99}) EXPECT_NEAR(sigmoid(logit(p)), p, 1e-12);
  EXPECT_DOUBLE_EQ(logit(0.5), 0.0);
}

TEST(Scorer, LoneRuleYieldsExactlyItsWeight) {
  const Scorer scorer(two_types());
  const auto events = scorer.combine({make(0, "a.x", 0.83, {0, 5})});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_NEAR(events[0].confidence, 0.83, 1e-12);
  EXPECT_NEAR(events[0].evidence[0].contribution, logit(0.83) - logit(0.05), 1e-12);
  EXPECT_EQ(events[0].type, "expulsion");
}

TEST(Scorer, IndependentEvidenceAddsInLogOdds) {
  const Scorer scorer(two_types());
  const auto events = scorer.combine({make(0, "a.x", 0.8, {0, 5}), make(0, "a.y", 0.7, {10, 15})});
  ASSERT_EQ(events.size(), 1u);
  const double expected =
      sigmoid(logit(0.05) + (logit(0.8) - logit(0.05)) + (logit(0.7) - logit(0.05)));
  EXPECT_NEAR(events[0].confidence, expected, 1e-12);
  EXPECT_GT(events[0].confidence, 0.8);
}

// How the writers print a confidence: three decimals (text, TSV, explain,
// eval's text and HTML reports) and rounded to six (JSONL, eval's JSON).
std::string printed(double confidence, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, confidence);
  return buffer;
}

TEST(Scorer, ConfidenceIsBoundedAwayFromZeroAndOneInEveryFormat) {
  const Scorer scorer(two_types());
  // Five strong rules on different words, for and against.
  std::vector<Candidate> many_for;
  std::vector<Candidate> many_against;
  for (std::size_t i = 0; i < 5; ++i) {
    const Span span{i * 10, i * 10 + 5};
    many_for.push_back(make(0, "a.for" + std::to_string(i), 0.995, span));
    many_against.push_back(make(1, "b.against" + std::to_string(i), 0.0005, span));
  }
  const auto high = scorer.combine(many_for);
  const auto low = scorer.combine(many_against);
  ASSERT_EQ(high.size(), 1u);
  ASSERT_EQ(low.size(), 1u);
  // The sum is kept, so that explain's terms add up; only the confidence stops.
  EXPECT_GT(high[0].log_odds, 20.0);
  EXPECT_LT(low[0].log_odds, -20.0);
  EXPECT_NEAR(high[0].confidence, kMaxConfidence, 1e-12);
  EXPECT_NEAR(low[0].confidence, kMinConfidence, 1e-12);
  for (int decimals : {3, 6}) {
    EXPECT_EQ(printed(high[0].confidence, decimals), printed(0.999, decimals));
    EXPECT_EQ(printed(low[0].confidence, decimals), printed(0.001, decimals));
  }
  EXPECT_LT(std::round(high[0].confidence * 1e6) / 1e6, 1.0);
  EXPECT_GT(std::round(low[0].confidence * 1e6) / 1e6, 0.0);
  // Within the bounds nothing changes.
  EXPECT_NEAR(bounded_confidence(logit(0.99)), 0.99, 1e-12);
  EXPECT_NEAR(max_log_odds(), std::log(999.0), 1e-12);
}

TEST(Scorer, OverlappingRulesCountOnceTheStrongest) {
  const Scorer scorer(two_types());
  const auto events =
      scorer.combine({make(0, "a.weak", 0.6, {3, 9}), make(0, "a.strong", 0.9, {0, 5})});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_NEAR(events[0].confidence, 0.9, 1e-12);
  ASSERT_EQ(events[0].evidence.size(), 2u);
  EXPECT_EQ(events[0].evidence[0].rule_id, "a.strong");
  EXPECT_TRUE(events[0].evidence[0].counted);
  EXPECT_FALSE(events[0].evidence[1].counted);
  EXPECT_NE(events[0].evidence[1].note.find("a.strong"), std::string::npos);
}

TEST(Scorer, GroupMembersCountOnceEvenWithoutOverlap) {
  const Scorer scorer(two_types());
  const auto events = scorer.combine(
      {make(0, "a.one", 0.7, {0, 5}, "verbs"), make(0, "a.two", 0.8, {20, 25}, "verbs")});
  EXPECT_NEAR(events[0].confidence, 0.8, 1e-12);
}

TEST(Scorer, WeightBelowPriorCountsAgainstAndOverlapsPositive) {
  const Scorer scorer(two_types());
  // A negative cue over the same words still counts: it points the other way.
  const auto events =
      scorer.combine({make(0, "a.pos", 0.9, {0, 10}), make(0, "a.neg", 0.001, {0, 4})});
  const double expected = sigmoid(logit(0.9) + logit(0.001) - logit(0.05));
  EXPECT_NEAR(events[0].confidence, expected, 1e-12);
  EXPECT_LT(events[0].confidence, 0.5);
  EXPECT_LT(events[0].evidence[1].contribution, 0);
}

TEST(Scorer, TypesAreScoredSeparatelyAndSortedByConfidence) {
  const Scorer scorer(two_types());
  const auto events = scorer.combine({make(0, "a.x", 0.6, {0, 5}), make(1, "s.x", 0.95, {0, 5})});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type, "sanction");
  EXPECT_NEAR(events[0].confidence, 0.95, 1e-12);
  EXPECT_NEAR(events[1].confidence, 0.6, 1e-12);
}

}  // namespace
}  // namespace demarche::score
