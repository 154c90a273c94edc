// `demarche rules stats`: per-rule coverage, empirical precision with its
// Wilson interval, unique finds, unless cancellations, overlaps, conflicts
// and the health flag, on the gold fixtures with the toy rules.
//
// On tests/fixtures/eval/basic.tsv: hello fires on g01 g04 g11 g14 (all
// greeting) and is cancelled on g05; wave on g02 g06 g10 g14 (g02 and g14
// greeting); goodbye on g03 g04 g08 g10 (all farewell). Wave and hello
// overlap on g14; wave and goodbye conflict on g10 (gold: farewell only).
#include <gtest/gtest.h>

#include "eval_support.hpp"

namespace demarche_cli_test {
namespace {

const std::string kBasic = gold_fixture("basic.tsv");
const std::string kFlagged = gold_fixture("flagged.tsv");

const Json& rule(const Json& doc, const std::string& id) {
  for (const Json& r : doc.at("rules")) {
    if (r.at("rule") == id) return r;
  }
  throw std::runtime_error("no rule " + id);
}

std::vector<std::string> row_order(const std::string& out) {
  std::vector<std::string> ids;
  for (const std::string& line : split_lines(out)) {
    if (line.rfind("farewell.", 0) == 0 || line.rfind("greeting.", 0) == 0)
      ids.push_back(line.substr(0, line.find(' ')));
  }
  return ids;
}

TEST(RulesStats, TextTableWithOverlapsAndConflicts) {
  const RunResult r = run_stats({"--gold", kBasic});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 12u) << r.out;
  EXPECT_EQ(lines[0], "3 rules on 14 gold sentences from " + kBasic + " (rules alone, no plugins)");
  EXPECT_EQ(lines[2],
            "RULE                    TYPE      WEIGHT  COVER  HITS   PREC  95% INTERVAL    RECALL  "
            "UNIQUE   UREC  UNLESS  UNLESS+  FLAG");
  EXPECT_EQ(lines[3],
            "farewell.words.goodbye  farewell   0.800      4     4  1.000  [0.510, 1.000]   0.800  "
            "     4  0.800       0        0");
  EXPECT_EQ(lines[4], "    conflicts: greeting.words.wave (1)");
  EXPECT_EQ(lines[5],
            "greeting.words.hello    greeting   0.900      4     4  1.000  [0.510, 1.000]   0.571  "
            "     3  0.429       1        0");
  EXPECT_EQ(lines[6], "    overlaps:  greeting.words.wave (1)");
  EXPECT_EQ(lines[7],
            "greeting.words.wave     greeting   0.600      4     2  0.500  [0.150, 0.850]   0.286  "
            "     1  0.143       0        0");
  EXPECT_EQ(lines[8], "    overlaps:  greeting.words.hello (1)");
  EXPECT_EQ(lines[9], "    conflicts: farewell.words.goodbye (1)");
  EXPECT_EQ(lines[11], "No rule has an empirical precision below 0.7 with a weight above 0.7.");
}

TEST(RulesStats, JsonGivesEveryFigure) {
  const RunResult r = run_stats({"--gold", kBasic, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json doc = Json::parse(r.out);
  EXPECT_EQ(doc.at("files"), Json::array({kBasic}));
  EXPECT_EQ(doc.at("sentence_count"), 14);
  EXPECT_EQ(doc.at("rule_count"), 3);
  ASSERT_EQ(doc.at("rules").size(), 3u);
  EXPECT_EQ(rule(doc, "greeting.words.hello"), Json::parse(R"({
    "rule": "greeting.words.hello", "type": "greeting", "weight": 0.9,
    "coverage": 4, "hits": 4, "precision": 1.0, "interval": [0.510109, 1.0],
    "type_gold": 7, "recall": 0.571429, "unique": 3, "unique_recall": 0.428571,
    "cancelled": 1, "cancelled_positive": 0,
    "overlaps": [{"rule": "greeting.words.wave", "sentences": 1}],
    "conflicts": [], "flagged": false})"));
  const Json& wave = rule(doc, "greeting.words.wave");
  EXPECT_EQ(wave.at("coverage"), 4);
  EXPECT_EQ(wave.at("hits"), 2);
  EXPECT_EQ(wave.at("precision"), 0.5);
  // Wilson 95% for 2 of 4: (0.5 + z²/8 ± z·sqrt(1/16 + z²/64)) / (1 + z²/4).
  EXPECT_EQ(wave.at("interval"), Json::array({0.150039, 0.849961}));
  EXPECT_EQ(wave.at("unique"), 1);
  EXPECT_EQ(wave.at("conflicts"),
            Json::parse(R"([{"rule": "farewell.words.goodbye", "sentences": 1}])"));
  const Json& goodbye = rule(doc, "farewell.words.goodbye");
  EXPECT_EQ(goodbye.at("unique"), 4);
  EXPECT_EQ(goodbye.at("unique_recall"), 0.8);
}

TEST(RulesStats, FlagsARuleThatClaimsMoreThanItDelivers) {
  // flagged.tsv: hello (weight 0.9) fires on three sentences, one greeting.
  const RunResult r = run_stats({"--gold", kFlagged});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(line_starting(r.out, "greeting.words.hello"),
            "greeting.words.hello    greeting   0.900      3     1  0.333  [0.061, 0.792]   1.000  "
            "     1  1.000       0        0  !");
  EXPECT_EQ(line_starting(r.out, "greeting.words.wave"),
            "greeting.words.wave     greeting   0.600      0     0    n/a  n/a              0.000  "
            "     0  0.000       0        0");
  EXPECT_TRUE(contains(r.out,
                       "\n! 1 rule has an empirical precision below 0.7 with a weight "
                       "above 0.7: greeting.words.hello\n"))
      << r.out;
  const Json doc = Json::parse(run_stats({"--gold", kFlagged, "--format", "json"}).out);
  const Json& hello = rule(doc, "greeting.words.hello");
  EXPECT_EQ(hello.at("flagged"), true);
  EXPECT_EQ(hello.at("precision"), 0.333333);
  EXPECT_EQ(hello.at("interval"), Json::array({0.061492, 0.79234}));
  const Json& wave = rule(doc, "greeting.words.wave");
  EXPECT_TRUE(wave.at("precision").is_null());
  EXPECT_TRUE(wave.at("interval").is_null());
  EXPECT_EQ(wave.at("flagged"), false);
}

TEST(RulesStats, SortOrders) {
  auto order = [](const std::string& key) {
    const RunResult r = run_stats({"--gold", kBasic, "--sort", key});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return row_order(r.out);
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(order("order"),
            (Ids{"farewell.words.goodbye", "greeting.words.hello", "greeting.words.wave"}));
  EXPECT_EQ(order("precision"),
            (Ids{"greeting.words.wave", "farewell.words.goodbye", "greeting.words.hello"}));
  EXPECT_EQ(order("unique"),
            (Ids{"farewell.words.goodbye", "greeting.words.hello", "greeting.words.wave"}));
  EXPECT_EQ(order("weight"),
            (Ids{"greeting.words.hello", "farewell.words.goodbye", "greeting.words.wave"}));
  EXPECT_EQ(order("recall"),
            (Ids{"farewell.words.goodbye", "greeting.words.hello", "greeting.words.wave"}));
  const RunResult bad = run_stats({"--gold", kBasic, "--sort", "colour"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(contains(bad.err, "invalid --sort 'colour'")) << bad.err;
}

TEST(RulesStats, GoldIsRequiredAndCheckedAsForEval) {
  const RunResult none = run_stats({});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_TRUE(contains(none.err, "--gold FILE is required")) << none.err;
  TempDir dir;
  const std::string file = dir.write("bad.tsv", "text\tlabels\nHello.\n");
  const RunResult bad = run_stats({"--gold", file});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(contains(bad.err, file + ":2: 1 field, but the header has 2")) << bad.err;
  EXPECT_EQ(run_stats({"--gold", kBasic, "--set-memory", "0"}).exit_code, 2);
  EXPECT_EQ(run_stats({"--gold", kBasic, "--format", "tsv"}).exit_code, 2);
  EXPECT_TRUE(contains(run({"rules", "--help"}).out, "stats")) << "listed in the usage";
}

TEST(RulesStats, SharedDevSetWithTheShippedRules) {
  const std::string dev = shared_dev_set();
  if (dev.empty()) GTEST_SKIP() << "../shared/data/news/dev.tsv is absent";
  const RunResult r = run({"rules", "stats", "--gold", dev, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json doc = Json::parse(r.out);
  EXPECT_EQ(doc.at("sentence_count"), 467);
  ASSERT_FALSE(doc.at("rules").empty());
  for (const Json& stats : doc.at("rules")) {
    EXPECT_LE(stats.at("hits").get<int>(), stats.at("coverage").get<int>()) << stats;
    EXPECT_LE(stats.at("unique").get<int>(), stats.at("hits").get<int>()) << stats;
  }
}

}  // namespace
}  // namespace demarche_cli_test
