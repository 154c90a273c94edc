// `demarche eval`: reading gold files, the figures, the error lists with
// near misses, the threshold sweep, JSON, plugins and exit statuses.
//
// tests/fixtures/eval/basic.tsv with the toy rules gives, at 0.5:
//   greeting: gold 7, predicted 7, TP 5 (FP g06 g10, FN g07 g13)
//   farewell: gold 5, predicted 4, TP 4 (FN g09)
// (confidences: hello 0.9, wave 0.6, goodbye 0.8; both greeting rules 0.992).
#include <gtest/gtest.h>

#include "eval_support.hpp"

namespace demarche_cli_test {
namespace {

const std::string kBasic = gold_fixture("basic.tsv");

Json eval_json(std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"--gold", kBasic, "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const RunResult r = run_eval(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return Json::parse(r.out);
}

// Writes `content` as gold file `name` in `dir` and evaluates it, as JSON.
Json eval_written(const TempDir& dir, const std::string& name, const std::string& content,
                  std::string* err = nullptr) {
  const RunResult r = run_eval({"--gold", dir.write(name, content), "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  if (err != nullptr) *err = r.err;
  return Json::parse(r.out);
}

const Json& per_type(const Json& summary, const std::string& type) {
  for (const Json& entry : summary.at("per_type")) {
    if (entry.at("type") == type) return entry;
  }
  throw std::runtime_error("no type " + type);
}

TEST(Eval, TextTableHasEachTypeMicroAndMacro) {
  const RunResult r = run_eval({"--gold", kBasic});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> lines = split_lines(r.out);
  ASSERT_GE(lines.size(), 9u);
  EXPECT_EQ(lines[0], "14 sentences from " + kBasic);
  EXPECT_EQ(lines[1], "rules: 3; plugins: none; threshold: 0.50");
  EXPECT_EQ(lines[2], "scoring: authored weights");
  EXPECT_EQ(lines[4], "TYPE        GOLD  PRED    TP    FP    FN  PRECISION  RECALL     F1");
  EXPECT_EQ(lines[5], "greeting       7     7     5     2     2      0.714   0.714  0.714");
  EXPECT_EQ(lines[6], "farewell       5     4     4     0     1      1.000   0.800  0.889");
  EXPECT_EQ(lines[7], "micro         12    11     9     2     3      0.818   0.750  0.783");
  EXPECT_EQ(
      lines[8],
      "macro                                         0.857   0.757  0.802  (mean of 2 types)");
  EXPECT_TRUE(contains(r.out, "Sentences with no gold label given an event: 1 of 3\n")) << r.out;
}

TEST(Eval, JsonHasTheSameFigures) {
  const Json doc = eval_json();
  EXPECT_EQ(doc.at("files"), Json::array({kBasic}));
  EXPECT_EQ(doc.at("sentence_count"), 14);
  EXPECT_EQ(doc.at("types"), Json::array({"greeting", "farewell"}));
  EXPECT_EQ(doc.at("rule_count"), 3);
  EXPECT_EQ(doc.at("plugins"), Json::array());
  EXPECT_EQ(doc.at("threshold"), 0.5);
  EXPECT_EQ(doc.at("scoring"), "authored weights");
  EXPECT_EQ(doc.at("unclassified"), 0);
  EXPECT_EQ(doc.at("empty_gold"), Json({{"sentences", 3}, {"predicted", 1}}));
  const Json& summary = doc.at("summary");
  // g06 and g10 are false positives (indices 5 and 9), g07 and g13 false negatives.
  EXPECT_EQ(per_type(summary, "greeting"), Json::parse(R"({
    "type": "greeting", "gold": 7, "predicted": 7, "tp": 5, "fp": 2, "fn": 2,
    "precision": 0.714286, "recall": 0.714286, "f1": 0.714286,
    "false_positives": [5, 9], "false_negatives": [6, 12]})"));
  const Json& farewell = per_type(summary, "farewell");
  EXPECT_EQ(farewell.at("precision"), 1.0);
  EXPECT_EQ(farewell.at("recall"), 0.8);
  EXPECT_EQ(farewell.at("f1"), 0.888889);
  EXPECT_EQ(farewell.at("false_negatives"), Json::array({8}));  // g09
  EXPECT_EQ(summary.at("micro"), Json::parse(R"({
    "type": "micro", "gold": 12, "predicted": 11, "tp": 9, "fp": 2, "fn": 3,
    "precision": 0.818182, "recall": 0.75, "f1": 0.782609})"));
  // Macro F1 is the mean of the per-type F1: (0.714286 + 0.888889) / 2.
  EXPECT_EQ(summary.at("macro"),
            Json({{"precision", 0.857143}, {"recall", 0.757143}, {"f1", 0.801587}, {"types", 2}}));
  EXPECT_EQ(doc.at("sweep"), Json::array());
}

// kCalibrationGold (eval_support.hpp) works the figures out by hand.
TEST(Eval, CalibrationTableInText) {
  const TempDir dir;
  const RunResult r = run_eval({"--gold", dir.write("calibration.tsv", kCalibrationGold)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out,
                       "\n\nConfidence calibration: expected calibration error (ECE, 10 bins) "
                       "and Brier score\n"
                       "TYPE        SAMPLES    ECE  BRIER\n"
                       "greeting          5  0.280  0.240\n"
                       "farewell          5  0.200  0.040\n"
                       "all              10  0.240  0.140\n"))
      << r.out;
}

TEST(Eval, CalibrationInJsonWithItsBins) {
  const TempDir dir;
  const Json doc = eval_written(dir, "calibration.tsv", kCalibrationGold);
  const Json& calibration = doc.at("calibration");
  const Json& per_type = calibration.at("per_type");
  ASSERT_EQ(per_type.size(), 2u);
  const Json& greeting = per_type.at(0);
  EXPECT_EQ(greeting.at("type"), "greeting");
  EXPECT_EQ(greeting.at("samples"), 5);
  EXPECT_EQ(greeting.at("ece"), 0.28);
  EXPECT_EQ(greeting.at("brier"), 0.24);
  const Json& bins = greeting.at("bins");
  ASSERT_EQ(bins.size(), 10u);
  // c3, c4, c5 at the prior 0.1, c4 the one in gold.
  EXPECT_EQ(bins.at(1), Json::parse(R"({"low": 0.1, "high": 0.2, "count": 3, "positives": 1,
                                        "mean_confidence": 0.1, "observed": 0.333333})"));
  EXPECT_EQ(bins.at(6).at("count"), 1);
  EXPECT_EQ(bins.at(6).at("observed"), 0.0);
  EXPECT_EQ(bins.at(9).at("mean_confidence"), 0.9);
  EXPECT_EQ(bins.at(9).at("observed"), 1.0);
  EXPECT_EQ(bins.at(9).at("high"), 1.0);
  EXPECT_EQ(bins.at(0), Json::parse(R"({"low": 0.0, "high": 0.1, "count": 0, "positives": 0,
                                        "mean_confidence": null, "observed": null})"));
  const Json& farewell = per_type.at(1);
  EXPECT_EQ(farewell.at("type"), "farewell");
  EXPECT_EQ(farewell.at("ece"), 0.2);
  EXPECT_EQ(farewell.at("brier"), 0.04);
  EXPECT_EQ(farewell.at("bins").at(2).at("count"), 4);  // the prior, 0.2, not 0
  EXPECT_EQ(farewell.at("bins").at(0).at("count"), 0);
  const Json& pooled = calibration.at("pooled");
  EXPECT_EQ(pooled.at("type"), "all");
  EXPECT_EQ(pooled.at("samples"), 10);
  EXPECT_EQ(pooled.at("ece"), 0.24);
  EXPECT_EQ(pooled.at("brier"), 0.14);
  EXPECT_EQ(pooled.at("bins").at(1).at("count"), 3);
  EXPECT_EQ(pooled.at("bins").at(2).at("count"), 4);
}

TEST(Eval, JsonSentencesCarryEvidenceCancellationsAndNearMisses) {
  const Json doc = eval_json();
  const Json& sentences = doc.at("sentences");
  ASSERT_EQ(sentences.size(), 14u);

  const Json& g10 = sentences.at(9);
  EXPECT_EQ(g10.at("index"), 9);
  EXPECT_EQ(g10.at("id"), "g10");
  EXPECT_EQ(g10.at("file"), kBasic);
  EXPECT_EQ(g10.at("line"), 11);
  EXPECT_EQ(g10.at("text"), "Ivy said goodbye to her friend and waved at the crowd.");
  EXPECT_EQ(g10.at("gold"), Json::array({"farewell"}));
  EXPECT_EQ(g10.at("predicted"), Json::array({"greeting", "farewell"}));
  EXPECT_EQ(g10.at("false_positives"), Json::array({"greeting"}));
  EXPECT_EQ(g10.at("false_negatives"), Json::array());
  ASSERT_EQ(g10.at("events").size(), 2u);
  const Json& farewell = g10.at("events").at(0);
  EXPECT_EQ(farewell.at("type"), "farewell");
  EXPECT_EQ(farewell.at("confidence"), 0.8);
  EXPECT_EQ(farewell.at("reported"), true);
  const Json& evidence = farewell.at("evidence").at(0);
  EXPECT_EQ(evidence.at("rule"), "farewell.words.goodbye");
  EXPECT_EQ(evidence.at("weight"), 0.8);
  EXPECT_EQ(evidence.at("counted"), true);
  EXPECT_EQ(evidence.at("spans"), Json::parse("[[4,8],[9,16]]"));
  EXPECT_EQ(evidence.at("matched"), Json::array({"said", "goodbye"}));
  EXPECT_EQ(farewell.at("attributes"), Json::object());

  const Json& g05 = sentences.at(4);  // hello cancelled by its unless
  EXPECT_EQ(g05.at("events"), Json::array());
  ASSERT_EQ(g05.at("cancelled").size(), 1u);
  EXPECT_EQ(g05.at("cancelled").at(0).at("rule"), "greeting.words.hello");
  EXPECT_EQ(g05.at("cancelled").at(0).at("unless_matched"), Json::array({"never", "hello"}));

  const Json& g07 = sentences.at(6);
  ASSERT_EQ(g07.at("near_misses").size(), 1u);
  EXPECT_EQ(g07.at("near_misses").at(0).at("type"), "greeting");
  const Json& miss = g07.at("near_misses").at(0).at("rules").at(0);
  EXPECT_EQ(miss.at("rule"), "greeting.words.hello");
  EXPECT_EQ(miss.at("kind"), "too_far_apart");
  EXPECT_EQ(miss.at("closeness"), 1.0);
  EXPECT_EQ(miss.at("pattern"), "{HELLO} ~3 {FRIEND}");
  EXPECT_TRUE(contains(miss.at("file"), "greeting.rules")) << miss;
  EXPECT_EQ(miss.at("line"), 14);
  EXPECT_EQ(miss.at("reason"),
            "all pieces found, but `{HELLO}` and `{FRIEND}` are 9 words apart (at most ~3)");
  EXPECT_EQ(
      miss.at("pieces").at(0),
      Json({{"source", "{HELLO}"}, {"spans", Json::parse("[[5,12]]")}, {"matched", {"greeted"}}}));

  const Json& g09 = sentences.at(8);
  const Json& goodbye = g09.at("near_misses").at(0).at("rules").at(0);
  EXPECT_EQ(goodbye.at("kind"), "pieces_missing");
  EXPECT_EQ(goodbye.at("closeness"), 0.5);
  EXPECT_EQ(sentences.at(12).at("near_misses").at(0).at("rules"), Json::array());  // g13

  const Json& g11 = sentences.at(10);
  EXPECT_EQ(g11.at("labels"), Json::array({"greeting", "protest"}));
  EXPECT_EQ(g11.at("gold"), Json::array({"greeting"}));
}

TEST(Eval, ErrorListsShowSentencesRulesAndNearMisses) {
  const RunResult r = run_eval({"--gold", kBasic});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string g06 = "\n  g06  (" + kBasic +
                          ":7)\n"
                          "    The surfers waved at the storm in anger.\n"
                          "    gold:        none\n"
                          "    predicted:   greeting 0.600\n"
                          "    fired:       greeting.words.wave (greeting, weight 0.600, counted) "
                          "\"waved at\"\n";
  EXPECT_TRUE(contains(r.out, "False positives: greeting (2)\n" + g06)) << r.out;
  EXPECT_TRUE(contains(r.out,
                       "    predicted:   farewell 0.800, greeting 0.600\n"
                       "    fired:       farewell.words.goodbye (farewell, weight 0.800, counted) "
                       "\"said\" \"goodbye\"\n"
                       "                 greeting.words.wave (greeting, weight 0.600, counted) "
                       "\"waved at\"\n"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "False negatives: greeting (2)\n")) << r.out;
  // The rule file's path is shortened when it is below the working folder.
  EXPECT_TRUE(contains(r.out, "    near misses:\n      greeting.words.hello (2/2 pieces, "))
      << r.out;
  EXPECT_TRUE(contains(r.out,
                       "greeting.rules:14): all pieces found, but `{HELLO}` and "
                       "`{FRIEND}` are 9 words apart (at most ~3)\n"))
      << r.out;
  EXPECT_TRUE(contains(r.out,
                       "    near misses: none; no greeting rule has a piece in the sentence, "
                       "common words aside\n"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "False negatives: farewell (1)\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "      farewell.words.goodbye (1/2 pieces, ")) << r.out;
  EXPECT_TRUE(contains(r.out,
                       "farewell.rules:7): `(?:said|says|say)` not found; `goodbye` "
                       "found \"goodbye\"\n"))
      << r.out;
  EXPECT_FALSE(contains(r.out, "False positives: farewell")) << r.out;
}

// Issue 14, item 4: a gold id is the gold file's bytes; the text report
// sent its control bytes to the terminal raw, and all of a long one.
TEST(Eval, TheTextReportEscapesControlBytesInIdsAndCapsLongOnes) {
  const TempDir dir;
  const std::string long_id(300, 'i');
  const std::string gold = dir.write(
      "gold.tsv", "id\ttext\tlabels\nred\x1b[31m\x07\tThe surfers waved at the storm.\t\n" +
                      long_id + "\tThe divers waved at the storm.\t\n");
  const RunResult r = run_eval({"--gold", gold});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x07'), std::string::npos) << r.out;
  EXPECT_TRUE(contains(r.out, "\n  red\\x1b[31m\\x07  (" + gold + ":2)\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "\n  " + std::string(160, 'i') + "...  (" + gold + ":3)\n")) << r.out;
}

TEST(Eval, ErrorsOptionLimitsEachList) {
  const RunResult one = run_eval({"--gold", kBasic, "--errors", "1"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_TRUE(contains(one.out, "g06  (")) << one.out;
  EXPECT_FALSE(contains(one.out, "g10  (")) << one.out;
  EXPECT_TRUE(contains(one.out, "  ... and 1 more (raise --errors to see them)\n")) << one.out;

  const RunResult none = run_eval({"--gold", kBasic, "--errors", "0"});
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_FALSE(contains(none.out, "False positives")) << none.out;
  EXPECT_FALSE(contains(none.out, "False negatives")) << none.out;

  const RunResult no_near = run_eval({"--gold", kBasic, "--near-misses", "0"});
  EXPECT_FALSE(contains(no_near.out, "greeting.words.hello (2/2")) << no_near.out;
  EXPECT_TRUE(contains(no_near.out, "      ... and 1 more\n")) << no_near.out;
}

TEST(Eval, ThresholdSweepInJson) {
  const Json doc = eval_json({"--threshold-sweep"});
  const Json& sweep = doc.at("sweep");
  ASSERT_EQ(sweep.size(), 9u);
  for (std::size_t i = 0; i < 9; ++i) {
    EXPECT_EQ(sweep.at(i).at("threshold"), static_cast<double>(i + 1) / 10.0);
    EXPECT_FALSE(sweep.at(i).at("per_type").at(0).contains("false_positives"));
  }
  // 0.7: the wave rule (0.6) no longer counts alone.
  const Json& greeting = per_type(sweep.at(6), "greeting");
  EXPECT_EQ(greeting.at("predicted"), 4);
  EXPECT_EQ(greeting.at("precision"), 1.0);
  EXPECT_EQ(greeting.at("recall"), 0.571429);
  // 0.9: goodbye (0.8) is below it: nothing predicted, precision undefined.
  const Json& farewell = per_type(sweep.at(8), "farewell");
  EXPECT_EQ(farewell.at("predicted"), 0);
  EXPECT_TRUE(farewell.at("precision").is_null());
  EXPECT_EQ(farewell.at("recall"), 0.0);
  EXPECT_EQ(farewell.at("f1"), 0.0);
  // The summary at the threshold itself is the sweep's 0.5 row.
  EXPECT_EQ(per_type(sweep.at(4), "greeting").at("tp"), 5);
}

TEST(Eval, ThresholdSweepInText) {
  const RunResult r = run_eval({"--gold", kBasic, "--threshold-sweep", "--errors", "0"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out,
                       "\nThreshold sweep: precision (P), recall (R) and F1 by threshold\n"
                       "TYPE             0.1    0.2    0.3    0.4    0.5    0.6    0.7    "
                       "0.8    0.9\n"
                       "greeting  P    0.714  0.714  0.714  0.714  0.714  0.714  1.000  "
                       "1.000  1.000\n"
                       "          R    0.714  0.714  0.714  0.714  0.714  0.714  0.571  "
                       "0.571  0.571\n"))
      << r.out;
  EXPECT_EQ(line_starting(r.out, "farewell  P"),
            "farewell  P    1.000  1.000  1.000  1.000  1.000  1.000  1.000  1.000    n/a");
  EXPECT_EQ(line_starting(r.out, "macro     P"),
            "macro     P    0.857  0.857  0.857  0.857  0.857  0.857  1.000  1.000  0.500");

  const RunResult without = run_eval({"--gold", kBasic});
  EXPECT_FALSE(contains(without.out, "Threshold sweep")) << without.out;
}

TEST(Eval, ThresholdOptionAsInClassify) {
  const Json doc = eval_json({"--threshold", "0.6"});  // 0.6 clears 0.6 (1e-9 tolerance)
  EXPECT_EQ(per_type(doc.at("summary"), "greeting").at("predicted"), 7);
  const Json high = eval_json({"--threshold", "0.85"});
  EXPECT_EQ(high.at("threshold"), 0.85);
  EXPECT_EQ(per_type(high.at("summary"), "greeting").at("predicted"), 4);
  EXPECT_EQ(per_type(high.at("summary"), "farewell").at("predicted"), 0);
  EXPECT_EQ(run_eval({"--gold", kBasic, "--threshold", "1.5"}).exit_code, 2);
}

TEST(Eval, UnknownLabelsAreReportedOnceAndCounted) {
  const RunResult r = run_eval({"--gold", kBasic});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "demarche eval: warning: " + kBasic +
                       ":12: label 'protest' is not an event type of the rules (1 sentence "
                       "carries it); left out of the scores\n");
  EXPECT_TRUE(
      contains(r.out, "Unknown label 'protest' left out: 1 sentence, first at " + kBasic + ":12\n"))
      << r.out;

  TempDir dir;
  std::string err;
  const Json two = eval_written(dir, "two.tsv",
                                "text\tlabels\n"
                                "Someone marched.\tprotest\n"
                                "Anna said hello to her friend.\tgreeting, protest\n"
                                "Someone sang.\tsong\n",
                                &err);
  const std::string file = (dir.path() / "two.tsv").string();
  EXPECT_EQ(split_lines(err).size(), 2u) << err;  // one per label
  EXPECT_TRUE(contains(err, file + ":2: label 'protest' is not an event type of the rules "
                                   "(2 sentences carry it)"))
      << err;
  EXPECT_EQ(two.at("unknown_labels"),
            Json::parse(R"([{"label":"protest","first":")" + file +
                        R"(:2","sentences":2},{"label":"song","first":")" + file +
                        R"(:4","sentences":1}])"));
}

TEST(Eval, MinMacroF1FailsTheRunBelowTheFloor) {
  const RunResult pass = run_eval({"--gold", kBasic, "--min-macro-f1", "0.8"});
  EXPECT_EQ(pass.exit_code, 0) << pass.err;
  const RunResult fail = run_eval({"--gold", kBasic, "--min-macro-f1", "0.81", "--errors", "0"});
  EXPECT_EQ(fail.exit_code, 1);
  EXPECT_TRUE(contains(fail.err, "demarche eval: macro F1 0.802 is below --min-macro-f1 0.810\n"))
      << fail.err;
  EXPECT_TRUE(contains(fail.out, "macro ")) << "the report is still written";
  const RunResult json = run_eval({"--gold", kBasic, "--format", "json", "--min-macro-f1", "0.9"});
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_NO_THROW(Json::parse(json.out));
  EXPECT_EQ(run_eval({"--gold", kBasic, "--min-macro-f1", "1.5"}).exit_code, 2);
}

TEST(Eval, MalformedGoldFilesNameFileAndLine) {
  TempDir dir;
  struct Case {
    std::string name;
    std::string content;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"no_labels.tsv", "id\ttext\nx\tHello.\n",
       ":1: the header has no 'labels' column; a gold file needs 'text' and 'labels' columns"},
      {"no_text.tsv", "labels\tsentence\n\tHello.\n", ":1: the header has no 'text' column"},
      {"fields.tsv", "id\ttext\tlabels\na\tHello.\tgreeting\nb\tHello there.\n",
       ":3: 2 fields, but the header has 3 (a tab or line break inside a field?)"},
      {"extra.tsv", "text\tlabels\nHello.\tgreeting\textra\n",
       ":2: 3 fields, but the header has 2"},
      {"twice.tsv", "text\tlabels\ttext\n", ":1: column 'text' appears twice in the header"},
      {"empty.tsv", "", ":1: empty file; a gold file starts with a header row"},
  };
  for (const Case& c : cases) {
    const std::string file = dir.write(c.name, c.content);
    const RunResult r = run_eval({"--gold", file});
    EXPECT_EQ(r.exit_code, 2) << c.name;
    EXPECT_TRUE(contains(r.err, "demarche: " + file + c.message)) << c.name << ": " << r.err;
    EXPECT_EQ(r.out, "") << c.name;
  }
  const RunResult header_only = run_eval({"--gold", dir.write("header.tsv", "text\tlabels\n")});
  EXPECT_EQ(header_only.exit_code, 2);
  EXPECT_TRUE(contains(header_only.err, "the gold files hold no sentences")) << header_only.err;
  const RunResult missing = run_eval({"--gold", (dir.path() / "absent.tsv").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.err, "absent.tsv: No such file or directory")) << missing.err;
}

TEST(Eval, CrlfByteOrderMarkBlankLinesAndNoIdColumn) {
  TempDir dir;
  const Json doc = eval_written(dir, "bom.tsv",
                                "\xEF\xBB\xBFlabels\ttext\r\n"
                                "greeting\tAnna said hello to her friend.\r\n"
                                "\r\n"
                                "farewell\tHank waved goodbye.\r\n");
  const std::string file = (dir.path() / "bom.tsv").string();
  ASSERT_EQ(doc.at("sentence_count"), 2);
  const Json& first = doc.at("sentences").at(0);
  EXPECT_TRUE(first.at("id").is_null());
  EXPECT_EQ(first.at("text"), "Anna said hello to her friend.");
  EXPECT_EQ(first.at("predicted"), Json::array({"greeting"}));
  EXPECT_EQ(doc.at("sentences").at(1).at("line"), 4);

  // Without ids, sentences are named FILE:LINE in the lists.
  const RunResult text = run_eval({"--gold", file});
  EXPECT_TRUE(contains(text.out, "\n  " + file + ":4\n    Hank waved goodbye.\n")) << text.out;
}

TEST(Eval, SeveralGoldFilesArePooled) {
  const Json doc = eval_json({"--gold", gold_fixture("flagged.tsv")});
  EXPECT_EQ(doc.at("files"), Json::array({kBasic, gold_fixture("flagged.tsv")}));
  EXPECT_EQ(doc.at("sentence_count"), 17);
  EXPECT_EQ(doc.at("sentences").at(16).at("file"), gold_fixture("flagged.tsv"));
  EXPECT_EQ(doc.at("sentences").at(16).at("line"), 4);
  // flagged.tsv adds two farewell sentences that only hello fires on.
  const Json& farewell = per_type(doc.at("summary"), "farewell");
  EXPECT_EQ(farewell.at("gold"), 7);
  EXPECT_EQ(farewell.at("tp"), 4);
}

TEST(Eval, PluginsRunAsInClassifyAndTheirAnnotationsAreListed) {
  TempDir plugins;
  fs::permissions(plugins.path(), fs::perms::owner_all | fs::perms::group_read |
                                      fs::perms::group_exec | fs::perms::others_read |
                                      fs::perms::others_exec);
  const fs::path good = plugins.path() / "good.so";
  fs::copy_file(fs::path(DEMARCHE_FIXTURE_PLUGINS) / "good.so", good);
  fs::permissions(good, fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
  const std::vector<std::string> args = {"eval", "--rules",  toy_rules(),  "--gold",
                                         kBasic, "--plugin", good.string()};
  const RunResult text = run(args);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(contains(text.out, "plugins: wave;")) << text.out;
  EXPECT_TRUE(
      contains(text.out, "  g06  (" + kBasic +
                             ":7)\n"
                             "    The surfers waved at the storm in anger.\n"
                             "    gold:        none\n"
                             "    predicted:   greeting 0.800\n"
                             "    fired:       plugin:wave (greeting, weight 0.800, counted) "
                             "\"wave\": a wave of the hand\n"
                             "                 greeting.words.wave (greeting, weight 0.600, not "
                             "counted: overlaps plugin:wave, which counts instead) \"waved at\"\n"
                             "    annotations: greeting: gesture=wave\n"))
      << text.out;

  std::vector<std::string> json_args = args;
  json_args.insert(json_args.end(), {"--format", "json"});
  const Json doc = Json::parse(run(json_args).out);
  EXPECT_EQ(doc.at("plugins"), Json::array({"wave"}));
  const Json& g06 = doc.at("sentences").at(5);
  EXPECT_EQ(g06.at("events").at(0).at("attributes"), Json({{"gesture", "wave"}}));

  // --no-plugins: the rules alone.
  const Json alone = eval_json();
  EXPECT_EQ(alone.at("sentences").at(5).at("events").at(0).at("attributes"), Json::object());
}

TEST(Eval, UsageErrors) {
  const RunResult no_gold = run_eval({});
  EXPECT_EQ(no_gold.exit_code, 2);
  EXPECT_TRUE(contains(no_gold.err, "demarche eval: --gold FILE is required")) << no_gold.err;
  EXPECT_TRUE(contains(no_gold.err, "Try 'demarche eval --help'.")) << no_gold.err;
  EXPECT_EQ(run_eval({"--gold", kBasic, "--format", "yaml"}).exit_code, 2);
  EXPECT_EQ(run_eval({"--gold", kBasic, "--errors", "-1"}).exit_code, 2);
  EXPECT_EQ(run_eval({"--gold", kBasic, "--near-misses", "-2"}).exit_code, 2);
  EXPECT_EQ(run_eval({"--gold", kBasic, "--set-memory", "0"}).exit_code, 2);
  EXPECT_EQ(run_eval({"--gold", kBasic, "extra"}).exit_code, 2);
  EXPECT_EQ(run_eval({"--gold", kBasic, "--plugins", "x"}).exit_code, 2);  // with --no-plugins
  const RunResult help = run({"eval", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_TRUE(contains(help.out, "--threshold-sweep")) << help.out;
  EXPECT_TRUE(contains(help.out, "--plot DIR")) << help.out;
  EXPECT_TRUE(contains(run({"--help"}).out, "eval --gold FILE")) << "listed in the usage";
}

TEST(Eval, SharedDevSetWithTheShippedRules) {
  const std::string dev = shared_dev_set();
  if (dev.empty()) GTEST_SKIP() << "../shared/data/news/dev.tsv is absent";
  const RunResult r = run({"eval", "--gold", dev, "--no-plugins", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json doc = Json::parse(r.out);
  EXPECT_EQ(doc.at("sentence_count"), 467);
  EXPECT_EQ(doc.at("unknown_labels"), Json::array());
  // The label counts its README gives.
  const Json& summary = doc.at("summary");
  EXPECT_EQ(per_type(summary, "expulsion").at("gold"), 74);
  EXPECT_EQ(per_type(summary, "withdrawal").at("gold"), 72);
  EXPECT_EQ(per_type(summary, "condemnation").at("gold"), 105);
  EXPECT_EQ(per_type(summary, "sanction").at("gold"), 71);
  EXPECT_EQ(doc.at("empty_gold").at("sentences"), 194);
  std::size_t tp = 0;
  for (const Json& type : summary.at("per_type")) tp += type.at("tp").get<std::size_t>();
  EXPECT_EQ(summary.at("micro").at("tp"), tp);
  // Every sentence is a sample of every type.
  const Json& calibration = doc.at("calibration");
  for (const Json& type : calibration.at("per_type")) {
    EXPECT_EQ(type.at("samples"), 467) << type.at("type");
    EXPECT_TRUE(type.at("ece").is_number()) << type.at("type");
  }
  EXPECT_EQ(calibration.at("pooled").at("samples"), 4 * 467);
}

// A gold file is read whole: a device is refused at once, not read for ever
// (issue 14, item 6).
TEST(Eval, AGoldFileThatIsNotARegularFileIsRefused) {
  const RunResult r = run({"eval", "--gold", "/dev/zero"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot read /dev/zero: not a regular file"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace demarche_cli_test
