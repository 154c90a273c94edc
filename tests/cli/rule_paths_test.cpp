// Where the rules come from: --rules, else DEMARCHE_RULES, else the rules
// shipped beside the binary.
#include <gtest/gtest.h>

#include <algorithm>

#include "cli_support.hpp"

namespace demarche_cli_test {
namespace {

constexpr const char* kBoth = "Anna said hello to her friend. Maria left the house early.";

// The event types `classify --input text` finds in kBoth with the given
// rules arguments and environment.
std::vector<std::string> types_found(std::vector<std::string> rule_args, RunOptions options) {
  std::vector<std::string> args = {"classify", "--input", "text", "--threshold", "0"};
  args.insert(args.end(), rule_args.begin(), rule_args.end());
  options.input = kBoth;
  const RunResult r = run(args, options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> types;
  for (const Json& record : parse_jsonl(r.out)) {
    for (const std::string& type : event_types(record)) types.push_back(type);
  }
  return types;
}

using Types = std::vector<std::string>;

TEST(RulePaths, FlagWinsOverEnvironment) {
  RunOptions options;
  options.rules_env = fixture("other");
  EXPECT_EQ(types_found({"--rules", toy_rules()}, options), Types{"greeting"});
}

TEST(RulePaths, EnvironmentIsUsedWithoutFlag) {
  RunOptions options;
  options.rules_env = fixture("other");
  EXPECT_EQ(types_found({}, options), Types{"departure"});
}

TEST(RulePaths, EnvironmentHoldsSeveralPathsSeparatedByColons) {
  RunOptions options;
  options.rules_env = toy_rules() + ":" + fixture("other/other.rules");
  EXPECT_EQ(types_found({}, options), (Types{"greeting", "departure"}));
}

TEST(RulePaths, FlagIsRepeatableAndTakesFiles) {
  EXPECT_EQ(types_found({"--rules", fixture("other/other.rules"), "-r", toy_rules()}, {}),
            (Types{"greeting", "departure"}));
}

// "+PATH" adds to the rules that would be used without it.
TEST(RulePaths, APlusPathAddsToTheRulesInsteadOfReplacingThem) {
  RunOptions options;
  options.rules_env = toy_rules();
  const std::string other = "+" + fixture("other/other.rules");
  EXPECT_EQ(types_found({"--rules", other}, options), (Types{"greeting", "departure"}));
  EXPECT_EQ(types_found({"--rules", toy_rules(), "--rules", other}, {}),
            (Types{"greeting", "departure"}));
  options.rules_env = toy_rules() + ":" + other;
  EXPECT_EQ(types_found({}, options), (Types{"greeting", "departure"}));
  // Beside the shipped rules (none of which fires on kBoth).
  RunOptions shipped;
  shipped.input = "France expelled two Russian diplomats. Maria left the house early.";
  const RunResult r = run({"classify", "--input", "text", "--rules", other}, shipped);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Types types;
  for (const Json& record : parse_jsonl(r.out)) {
    for (const std::string& type : event_types(record)) types.push_back(type);
  }
  EXPECT_EQ(types, (Types{"expulsion", "departure"}));
  const RunResult missing = run({"classify", "--rules", "+" + fixture("no-such.rules")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.err, "no-such.rules' (from --rules +) does not exist"))
      << missing.err;
}

// An author's own file elsewhere uses the shipped definitions by naming
// them "demarche:NAME"; loaded beside the shipped rules, the file imported
// and the file found in the folder are one file, not duplicates.
TEST(RulePaths, ImportsCanNameTheShippedRules) {
  TempDir dir;
  const std::string mine =
      dir.write("protest.rules",
                "import \"demarche:common.rules\"\n"
                "event protest\n"
                "  prior: 0.03\n"
                "  description: A state lodges a formal protest.\n"
                "rule protest.note\n"
                "  type: protest\n"
                "  weight: 0.85\n"
                "  description: A note of protest handed over by a state.\n"
                "  source: state official\n"
                "  match: lodged ~3 protest\n"
                "  example: Peru [[lodged a formal protest]] with the embassy.\n");
  const RunResult alone = run({"rules", "check", "--rules", mine});
  EXPECT_EQ(alone.exit_code, 0) << alone.err;
  const RunResult beside = run({"rules", "test", "--rules", "+" + mine});
  EXPECT_EQ(beside.exit_code, 0) << beside.err;
  EXPECT_FALSE(contains(beside.err, "E014")) << beside.err;
  const std::string broken = dir.write("broken.rules", "import \"demarche:no-such.rules\"\n");
  const RunResult e013 = run({"rules", "check", "--rules", broken});
  EXPECT_EQ(e013.exit_code, 2);
  EXPECT_TRUE(contains(e013.err, "E013")) << e013.err;
  EXPECT_TRUE(contains(e013.err, "demarche:no-such.rules")) << e013.err;
}

// The README's tour: docs/examples/protest.rules beside the shipped rules.
TEST(RulePaths, TheReadmesOwnRulesExampleWorksBesideTheShippedRules) {
  const std::string mine = "+" + std::string(DEMARCHE_SOURCE_DIR) + "/docs/examples/protest.rules";
  const RunResult check = run({"rules", "check", "--rules", mine});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_TRUE(contains(check.out, "5 event types, 0 warnings")) << check.out;
  const RunResult test = run({"rules", "test", "--rules", mine});
  EXPECT_EQ(test.exit_code, 0) << test.out << test.err;
  RunOptions input;
  input.input = "Peru lodged a formal protest with the Chilean embassy.\n";
  const RunResult r = run({"classify", "--rules", mine}, input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 1u);
  const std::vector<std::string> types = event_types(records[0]);
  EXPECT_NE(std::find(types.begin(), types.end(), "protest"), types.end()) << r.out;
  EXPECT_TRUE(contains(r.err, "authored weights for protest (not fitted)")) << r.err;
}

TEST(RulePaths, MissingPathIsARuleError) {
  const RunResult r = run({"classify", "--rules", fixture("no-such-folder")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "no-such-folder")) << r.err;
}

// A copy of the binary in <tmp>/bin with or without <tmp>/share/demarche/rules,
// as `cmake --install` lays it out.
class InstalledLayout : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(dir_.path() / "bin");
    binary_ = (dir_.path() / "bin" / "demarche").string();
    fs::copy_file(DEMARCHE_BINARY, binary_);
  }

  void install_rules() {
    const fs::path rules = dir_.path() / "share" / "demarche" / "rules";
    fs::create_directories(rules);
    fs::copy(fixture("other"), rules, fs::copy_options::recursive);
  }

  TempDir dir_;
  std::string binary_;
};

TEST_F(InstalledLayout, FindsTheShippedRulesRelativeToTheBinary) {
  install_rules();
  RunOptions options;
  options.binary = binary_;
  EXPECT_EQ(types_found({}, options), Types{"departure"});
}

TEST_F(InstalledLayout, SaysSoWhenNoRulesAreFound) {
  RunOptions options;
  options.binary = binary_;
  options.input = "hello\n";
  const RunResult r = run({"classify"}, options);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "no rules found")) << r.err;
  EXPECT_TRUE(contains(r.err, "DEMARCHE_RULES")) << r.err;
}

}  // namespace
}  // namespace demarche_cli_test
