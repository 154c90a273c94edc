// `demarche rules check|test|list`.
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace demarche_cli_test {
namespace {

RunResult rules(const std::string& command, const std::string& path,
                std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"rules", command, "--rules", path};
  args.insert(args.end(), extra.begin(), extra.end());
  return run(args);
}

TEST(RulesCheck, CleanRulesPrintASummary) {
  const RunResult r = rules("check", toy_rules(), {"--fail-on-warnings"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "ok: 3 rules, 2 event types, 0 warnings\n");
  EXPECT_EQ(r.err, "");
}

TEST(RulesCheck, WarningsArePrintedButPassUnlessAskedToFail) {
  const RunResult r = rules("check", fixture("warn"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(contains(r.err, "warn.rules:6:")) << r.err;
  EXPECT_TRUE(contains(r.err, "warning[W103]")) << r.err;
  EXPECT_TRUE(contains(r.out, "1 rule, 1 event type, 2 warnings")) << r.out;

  const RunResult strict = rules("check", fixture("warn"), {"--fail-on-warnings"});
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_TRUE(contains(strict.err, "warning[W103]")) << strict.err;
  EXPECT_TRUE(contains(strict.err, "failed")) << strict.err;
}

TEST(RulesCheck, ErrorsExitTwoWithPosition) {
  const RunResult r = rules("check", fixture("broken"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "broken.rules:9:10: error[E008]")) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(RulesCheck, JsonListsEveryDiagnosticOnStandardOutput) {
  const RunResult r = rules("check", fixture("warn"), {"--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const Json diagnostics = Json::parse(r.out);
  ASSERT_TRUE(diagnostics.is_array());
  ASSERT_EQ(diagnostics.size(), 2u);
  for (const Json& d : diagnostics) {
    EXPECT_EQ(d["severity"], "warning");
    EXPECT_EQ(d["line"], 6);
    EXPECT_TRUE(d["column"].is_number());
    EXPECT_TRUE(contains(d["file"], "warn.rules"));
    EXPECT_FALSE(d["message"].get<std::string>().empty());
  }
  EXPECT_EQ(diagnostics[0]["code"], "W103");

  const RunResult broken = rules("check", fixture("broken"), {"--format", "json"});
  EXPECT_EQ(broken.exit_code, 2);
  const Json errors = Json::parse(broken.out);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]["severity"], "error");
  EXPECT_EQ(errors[0]["code"], "E008");
  EXPECT_EQ(errors[0]["line"], 9);
  EXPECT_EQ(errors[0]["column"], 10);

  const RunResult clean = rules("check", toy_rules(), {"--format", "json"});
  EXPECT_EQ(clean.exit_code, 0);
  EXPECT_EQ(Json::parse(clean.out), Json::array());
}

TEST(RulesCheck, BadFormatIsAUsageError) {
  const RunResult r = rules("check", toy_rules(), {"--format", "yaml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "demarche rules check --help")) << r.err;
}

TEST(RulesTest, PassingExamples) {
  const RunResult r = rules("test", toy_rules());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "5 examples, 0 failed\n");
}

TEST(RulesTest, FailingExampleNamesFileAndLine) {
  const RunResult r = rules("test", fixture("failing_example"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.out, "failing.rules:11: rule greeting.words.salute: ")) << r.out;
  EXPECT_TRUE(contains(r.out, "The soldier bowed to the general.")) << r.out;
  EXPECT_TRUE(contains(r.out, "2 examples, 1 failed")) << r.out;
}

TEST(RulesTest, RulesThatDoNotLoadExitTwo) {
  const RunResult r = rules("test", fixture("broken"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "error[E008]")) << r.err;
}

TEST(RulesList, TextShowsIdTypeWeightPlaceAndDescription) {
  const RunResult r = rules("list", toy_rules());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 4u);  // header and three rules
  bool found = false;
  for (const std::string& line : lines) {
    if (!contains(line, "greeting.words.hello")) continue;
    found = true;
    EXPECT_TRUE(contains(line, "greeting ")) << line;
    EXPECT_TRUE(contains(line, "0.900")) << line;
    EXPECT_TRUE(contains(line, "greeting.rules:10")) << line;
    EXPECT_TRUE(contains(line, "A greeting word aimed at a friend.")) << line;
  }
  EXPECT_TRUE(found) << r.out;
}

TEST(RulesList, Json) {
  const RunResult r = rules("list", toy_rules(), {"--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const Json list = Json::parse(r.out);
  ASSERT_EQ(list.size(), 3u);
  for (const Json& rule : list) {
    if (rule["id"] != "greeting.words.wave") continue;
    EXPECT_EQ(rule["type"], "greeting");
    EXPECT_NEAR(rule["weight"].get<double>(), 0.6, 1e-9);
    EXPECT_EQ(rule["line"], 19);
    EXPECT_TRUE(contains(rule["file"], "greeting.rules"));
    EXPECT_EQ(rule["description"], "Waving is a weak sign of a greeting.");
    EXPECT_EQ(rule["examples"], 1);
  }
}

TEST(Rules, UnknownOrMissingSubcommandIsAUsageError) {
  const RunResult unknown = run({"rules", "frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(contains(unknown.err, "--help")) << unknown.err;
  const RunResult missing = run({"rules"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.err, "check")) << missing.err;
}

}  // namespace
}  // namespace demarche_cli_test
