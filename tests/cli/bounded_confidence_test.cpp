// No format prints a confidence of 1.000 or 0.000: the scorer bounds every
// confidence to [0.001, 0.999] (docs/scoring.md, "Bounds"), so strong rules
// that agree, or strong cues against, stop there in every writer.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli_support.hpp"

namespace demarche_cli_test {
namespace {

// Three rules of 0.995 on different words sum to log-odds near 24 for
// `cheer`; two of 0.0005 sum to near -11 for `sigh`. Unbounded, those
// print as 1.000 and 0.000.
const char* const kRules = R"(event cheer
  prior: 0.02
  description: Someone cheers.

event sigh
  prior: 0.02
  description: Someone sighs.

rule cheer.words.hooray
  type: cheer
  weight: 0.995
  description: A cheer word.
  match: hooray
  example: They shouted [[hooray]].

rule cheer.words.bravo
  type: cheer
  weight: 0.995
  description: Another cheer word.
  match: bravo
  example: They shouted [[bravo]].

rule cheer.words.huzzah
  type: cheer
  weight: 0.995
  description: A third cheer word.
  match: huzzah
  example: They shouted [[huzzah]].

rule sigh.words.alas
  type: sigh
  weight: 0.0005
  description: Evidence against a sigh.
  match: alas
  example: The word [[alas]] is printed.

rule sigh.words.woe
  type: sigh
  weight: 0.0005
  description: More evidence against a sigh.
  match: woe
  example: The word [[woe]] is printed.
)";

const char* const kSentence = "Hooray, bravo and huzzah, they cried at the fair, alas and woe.";

struct Bounded : ::testing::Test {
  TempDir dir;
  std::string rules = dir.write("rules/cheer.rules", kRules);
  std::vector<std::string> base = {"--rules", (dir.path() / "rules").string(), "--no-plugins"};

  RunResult classify(const std::string& format) {
    std::vector<std::string> args = {"classify", "--format", format, "--threshold", "0"};
    args.insert(args.end(), base.begin(), base.end());
    RunOptions input;
    input.input = std::string(kSentence) + "\n";
    return run(args, input);
  }
};

void expect_bounded(double confidence) {
  EXPECT_GT(confidence, 0.0);
  EXPECT_LT(confidence, 1.0);
  EXPECT_TRUE(std::abs(confidence - 0.999) < 1e-9 || std::abs(confidence - 0.001) < 1e-9)
      << confidence;
}

TEST_F(Bounded, Jsonl) {
  const RunResult r = classify("jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0]["events"].size(), 2u);
  for (const Json& event : records[0]["events"]) expect_bounded(event["confidence"].get<double>());
}

TEST_F(Bounded, TsvAndText) {
  const RunResult tsv = classify("tsv");
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  EXPECT_TRUE(contains(tsv.out, "\tcheer,sigh\t0.999,0.001\t")) << tsv.out;
  const RunResult text = classify("text");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(contains(text.out, "    cheer 0.999\n")) << text.out;
  EXPECT_TRUE(contains(text.out, "    sigh 0.001\n")) << text.out;
  EXPECT_FALSE(contains(text.out, "1.000")) << text.out;
  EXPECT_FALSE(contains(text.out, "0.000")) << text.out;
}

TEST_F(Bounded, ExplainShowsTheSumAndTheBound) {
  std::vector<std::string> args = {"explain"};
  args.insert(args.end(), base.begin(), base.end());
  args.push_back(kSentence);
  const RunResult r = run(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "= +23.664  log-odds")) << r.out;
  EXPECT_TRUE(contains(r.out, "confidence = sigmoid(6.907) = 0.999 (log-odds bounded to +-6.907)"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "confidence = sigmoid(-6.907) = 0.001 (log-odds bounded to +-6.907)"))
      << r.out;
  EXPECT_FALSE(contains(r.out, "1.000")) << r.out;
  EXPECT_FALSE(contains(r.out, "0.000")) << r.out;
}

TEST_F(Bounded, EvalReports) {
  const std::string gold =
      dir.write("gold.tsv", std::string("id\ttext\tlabels\nq1\t") + kSentence + "\t\n");
  std::vector<std::string> args = {"eval", "--gold", gold};
  args.insert(args.end(), base.begin(), base.end());
  const RunResult text = run(args);
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(contains(text.out, "predicted:   cheer 0.999; below the threshold: sigh 0.001"))
      << text.out;

  const std::string report = (dir.path() / "report.html").string();
  args.insert(args.end(), {"--report", report});
  ASSERT_EQ(run(args).exit_code, 0);
  std::ifstream in(report);
  std::ostringstream html;
  html << in.rdbuf();
  EXPECT_TRUE(contains(html.str(), "cheer 0.999")) << html.str();
  EXPECT_TRUE(contains(html.str(), "sigh 0.001")) << html.str();
  args.resize(args.size() - 2);

  args.insert(args.end(), {"--format", "json"});
  const RunResult json = run(args);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const Json doc = Json::parse(json.out);
  ASSERT_EQ(doc["sentences"].size(), 1u);
  ASSERT_EQ(doc["sentences"][0]["events"].size(), 2u);
  for (const Json& event : doc["sentences"][0]["events"])
    expect_bounded(event["confidence"].get<double>());
}

}  // namespace
}  // namespace demarche_cli_test
