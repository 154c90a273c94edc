// Plugins from the command line: where they come from, what classify and
// explain do with them, their faults, and `demarche plugins list`. The
// fixture plugins are built from tests/fixtures/plugins/ and copied into a
// private folder with safe permissions by each test.
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace demarche_cli_test {
namespace {

class Plugins : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::permissions(folder_.path(), fs::perms::owner_all | fs::perms::group_read |
                                        fs::perms::group_exec | fs::perms::others_read |
                                        fs::perms::others_exec);
  }

  // Copies fixture `name`.so into the folder, as `as` when given.
  std::string add(const std::string& name, std::string as = {}) const {
    if (as.empty()) as = name + ".so";
    const fs::path to = folder_.path() / as;
    fs::copy_file(fs::path(DEMARCHE_FIXTURE_PLUGINS) / (name + ".so"), to);
    fs::permissions(to, fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
    return to.string();
  }

  std::string folder() const { return folder_.path().string(); }

  RunResult classify(const std::string& input, std::vector<std::string> args,
                     RunOptions options = {}) const {
    args.insert(args.begin(), {"classify", "--rules", toy_rules()});
    options.input = input;
    return run(args, options);
  }

  TempDir folder_;
};

RunOptions with_plugins_env(const std::string& value) {
  RunOptions options;
  options.plugins_env = value;
  return options;
}

TEST_F(Plugins, PluginEvidenceAndAttributesReachJsonl) {
  add("good");
  const RunResult r = classify("They wave.\n", {"--plugins", folder(), "--explain"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 1u);
  const Json& event = records[0].at("events").at(0);
  EXPECT_EQ(event.at("type"), "greeting");
  EXPECT_EQ(event.at("confidence"), 0.8);
  EXPECT_EQ(event.at("attributes"), Json({{"gesture", "wave"}}));
  const Json& evidence = event.at("evidence").at(0);
  EXPECT_EQ(evidence.at("rule"), "plugin:wave");
  EXPECT_EQ(evidence.at("matched"), Json::array({"wave"}));
  EXPECT_EQ(evidence.at("plugin_note"), "a wave of the hand");
}

TEST_F(Plugins, NoPluginsRunsTheRulesAlone) {
  add("good");
  const RunResult r = classify("They wave.\n", {"--no-plugins"}, with_plugins_env(folder()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(parse_jsonl(r.out).at(0).at("events").empty());
}

TEST_F(Plugins, EnvironmentNamesPluginsWhenNoFlagDoes) {
  const std::string path = add("good");
  const RunResult r = classify("They wave.\n", {}, with_plugins_env(path));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(parse_jsonl(r.out).at(0).at("events").at(0).at("type"), "greeting");
}

// A path the user named that is not there is a mistake in the command, as a
// missing --rules path is: exit 2 before any input is read, with the path
// and where it came from.
TEST_F(Plugins, AMissingNamedPluginPathIsAnError) {
  const std::string path = add("good");
  const RunResult file = classify("They wave.\n", {"--plugin", "/nonexistent/p.so"});
  EXPECT_EQ(file.exit_code, 2);
  EXPECT_TRUE(contains(file.err, "'/nonexistent/p.so' (from --plugin) does not exist")) << file.err;
  EXPECT_TRUE(file.out.empty()) << file.out;
  const RunResult folder = classify("They wave.\n", {"--plugins", "/nonexistent"});
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_TRUE(contains(folder.err, "'/nonexistent' (from --plugins) does not exist")) << folder.err;
  const RunResult env = classify("They wave.\n", {}, with_plugins_env("/nonexistent:" + path));
  EXPECT_EQ(env.exit_code, 2);
  EXPECT_TRUE(contains(env.err, "'/nonexistent' (from DEMARCHE_PLUGINS) does not exist"))
      << env.err;
}

TEST_F(Plugins, TsvHasAnAttributesColumn) {
  add("good");
  const RunResult r =
      classify("Hello friend, they wave.\n", {"--plugins", folder(), "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> rows = split_lines(r.out);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(split(rows[1], '\t').at(6), "gesture=wave");
}

TEST_F(Plugins, AThrowingPluginIsReportedOnceAndTheRunGoesOn) {
  add("good");
  add("thrower");
  const std::string input = "boom, they wave.\nHello friend.\nboom again.\n";
  const RunResult r = classify(input, {"--plugins", folder()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 3u);  // no sentence lost
  EXPECT_EQ(records[0].at("events").at(0).at("confidence"), 0.8);
  EXPECT_TRUE(contains(r.err, "plugin thrower failed on record 1: threw: boom at offset 0"))
      << r.err;
  EXPECT_FALSE(contains(r.err, "record 3")) << r.err;  // the first fault only
  EXPECT_TRUE(contains(r.err, "2 plugin faults")) << r.err;

  const RunResult strict = classify(input, {"--plugins", folder(), "--strict-plugins"});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(strict.out, r.out);
}

TEST_F(Plugins, RefusedPluginsAreReportedAndStrictFails) {
  add("good");
  add("api_major");
  const RunResult r = classify("They wave.\n", {"--plugins", folder()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "api_major.so refused: built for plugin API 2.0")) << r.err;
  const RunResult strict = classify("They wave.\n", {"--plugins", folder(), "--strict-plugins"});
  EXPECT_EQ(strict.exit_code, 1);
}

TEST_F(Plugins, ListShowsLoadedAndRefusedWithReasons) {
  add("good");
  add("no_descriptor");
  {
    std::ofstream text(folder_.path() / "x.so");
    text << "plain text\n";
  }
  fs::permissions(folder_.path() / "x.so", fs::perms::owner_read | fs::perms::owner_write);
  const std::string writable = add("thrower");
  fs::permissions(writable, fs::perms::group_write, fs::perm_options::add);
  const RunResult r = run({"plugins", "list", "--plugins", folder()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "wave")) << r.out;
  EXPECT_TRUE(contains(r.out, "1.2.3")) << r.out;
  EXPECT_TRUE(contains(r.out, "loaded   " + folder() + "/good.so")) << r.out;
  EXPECT_TRUE(contains(r.out, "no 'demarche_plugin_descriptor' symbol")) << r.out;
  EXPECT_TRUE(contains(r.out, "not a shared library")) << r.out;
  EXPECT_TRUE(contains(r.out, "chmod go-w '" + writable + "'")) << r.out;
}

// Issue 14, item 4: a plugin's name and version are the library's bytes;
// they reached the terminal raw (an escape sequence could clear the screen
// or retitle the window) and uncapped.
TEST_F(Plugins, ListEscapesControlBytesAndCapsLongNames) {
  add("control_name");
  const RunResult r = run({"plugins", "list", "--plugins", folder()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x07'), std::string::npos) << r.out;
  EXPECT_TRUE(contains(r.out, "ctl\\x1b[2J\\x1b]0;owned\\x07name  ")) << r.out;
  EXPECT_TRUE(contains(r.out, std::string(160, 'x') + "...  1.0")) << r.out;
  EXPECT_FALSE(contains(r.out, std::string(161, 'x'))) << r.out;
}

TEST_F(Plugins, ExplainShowsPluginEvidenceAndAttributes) {
  add("good");
  const RunResult r =
      run({"explain", "--rules", toy_rules(), "--plugins", folder(), "They", "wave."});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "plugin:wave (greeting, weight 0.800) on \"wave\" [5,9): a wave"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "attribute gesture=wave (from plugin wave)")) << r.out;
}

// Issue 14, item 13: a factor for a plugin that is not loaded, or keyed by
// anything but PLUGIN/TYPE, is never used; say so, at its line and name.
TEST_F(Plugins, WeightsForUnknownPluginsOrWithoutATypeWarnAtTheirPlace) {
  add("good");
  const TempDir dir;
  const std::string weights = dir.write("w.tsv",
                                        "format\tdemarche-weights\t1\nrules_hash\tfnv1a64:0\n"
                                        "kind\tname\tvalue\tauthored\tsupport\tfitted\n"
                                        "plugin\twave/greeting\t2\t1\t5\tyes\n"
                                        "plugin\tghost/greeting\t2\t1\t5\tyes\n"
                                        "plugin\twave\t2\t1\t5\tyes\n"
                                        "plugin\twave/nosuchtype\t2\t1\t5\tyes\n");
  const RunResult r = classify("They wave.\n", {"--plugins", folder(), "--weights", weights});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, weights + ":5:8: warning[W201]: plugin 'ghost' of entry "
                                        "'ghost/greeting' is not loaded"))
      << r.err;
  EXPECT_TRUE(contains(r.err, weights + ":6:8: warning[W201]: plugin entry 'wave' is not "
                                        "PLUGIN/TYPE"))
      << r.err;
  EXPECT_TRUE(contains(r.err, weights + ":7:8: warning[W201]: event type 'nosuchtype' of "
                                        "plugin entry 'wave/nosuchtype' is not in these rules"))
      << r.err;
  EXPECT_FALSE(contains(r.err, ":4:")) << r.err;  // the plugin loaded: its factor applies
}

TEST_F(Plugins, NoPluginsWithPluginsIsAUsageError) {
  EXPECT_EQ(run({"classify", "--no-plugins", "--plugins", folder()}).exit_code, 2);
}

}  // namespace
}  // namespace demarche_cli_test
