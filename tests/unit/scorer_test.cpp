#include "score/scorer.hpp"

#include <gtest/gtest.h>

#include <cmath>

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
