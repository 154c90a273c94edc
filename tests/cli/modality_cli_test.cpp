// The shipped modality plugin as the command line runs it: loaded by default
// from the binary's plugin folder, it lowers a threatened event below an
// asserted one and says why. The rules are written here (no `unless:`
// patterns), so that the rules fire on both sentences and only the plugin
// tells them apart.
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace demarche_cli_test {
namespace {

constexpr const char* kRules = R"(event expulsion
  prior: 0.03
  description: A state makes foreign officials leave.

rule expulsion.cli.expel
  type: expulsion
  weight: 0.93
  description: expel and a target
  match: expel(?:s|led|ling)? ~6 (?:diplomats?|envoys?)
)";

constexpr const char* kThreatened = "Valdoria threatened to expel two Syldavian diplomats.";
constexpr const char* kExpelled = "Valdoria expelled two Syldavian diplomats.";

const Json& expulsion(const Json& record) {
  return record.at("events").at(0);
}

TEST(ModalityCli, DefaultPluginsLowerAThreatBelowTheAssertedEvent) {
  TempDir dir;
  const std::string rules = dir.write("expel.rules", kRules);
  RunOptions options;
  options.input = std::string(kThreatened) + "\n" + kExpelled + "\n";
  // No --plugins, --plugin or DEMARCHE_PLUGINS: the shipped plugins load.
  const RunResult r = run({"classify", "--rules", rules, "--threshold", "0", "--explain"}, options);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 2u);
  const Json& threatened = expulsion(records[0]);
  const Json& expelled = expulsion(records[1]);
  EXPECT_LT(threatened.at("confidence").get<double>(), 0.5);
  EXPECT_LT(threatened.at("confidence").get<double>(), expelled.at("confidence").get<double>());
  EXPECT_GE(expelled.at("confidence").get<double>(), 0.5);
  EXPECT_EQ(threatened.at("attributes").at("modality"), "threatened");
  EXPECT_FALSE(expelled.at("attributes").contains("modality"));
  bool explained = false;
  for (const Json& evidence : threatened.at("evidence")) {
    if (evidence.at("rule") == "plugin:modality") {
      explained = true;
      EXPECT_EQ(evidence.at("plugin_note"), "threatened: 'threatened to'");
      EXPECT_EQ(evidence.at("matched"), Json::array({"threatened to"}));
    }
  }
  EXPECT_TRUE(explained);
}

TEST(ModalityCli, WithoutPluginsBothSentencesReportTheEvent) {
  TempDir dir;
  const std::string rules = dir.write("expel.rules", kRules);
  RunOptions options;
  options.input = std::string(kThreatened) + "\n" + kExpelled + "\n";
  const RunResult r = run({"classify", "--rules", rules, "--no-plugins"}, options);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(event_types(records[0]), std::vector<std::string>({"expulsion"}));
  EXPECT_EQ(event_types(records[1]), std::vector<std::string>({"expulsion"}));
}

// A "sentence" of more than 64 KiB (text with no sentence break) is left
// alone, as the actors plugin leaves it: its clauses would cost about 25
// bytes per byte to read. One just under the cap is still read.
TEST(ModalityCli, ASentenceOver64KiBIsNotRead) {
  TempDir dir;
  const std::string rules = dir.write("expel.rules", kRules);
  std::string padding;
  while (padding.size() < 64 * 1024) padding += " and the talks went on";
  RunOptions options;
  const std::string threat = "Valdoria threatened to expel two Syldavian diplomats";
  options.input = threat + padding + ".\n" + threat + padding.substr(0, 60000) + ".\n";
  const RunResult r = run({"classify", "--rules", rules, "--threshold", "0"}, options);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_FALSE(expulsion(records[0]).at("attributes").contains("modality"));
  EXPECT_EQ(expulsion(records[1]).at("attributes").at("modality"), "threatened");
}

TEST(ModalityCli, PluginsListShowsTheShippedModalityPlugin) {
  // The exit status is not checked: another shipped plugin being refused
  // would make it 1, and that is not this plugin's business.
  const RunResult r = run({"plugins", "list"});
  bool found = false;
  for (const std::string& line : split_lines(r.out)) {
    if (line.rfind("modality ", 0) == 0) {
      found = true;
      EXPECT_TRUE(contains(line, "loaded")) << line;
    }
  }
  EXPECT_TRUE(found) << r.out;
}

}  // namespace
}  // namespace demarche_cli_test
