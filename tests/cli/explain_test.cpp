// `demarche explain`: the rules that fired and the arithmetic behind a confidence.
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace demarche_cli_test {
namespace {

RunResult explain(std::vector<std::string> args, RunOptions options = {}) {
  args.insert(args.begin(), {"explain", "--rules", toy_rules()});
  return run(args, options);
}

TEST(Explain, NamesTheRuleTheWordsAndTheArithmetic) {
  const RunResult r = explain({"Anna", "said", "hello", "to", "her", "friend."});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(contains(r.out, "Anna said hello to her friend.")) << r.out;
  EXPECT_TRUE(contains(r.out, "greeting.words.hello")) << r.out;
  EXPECT_TRUE(contains(r.out, "\"hello\"")) << r.out;
  EXPECT_TRUE(contains(r.out, "\"friend\"")) << r.out;
  // logit(0.1) = -2.197; logit(0.9) - logit(0.1) = 4.394; sum 2.197; sigmoid = 0.9.
  EXPECT_TRUE(contains(r.out, "-2.197  logit(prior)")) << r.out;
  EXPECT_TRUE(contains(r.out, "+4.394  greeting.words.hello")) << r.out;
  EXPECT_TRUE(contains(r.out, "logit(0.900) - logit(0.100)")) << r.out;
  EXPECT_TRUE(contains(r.out, "= +2.197  log-odds")) << r.out;
  EXPECT_TRUE(contains(r.out, "sigmoid(2.197) = 0.900 >= threshold 0.500: reported")) << r.out;
}

TEST(Explain, ShowsWhenATypeDoesNotClearTheThreshold) {
  const RunResult r = explain({"--threshold", "0.7", "The child waved at the bus."});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "greeting.words.wave")) << r.out;
  EXPECT_TRUE(contains(r.out, "= 0.600 < threshold 0.700: not reported")) << r.out;
}

TEST(Explain, ShowsRulesCancelledByUnlessAndOnWhichWords) {
  const RunResult r = explain({"Tom never greeted the neighbours."});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "cancelled by unless")) << r.out;
  EXPECT_TRUE(contains(r.out, "greeting.words.hello")) << r.out;
  EXPECT_TRUE(contains(r.out, "\"never\"")) << r.out;
  EXPECT_TRUE(contains(r.out, "No event type has evidence.")) << r.out;
}

// Where nothing fired, the rules that came closest and what they lacked.
TEST(Explain, ShowsTheClosestRulesWhereNothingFired) {
  const RunResult r = explain({"Anna said hello to the whole big crowd of her friends."});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "No event type has evidence.\nClosest rules:\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "greeting.words.hello (greeting, ")) << r.out;
  EXPECT_TRUE(contains(r.out, "greeting.rules:")) << r.out;
  EXPECT_TRUE(contains(r.out, "words apart (at most ~3)")) << r.out;
  const RunResult none = explain({"The train left on time."});
  EXPECT_TRUE(contains(none.out, "No rule came near")) << none.out;
}

TEST(Explain, ReadsStandardInputWithoutWords) {
  RunOptions options;
  options.input = "Carl said goodbye at the door. The train left on time.\n";
  const RunResult r = explain({}, options);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "farewell.words.goodbye")) << r.out;
  EXPECT_TRUE(contains(r.out, "The train left on time.")) << r.out;
  EXPECT_TRUE(contains(r.out, "Rules that fired:\n  none")) << r.out;
}

TEST(Explain, BrokenRulesExitTwoAndExplainNothing) {
  const RunResult r = run({"explain", "--rules", fixture("broken"), "hello friend"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "error[E008]")) << r.err;
}

}  // namespace
}  // namespace demarche_cli_test
