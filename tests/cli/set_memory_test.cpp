// --set-memory MIB: the memory budget of the combined pattern set. With the
// RE2 this is built against, a budget that is too small is always caught
// when the rules are loaded (E017, exit 2), never later as a silent miss:
// once the set has compiled, RE2::Set resets its DFA cache rather than fail
// on a sentence. These tests pin the load-time path.
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace demarche_cli_test {
namespace {

// Needs more than 4 MiB; loads with the default of 512.
std::string big_set() {
  return fixture("big_set");
}

constexpr const char* kSentence = "They flew to Kazakhstan on Monday.";

RunOptions with_input(const std::string& input) {
  RunOptions options;
  options.input = input;
  return options;
}

TEST(SetMemory, TheDefaultBudgetLoadsTheRules) {
  const RunResult r =
      run({"classify", "--rules", big_set()}, with_input(std::string(kSentence) + "\n"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(event_types(records[0]), std::vector<std::string>{"place"});
  EXPECT_FALSE(records[0].contains("error"));
}

TEST(SetMemory, ATooSmallBudgetFailsToLoadWithE017) {
  const RunResult r = run({"classify", "--rules", big_set(), "--set-memory", "1"},
                          with_input(std::string(kSentence) + "\n"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");  // nothing is classified: no record could be read as "no match"
  EXPECT_TRUE(contains(r.err, "error[E017]")) << r.err;
  EXPECT_TRUE(contains(r.err, "(1 MiB)")) << r.err;
  EXPECT_TRUE(contains(r.err, "the rules did not load")) << r.err;
}

TEST(SetMemory, ARaisedBudgetLoadsTheRules) {
  const RunResult r = run({"classify", "--rules", big_set(), "--set-memory", "64"},
                          with_input(std::string(kSentence) + "\n"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(event_types(parse_jsonl(r.out).at(0)), std::vector<std::string>{"place"});
}

TEST(SetMemory, EveryCommandThatLoadsRulesTakesIt) {
  for (const std::vector<std::string>& command : std::vector<std::vector<std::string>>{
           {"explain", kSentence}, {"rules", "test"}, {"rules", "list"}, {"rules", "check"}}) {
    std::vector<std::string> small = command;
    small.insert(small.end(), {"--rules", big_set(), "--set-memory", "1"});
    const RunResult failed = run(small);
    EXPECT_EQ(failed.exit_code, 2) << command[0] << ' ' << command[1];
    EXPECT_TRUE(contains(failed.err, "E017")) << failed.err;

    std::vector<std::string> enough = command;
    enough.insert(enough.end(), {"--rules", big_set(), "--set-memory", "512"});
    const RunResult ok = run(enough);
    EXPECT_EQ(ok.exit_code, 0) << command[0] << ' ' << command[1] << ": " << ok.err;
  }
}

TEST(SetMemory, RulesCheckReportsE017AsJson) {
  const RunResult r =
      run({"rules", "check", "--rules", big_set(), "--set-memory", "1", "--format", "json"});
  EXPECT_EQ(r.exit_code, 2);
  const Json diagnostics = Json::parse(r.out);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0]["severity"], "error");
  EXPECT_EQ(diagnostics[0]["code"], "E017");
}

TEST(SetMemory, BadValuesAreUsageErrors) {
  for (const std::string bad : {"0", "abc", "1.5", "1048577"}) {
    const RunResult r = run({"classify", "--rules", toy_rules(), "--set-memory", bad},
                            with_input("hello friend\n"));
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_EQ(r.out, "") << bad;
    EXPECT_TRUE(contains(r.err, "--set-memory")) << r.err;
    EXPECT_TRUE(contains(r.err, "demarche classify --help")) << r.err;
  }
}

}  // namespace
}  // namespace demarche_cli_test
