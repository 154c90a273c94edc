// --rule GLOB and --type NAME: classify, explain, eval, rules test and rules
// stats run and measure only the selected rules (docs/cli.md, "Selecting
// rules").
#include <gtest/gtest.h>

#include "cli_support.hpp"
#include "eval_support.hpp"

namespace demarche_cli_test {
namespace {

// Sentences written for the toy rules in tests/fixtures/cli/rules.
constexpr const char* kBoth = "Dora said hello to her friend and said goodbye.";

RunResult with_rules(std::vector<std::string> args, const std::string& input = "") {
  // After the command's words: "classify", or "rules test".
  const std::ptrdiff_t words = args.front() == "rules" ? 2 : 1;
  args.insert(args.begin() + words, {"--rules", toy_rules()});
  RunOptions options;
  options.input = input;
  return run(args, options);
}

std::vector<std::string> types_of(const RunResult& r) {
  const std::vector<Json> records = parse_jsonl(r.out);
  return records.size() == 1 ? event_types(records[0]) : std::vector<std::string>{};
}

using Types = std::vector<std::string>;

TEST(Selection, ClassifyReportsOnlyTheSelectedRulesEvents) {
  const std::string input = std::string(kBoth) + "\n";
  EXPECT_EQ(types_of(with_rules({"classify"}, input)), (Types{"greeting", "farewell"}));
  EXPECT_EQ(types_of(with_rules({"classify", "--type", "farewell"}, input)), Types{"farewell"});
  EXPECT_EQ(types_of(with_rules({"classify", "--rule", "greeting.*"}, input)), Types{"greeting"});
  EXPECT_EQ(types_of(with_rules({"classify", "--rule", "greeting.words.wave"}, input)), Types{});
  // Both: the rules that satisfy both.
  EXPECT_EQ(types_of(with_rules({"classify", "--type", "greeting", "--rule", "*.goodbye"}, input)),
            Types{});
}

TEST(Selection, UnknownTypesAndPatternsThatMatchNothingAreUsageErrors) {
  const RunResult type = with_rules({"classify", "--type", "protest"});
  EXPECT_EQ(type.exit_code, 2);
  EXPECT_TRUE(contains(type.err,
                       "--type 'protest' is no event type of these rules (they have "
                       "greeting, farewell)"))
      << type.err;
  const RunResult rule = with_rules({"rules", "test", "--rule", "nothing.*"});
  EXPECT_EQ(rule.exit_code, 2);
  EXPECT_TRUE(contains(rule.err, "--rule 'nothing.*' matches no rule")) << rule.err;
}

TEST(Selection, EvalMeasuresOnlyTheSelectedTypes) {
  const RunResult r =
      with_rules({"eval", "--gold", gold_fixture("basic.tsv"), "--type", "farewell"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "(mean of 1 type)")) << r.out;
  EXPECT_TRUE(contains(r.out, "rules: 1;")) << r.out;
  EXPECT_FALSE(contains(r.out, "\ngreeting ")) << r.out;
  // A label of a type left out is not "unknown".
  EXPECT_FALSE(contains(r.err, "unknown")) << r.err;
}

TEST(Selection, RulesTestAndStatsAndExplainLookAtTheSelectedRulesOnly) {
  const RunResult test = with_rules({"rules", "test", "--rule", "greeting.words.hello"});
  EXPECT_EQ(test.exit_code, 0) << test.out;
  EXPECT_TRUE(contains(test.out, "2 examples, 0 failed")) << test.out;
  const RunResult stats =
      with_rules({"rules", "stats", "--gold", gold_fixture("basic.tsv"), "--type", "farewell"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_TRUE(contains(stats.out, "farewell.words.goodbye")) << stats.out;
  EXPECT_FALSE(contains(stats.out, "greeting.words")) << stats.out;
  const RunResult explain = with_rules({"explain", "--type", "farewell", kBoth});
  ASSERT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_TRUE(contains(explain.out, "farewell.words.goodbye")) << explain.out;
  EXPECT_FALSE(contains(explain.out, "greeting.words.hello")) << explain.out;
}

}  // namespace
}  // namespace demarche_cli_test
