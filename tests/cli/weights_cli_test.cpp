// Learned weights on the command line: `calibrate`, and --weights,
// --authored-weights and the default weights file for classify and explain.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "cli_support.hpp"

namespace demarche_cli_test {
namespace {

// Gold sentences for the toy rules, written here: the wave rule (authored
// 0.6) is right on 27 of 30 sentences, the goodbye rule on all 12, and 100
// sentences carry nothing.
std::string toy_gold() {
  // A stream, not `"w" + std::to_string(i)`: that trips GCC 12's false
  // -Wrestrict at -O3, and the README's first command builds the tests so.
  std::ostringstream gold;
  gold << "id\ttext\tlabels\n";
  for (int i = 0; i < 30; ++i) {
    gold << 'w' << i << "\tPerson " << i << " waved at the crowd.\t" << (i < 27 ? "greeting" : "")
         << '\n';
  }
  for (int i = 0; i < 12; ++i) {
    gold << 'f' << i << "\tPerson " << i << " said goodbye and left.\tfarewell\n";
  }
  for (int i = 0; i < 100; ++i) gold << 'n' << i << "\tThe report " << i << " was filed.\t\n";
  return gold.str();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The value column of a weights file's line for `name`, or NaN.
double value_of(const std::string& weights, const std::string& kind, const std::string& name) {
  for (const std::string& line : split_lines(weights)) {
    const std::vector<std::string> fields = split(line, '\t');
    if (fields.size() == 6 && fields[0] == kind && fields[1] == name) return std::stod(fields[2]);
  }
  return std::nan("");
}

double greeting_confidence(const RunResult& r) {
  const std::vector<Json> records = parse_jsonl(r.out);
  if (records.size() != 1) return std::nan("");
  for (const Json& event : records[0]["events"]) {
    if (event["type"] == "greeting") return event["confidence"].get<double>();
  }
  return std::nan("");
}

// A copy of the toy rules in `dir`/rules, optionally with the wave rule's
// weight edited; returns the folder.
std::string copy_toy_rules(const TempDir& dir, const std::string& wave_weight = "0.6") {
  for (const auto& entry : fs::directory_iterator(toy_rules())) {
    std::string text = read_file(entry.path().string());
    if (entry.path().filename() == "greeting.rules") {
      const std::string from = "weight: 0.6\n";
      text.replace(text.find(from), from.size(), "weight: " + wave_weight + "\n");
    }
    dir.write("rules/" + entry.path().filename().string(), text);
  }
  return (dir.path() / "rules").string();
}

RunOptions wave_input() {
  RunOptions options;
  options.input = "Ben waved at the bus.\n";
  return options;
}

struct Calibrated {
  TempDir dir;
  std::string gold;
  std::string weights;
  RunResult result;
};

std::unique_ptr<Calibrated> calibrate_toy() {
  auto c = std::make_unique<Calibrated>();
  c->gold = c->dir.write("gold.tsv", toy_gold());
  c->weights = (c->dir.path() / "w.tsv").string();
  // The l2 given, so that the weights below do not depend on which l2 the
  // search would choose (calibrate_test.cpp tests the search).
  c->result = run({"calibrate", "--rules", toy_rules(), "--no-plugins", "--gold", c->gold, "-o",
                   c->weights, "--l2", "1"});
  return c;
}

TEST(WeightsCli, CalibrateWritesAWeightsFileThatMovesTowardsTheData) {
  const auto c = calibrate_toy();
  ASSERT_EQ(c->result.exit_code, 0) << c->result.err;
  EXPECT_TRUE(contains(c->result.out, "Wrote " + c->weights)) << c->result.out;
  const std::string weights = read_file(c->weights);
  EXPECT_EQ(weights.find("format\tdemarche-weights\t1\n"), weights.find("format"));
  EXPECT_TRUE(contains(weights, "rules_hash\tfnv1a64-pieces:")) << weights;
  EXPECT_TRUE(contains(weights, "fitted_on\t" + c->gold + " (142 sentences)")) << weights;
  // 27 of 30 right pulls 0.6 up, short of 0.9 because of the prior.
  const double wave = value_of(weights, "rule", "greeting.words.wave");
  EXPECT_GT(wave, 0.75);
  EXPECT_LT(wave, 0.9);
  // The hello rule never fires in this gold: it keeps its authored weight.
  EXPECT_TRUE(contains(weights, "rule\tgreeting.words.hello\t0.9\t0.9\t0\tno\n")) << weights;
  // Nothing fired on 100 sentences: the prior falls under the authored 0.1.
  EXPECT_LT(value_of(weights, "prior", "greeting"), 0.05);
}

TEST(WeightsCli, ClassifyScoresWithTheWeightsNamed) {
  const auto c = calibrate_toy();
  ASSERT_EQ(c->result.exit_code, 0) << c->result.err;
  const double wave = value_of(read_file(c->weights), "rule", "greeting.words.wave");
  const RunResult learned = run(
      {"classify", "--rules", toy_rules(), "--no-plugins", "--weights", c->weights}, wave_input());
  ASSERT_EQ(learned.exit_code, 0) << learned.err;
  EXPECT_EQ(learned.err, "");
  EXPECT_NEAR(greeting_confidence(learned), wave, 1e-6);
  const RunResult authored =
      run({"classify", "--rules", toy_rules(), "--no-plugins"}, wave_input());
  ASSERT_EQ(authored.exit_code, 0) << authored.err;
  EXPECT_NEAR(greeting_confidence(authored), 0.6, 1e-6);
}

TEST(WeightsCli, WeightsTsvBesideTheRulesIsTheDefaultWhenItMatches) {
  const auto c = calibrate_toy();
  ASSERT_EQ(c->result.exit_code, 0) << c->result.err;
  const TempDir copy;
  const std::string rules = copy_toy_rules(copy);
  copy.write("rules/weights.tsv", read_file(c->weights));
  const double wave = value_of(read_file(c->weights), "rule", "greeting.words.wave");
  const RunOptions input = wave_input();
  const RunResult r = run({"classify", "--rules", rules, "--no-plugins"}, input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NEAR(greeting_confidence(r), wave, 1e-6);
  const RunResult authored =
      run({"classify", "--rules", rules, "--no-plugins", "--authored-weights"}, input);
  ASSERT_EQ(authored.exit_code, 0) << authored.err;
  EXPECT_NEAR(greeting_confidence(authored), 0.6, 1e-6);
}

// A file written before type fingerprints were recorded, with rules edited
// since: nothing tells which types are unchanged, so all go back to authored.
TEST(WeightsCli, DefaultWeightsFittedOnOtherRulesAreSetAsideWithANote) {
  const auto c = calibrate_toy();
  ASSERT_EQ(c->result.exit_code, 0) << c->result.err;
  const TempDir copy;
  const std::string rules = copy_toy_rules(copy, "0.65");  // edited since the fit
  std::string old_file;
  for (const std::string& line : split_lines(read_file(c->weights))) {
    if (line.rfind("type_hash\t", 0) != 0) old_file += line + "\n";
  }
  copy.write("rules/weights.tsv", old_file);
  const RunResult r = run({"classify", "--rules", rules, "--no-plugins"}, wave_input());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "weights.tsv was fitted on other rules; scoring with the authored"))
      << r.err;
  EXPECT_NEAR(greeting_confidence(r), 0.65, 1e-6);
}

// A file added beside the rules (`--rules +FILE`) changes the rules' hash;
// the types whose rules are as when fitted keep their learned weights, and
// the note says which types do and why the others do not.
TEST(WeightsCli, TypesWhoseRulesAreUnchangedKeepTheirLearnedWeights) {
  const auto c = calibrate_toy();
  ASSERT_EQ(c->result.exit_code, 0) << c->result.err;
  const TempDir copy;
  const std::string rules = copy_toy_rules(copy);
  copy.write("rules/weights.tsv", read_file(c->weights));
  const std::string extra = copy.write("extra.rules",
                                       "event nod\n"
                                       "  prior: 0.1\n"
                                       "  description: Someone nods.\n"
                                       "rule nod.words.nod\n"
                                       "  type: nod\n"
                                       "  weight: 0.7\n"
                                       "  description: A nod.\n"
                                       "  match: nodded\n");
  const RunResult r =
      run({"classify", "--rules", rules, "--rules", "+" + extra, "--no-plugins"}, wave_input());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "learned weights for greeting, farewell (their rules are unchanged)"))
      << r.err;
  EXPECT_TRUE(contains(r.err, "authored weights for nod (not fitted)")) << r.err;
  EXPECT_NEAR(greeting_confidence(r),
              value_of(read_file(c->weights), "rule", "greeting.words.wave"), 1e-6);
  // A type whose rules were edited since the fit goes back to authored.
  const TempDir edited;
  const std::string edited_rules = copy_toy_rules(edited, "0.65");
  edited.write("rules/weights.tsv", read_file(c->weights));
  const RunResult changed = run(
      {"classify", "--rules", edited_rules, "--rules", "+" + extra, "--no-plugins"}, wave_input());
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_TRUE(contains(changed.err, "learned weights for farewell")) << changed.err;
  EXPECT_TRUE(contains(changed.err, "authored weights for greeting (their rules changed)"))
      << changed.err;
  EXPECT_NEAR(greeting_confidence(changed), 0.65, 1e-6);
}

TEST(WeightsCli, NamedWeightsFittedOnOtherRulesWarnButApply) {
  const auto c = calibrate_toy();
  ASSERT_EQ(c->result.exit_code, 0) << c->result.err;
  const TempDir copy;
  const std::string rules = copy_toy_rules(copy, "0.65");
  const RunResult r =
      run({"classify", "--rules", rules, "--no-plugins", "--weights", c->weights}, wave_input());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(
      contains(r.err, c->weights + ": warning[W201]: these weights were fitted on other rules"))
      << r.err;
  EXPECT_NEAR(greeting_confidence(r),
              value_of(read_file(c->weights), "rule", "greeting.words.wave"), 1e-6);
}

TEST(WeightsCli, ABrokenWeightsFileIsRefusedWithItsPlace) {
  const TempDir dir;
  const std::string bad = dir.write("bad.tsv",
                                    "format\tdemarche-weights\t1\nrules_hash\tfnv1a64:0\n"
                                    "kind\tname\tvalue\tauthored\tsupport\tfitted\nrule\tgreeting."
                                    "words.wave\t1.2\t0.6\t3\tyes\n");
  const RunResult r =
      run({"classify", "--rules", toy_rules(), "--no-plugins", "--weights", bad}, wave_input());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(
      contains(r.err, bad + ":4:26: error[E201]: value must be a number strictly between 0 and 1"))
      << r.err;
  EXPECT_EQ(r.out, "");
}

// Issue 14, item 15: `--weights FOLDER` once said "empty weights file".
TEST(WeightsCli, AWeightsFolderIsRefusedAsAFolder) {
  const TempDir dir;
  const RunResult r =
      run({"classify", "--rules", toy_rules(), "--no-plugins", "--weights", dir.path().string()},
          wave_input());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, dir.path().string() +
                                  ": error[E200]: cannot read the weights file: is a folder, not "
                                  "a regular file"))
      << r.err;
  EXPECT_FALSE(contains(r.err, "empty weights file")) << r.err;
}

TEST(WeightsCli, WeightsAndAuthoredWeightsExcludeEachOther) {
  const RunResult r =
      run({"classify", "--rules", toy_rules(), "--weights", "w.tsv", "--authored-weights"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--weights and --authored-weights exclude each other")) << r.err;
}

TEST(WeightsCli, CalibrateNeedsSomethingToDo) {
  const TempDir dir;
  const std::string gold = dir.write("gold.tsv", toy_gold());
  const RunResult r = run({"calibrate", "--rules", toy_rules(), "--gold", gold});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "nothing to do")) << r.err;
}

TEST(WeightsCli, CrossValidationComparesAuthoredAndLearnedOnHeldOutSentences) {
  const TempDir dir;
  const std::string gold = dir.write("gold.tsv", toy_gold());
  const RunResult r =
      run({"calibrate", "--rules", toy_rules(), "--no-plugins", "--gold", gold, "--cv", "3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // No url column: every sentence is a page of its own.
  EXPECT_TRUE(contains(r.out, "3 folds grouped by url: 142 groups, 142 sentences")) << r.out;
  // Every wave sentence is given greeting at 0.6 by the authored weights,
  // so 27 of 30 are right and 3 false positives; farewell is perfect.
  EXPECT_TRUE(contains(r.out, "authored  greeting        0.900  1.000  0.947")) << r.out;
  EXPECT_TRUE(contains(r.out, "authored  farewell        1.000  1.000  1.000")) << r.out;
  EXPECT_TRUE(contains(r.out, "learned   greeting")) << r.out;
  EXPECT_TRUE(contains(r.out, "learned   macro / all")) << r.out;
  EXPECT_FALSE(contains(r.out, "Wrote")) << r.out;
}

TEST(WeightsCli, ExplainShowsLearnedAndAuthoredWeightsAndTermsThatSum) {
  const auto c = calibrate_toy();
  ASSERT_EQ(c->result.exit_code, 0) << c->result.err;
  const RunResult r =
      run({"explain", "--rules", toy_rules(), "--no-plugins", "--weights", c->weights,
           "Lee waved at his friend and said hello to his neighbours."});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Scoring with learned weights (" + c->weights + ")")) << r.out;
  EXPECT_TRUE(contains(r.out, "authored 0.600")) << r.out;
  // The greeting block: prior term, two counted rules (every rule counts
  // with learned weights), then the log-odds they sum to.
  double sum = 0;
  double total = std::nan("");
  int terms = 0;
  bool in_greeting = false;
  for (const std::string& line : split_lines(r.out)) {
    if (line.rfind("greeting (prior", 0) == 0) in_greeting = true;
    if (!in_greeting) continue;
    if (line.rfind("    ", 0) == 0 || line.rfind("  + ", 0) == 0) {
      sum += std::stod(line.substr(4, line.find("  ", 4) - 4));
      ++terms;
    } else if (line.rfind("  = ", 0) == 0) {
      total = std::stod(line.substr(4));
      break;
    }
  }
  EXPECT_EQ(terms, 3) << r.out;
  EXPECT_NEAR(sum, total, 0.0021) << r.out;
  EXPECT_FALSE(contains(r.out, "not counted")) << r.out;
}

TEST(WeightsCli, ShippedRulesScoreWithTheShippedWeightsByDefault) {
  const RunResult r = run({"explain", "--no-plugins", "France expelled two envoys."});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(contains(r.out, "Scoring with learned weights (")) << r.out;
  EXPECT_TRUE(contains(r.out, "weights.tsv)")) << r.out;
  const RunResult authored =
      run({"explain", "--no-plugins", "--authored-weights", "France expelled two envoys."});
  EXPECT_TRUE(contains(authored.out, "Scoring with authored weights.")) << authored.out;
}

}  // namespace
}  // namespace demarche_cli_test
