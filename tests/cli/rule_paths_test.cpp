// Where the rules come from: --rules, else DEMARCHE_RULES, else the rules
// shipped beside the binary.
#include <gtest/gtest.h>

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
