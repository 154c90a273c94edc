// Learned weights: fitting them, their file, and scoring with them.
#include "demarche/weights.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "demarche/engine.hpp"
#include "score/scorer.hpp"

namespace demarche {
namespace {

using score::logit;
using score::sigmoid;

std::string rules_text(const std::string& alpha_weight = "0.6") {
  return R"(event signal
  prior: 0.05
# a comment, which the rules' hash ignores
rule signal.alpha
  type: signal
  weight: )" +
         alpha_weight +
         R"(
  match: alpha
rule signal.beta
  type: signal
  weight: 0.6
  match: beta
rule signal.rare
  type: signal
  weight: 0.7
  match: gamma
)";
}

std::shared_ptr<const Engine> build(const std::string& text) {
  const Loaded loaded = compile_rules({{"s.rules", text}}, LoadOptions{});
  for (const auto& d : loaded.diagnostics) {
    if (d.is_error()) ADD_FAILURE() << d.to_string();
  }
  return loaded.engine;
}

// The truth the fit should find: with nothing fired the event is there 2% of
// the time, "alpha" alone 90%, "beta" alone 30%, both as the model combines
// them. "gamma" occurs twice, too rarely to be fitted.
constexpr double kPrior = 0.02, kAlpha = 0.9, kBeta = 0.3;

std::vector<LabelledSentence> synthetic_sentences(std::size_t count, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<LabelledSentence> out;
  for (std::size_t i = 0; i < count; ++i) {
    const double u = unit(random);
    std::string text;
    double log_odds = logit(kPrior);
    if (u < 0.5) {
      text = "The committee met on a quiet morning.";
    } else if (u < 0.7) {
      text = "An alpha report came in overnight.";
      log_odds = logit(kAlpha);
    } else if (u < 0.9) {
      text = "A beta report came in overnight.";
      log_odds = logit(kBeta);
    } else {
      text = "An alpha report and a beta report came in.";
      log_odds = logit(kAlpha) + logit(kBeta) - logit(kPrior);
    }
    LabelledSentence s{text, {}};
    if (unit(random) < sigmoid(log_odds)) s.labels.push_back("signal");
    out.push_back(std::move(s));
  }
  out.push_back({"A gamma report came in.", {"signal"}});
  out.push_back({"Another gamma report came in.", {}});
  return out;
}

const LearnedWeights::Entry* entry(const LearnedWeights& w, const std::string& name) {
  for (const auto& e : w.entries) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

FitResult fit_synthetic(const Engine& engine) {
  FitOptions options;
  options.l2 = 1e-3;  // weak: let 8000 sentences speak
  options.min_support = 3;
  return fit_weights(engine, synthetic_sentences(8000, 17), options, "synthetic");
}

TEST(Weights, FitRecoversKnownWeightsFromSyntheticData) {
  const auto engine = build(rules_text());
  ASSERT_TRUE(engine);
  const FitResult fit = fit_synthetic(*engine);
  EXPECT_TRUE(fit.not_converged.empty());
  const LearnedWeights& w = fit.weights;
  EXPECT_EQ(w.rules_hash, engine->rules_hash());
  ASSERT_TRUE(entry(w, "signal"));
  EXPECT_NEAR(entry(w, "signal")->value, kPrior, 0.008);
  ASSERT_TRUE(entry(w, "signal.alpha"));
  EXPECT_NEAR(entry(w, "signal.alpha")->value, kAlpha, 0.03);
  EXPECT_TRUE(entry(w, "signal.alpha")->fitted);
  EXPECT_DOUBLE_EQ(entry(w, "signal.alpha")->authored, 0.6);
  ASSERT_TRUE(entry(w, "signal.beta"));
  EXPECT_NEAR(entry(w, "signal.beta")->value, kBeta, 0.03);
}

TEST(Weights, TooLittleSupportKeepsTheAuthoredWeight) {
  const auto engine = build(rules_text());
  ASSERT_TRUE(engine);
  const LearnedWeights w = fit_synthetic(*engine).weights;
  const LearnedWeights::Entry* rare = entry(w, "signal.rare");
  ASSERT_TRUE(rare);
  EXPECT_EQ(rare->support, 2u);
  EXPECT_FALSE(rare->fitted);
  EXPECT_DOUBLE_EQ(rare->value, 0.7);
}

TEST(Weights, StrongPriorKeepsWeightsNearTheAuthors) {
  const auto engine = build(rules_text());
  ASSERT_TRUE(engine);
  FitOptions options;
  options.l2 = 1e6;
  const LearnedWeights w = fit_weights(*engine, synthetic_sentences(2000, 3), options).weights;
  EXPECT_NEAR(entry(w, "signal.alpha")->value, 0.6, 0.01);
  EXPECT_NEAR(entry(w, "signal")->value, 0.05, 0.005);
}

TEST(Weights, LearnedPriorsAndWeightsStayWithinTheScorersBounds) {
  // alpha is never wrong and nothing else ever is the event: with a weak
  // prior, unbounded, the fit would put alpha near 1 and the prior near 0.
  const auto engine = build(rules_text());
  ASSERT_TRUE(engine);
  std::vector<LabelledSentence> sentences;
  for (int i = 0; i < 300; ++i) {
    sentences.push_back({"An alpha report came in overnight.", {"signal"}});
    sentences.push_back({"The committee met on a quiet morning.", {}});
  }
  FitOptions options;
  options.l2 = 1e-3;
  const FitResult fit = fit_weights(*engine, sentences, options);
  EXPECT_TRUE(fit.not_converged.empty());
  EXPECT_NEAR(entry(fit.weights, "signal.alpha")->value, kMaxConfidence, 1e-9);
  EXPECT_NEAR(entry(fit.weights, "signal")->value, kMinConfidence, 1e-9);
  // And the file keeps them readable: strictly between 0 and 1.
  const WeightsRead read = parse_weights(format_weights(fit.weights), "w.tsv");
  ASSERT_TRUE(read.ok());
}

TEST(Weights, EngineScoresWithLearnedWeightsAndCountsEveryRule) {
  const auto engine = build(rules_text());
  ASSERT_TRUE(engine);
  const LearnedWeights w = fit_synthetic(*engine).weights;
  std::vector<Diagnostic> warnings;
  const Engine learned = engine->with_weights(w, &warnings);
  EXPECT_TRUE(warnings.empty());
  EXPECT_TRUE(learned.uses_learned_weights());
  EXPECT_FALSE(engine->uses_learned_weights());
  const double prior = entry(w, "signal")->value;
  const double alpha = entry(w, "signal.alpha")->value;
  const double beta = entry(w, "signal.beta")->value;
  EXPECT_DOUBLE_EQ(learned.event_types()[0].prior, prior);
  EXPECT_DOUBLE_EQ(learned.event_types()[0].authored_prior, 0.05);
  EXPECT_DOUBLE_EQ(learned.rules()[0].weight, alpha);
  EXPECT_DOUBLE_EQ(learned.rules()[0].authored_weight, 0.6);

  const SentenceResult alone = learned.classify_sentence("An alpha report.");
  ASSERT_EQ(alone.events.size(), 1u);
  EXPECT_NEAR(alone.events[0].confidence, alpha, 1e-9);

  const SentenceResult both = learned.classify_sentence("An alpha report and a beta report.");
  ASSERT_EQ(both.events.size(), 1u);
  for (const Evidence& e : both.events[0].evidence) EXPECT_TRUE(e.counted) << e.rule_id;
  EXPECT_NEAR(both.events[0].confidence, sigmoid(logit(alpha) + logit(beta) - logit(prior)), 1e-9);

  // The authored engine is untouched.
  EXPECT_NEAR(engine->classify_sentence("An alpha report.").events[0].confidence, 0.6, 1e-9);
  EXPECT_NEAR(
      learned.with_authored_weights().classify_sentence("An alpha report.").events[0].confidence,
      0.6, 1e-9);
}

// Weights that name only some types' priors (classify keeps only the types
// whose rules are unchanged): the others keep their authored numbers and the
// authored way of counting, where a group counts once.
TEST(Weights, ATypeTheWeightsDoNotNameKeepsTheAuthoredCounting) {
  const auto engine = build(R"(event left
  prior: 0.05
event right
  prior: 0.05
rule left.one
  type: left
  weight: 0.6
  group: l
  match: one
rule left.two
  type: left
  weight: 0.6
  group: l
  match: two
rule right.three
  type: right
  weight: 0.6
  group: r
  match: three
rule right.four
  type: right
  weight: 0.6
  group: r
  match: four
)");
  ASSERT_TRUE(engine);
  LearnedWeights w;
  w.rules_hash = engine->rules_hash();
  w.entries = {{LearnedWeights::Kind::kPrior, "left", 0.05, 0.05, 10, true, 0},
               {LearnedWeights::Kind::kRule, "left.one", 0.6, 0.6, 10, true, 0},
               {LearnedWeights::Kind::kRule, "left.two", 0.6, 0.6, 10, true, 0}};
  const Engine learned = engine->with_weights(w);
  const SentenceResult r = learned.classify_sentence("one two three four");
  ASSERT_EQ(r.events.size(), 2u);
  for (const Event& event : r.events) {
    std::size_t counted = 0;
    for (const Evidence& e : event.evidence) counted += e.counted ? 1 : 0;
    EXPECT_EQ(counted, event.type == "left" ? 2u : 1u) << event.type;
  }
}

TEST(Weights, FileRoundTrips) {
  const auto engine = build(rules_text());
  ASSERT_TRUE(engine);
  LearnedWeights w = fit_synthetic(*engine).weights;
  w.l2 = 1e-12;  // nine significant digits once wrote this as 1
  const std::string text = format_weights(w);
  const WeightsRead read = parse_weights(text, "w.tsv");
  ASSERT_TRUE(read.ok()) << (read.diagnostics.empty() ? "" : read.diagnostics[0].to_string());
  EXPECT_EQ(read.weights->l2, 1e-12);
  // A byte order mark in front is nothing, as in every input.
  EXPECT_TRUE(parse_weights("\xEF\xBB\xBF" + text, "bom.tsv").ok());
  EXPECT_EQ(read.weights->rules_hash, w.rules_hash);
  // Each type's fingerprint, for keeping the types whose rules are unchanged.
  ASSERT_EQ(w.type_hashes.size(), engine->event_types().size());
  for (const EventTypeInfo& type : engine->event_types()) {
    EXPECT_EQ(w.type_hashes.at(type.name), engine->rules_hash(type.name));
  }
  EXPECT_EQ(read.weights->type_hashes, w.type_hashes);
  EXPECT_EQ(read.weights->fitted_on, "synthetic");
  EXPECT_EQ(read.weights->min_support, 3u);
  ASSERT_EQ(read.weights->entries.size(), w.entries.size());
  for (std::size_t i = 0; i < w.entries.size(); ++i) {
    EXPECT_EQ(read.weights->entries[i].kind, w.entries[i].kind);
    EXPECT_EQ(read.weights->entries[i].name, w.entries[i].name);
    // Exactly: a weights file is read back as the numbers that were fitted.
    EXPECT_EQ(read.weights->entries[i].value, w.entries[i].value);
    EXPECT_EQ(read.weights->entries[i].support, w.entries[i].support);
    EXPECT_EQ(read.weights->entries[i].fitted, w.entries[i].fitted);
    EXPECT_GT(read.weights->entries[i].line, 0);
  }
}

// Found by tests/fuzz/fuzz_weights: a carriage return inside fitted_on was
// written back as a space, so the file read back was another file.
TEST(Weights, WhatIsReadIsWhatIsWrittenBack) {
  const std::string text =
      "format\tdemarche-weights\t1\nrules_hash\tfnv1a64:0\nfitted_on\tdev.tsv\rdev2.tsv\r\r\n"
      "l2\t1\nmin_support\t3\nkind\tname\tvalue\tauthored\tsupport\tfitted\n";
  const WeightsRead read = parse_weights(text, "cr.tsv");
  ASSERT_TRUE(read.ok()) << read.diagnostics[0].to_string();
  EXPECT_EQ(read.weights->fitted_on, "dev.tsv dev2.tsv ");
  const WeightsRead again = parse_weights(format_weights(*read.weights), "again.tsv");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.weights->fitted_on, read.weights->fitted_on);
  EXPECT_EQ(again.weights->rules_hash, "fnv1a64:0");
}

TEST(Weights, LoadingWeightsFittedOnOtherRulesWarns) {
  const auto fitted_on = build(rules_text());
  const auto edited = build(rules_text("0.65"));
  ASSERT_TRUE(fitted_on && edited);
  EXPECT_NE(fitted_on->rules_hash(), edited->rules_hash());
  LearnedWeights w = fit_synthetic(*fitted_on).weights;
  w.source = "old.tsv";
  std::vector<Diagnostic> warnings;
  const Engine learned = edited->with_weights(w, &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].severity, Severity::kWarning);
  EXPECT_EQ(warnings[0].code, "W201");
  EXPECT_EQ(warnings[0].file, "old.tsv");
  EXPECT_NE(warnings[0].message.find("fitted on other rules"), std::string::npos);
  // The named rules still take the learned numbers.
  EXPECT_DOUBLE_EQ(learned.rules()[0].weight, entry(w, "signal.alpha")->value);
}

TEST(Weights, UnknownRuleInTheFileWarnsWithItsLine) {
  const auto engine = build(rules_text());
  ASSERT_TRUE(engine);
  const std::string text = "format\tdemarche-weights\t1\nrules_hash\t" + engine->rules_hash() +
                           "\nkind\tname\tvalue\tauthored\tsupport\tfitted\n"
                           "rule\tsignal.gone\t0.8\t0.7\t12\tyes\n";
  const WeightsRead read = parse_weights(text, "w.tsv");
  ASSERT_TRUE(read.ok());
  std::vector<Diagnostic> warnings;
  (void)engine->with_weights(*read.weights, &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].line, 4);
  EXPECT_NE(warnings[0].message.find("signal.gone"), std::string::npos);
}

TEST(Weights, RulesHashIgnoresCommentsButNotDefinitions) {
  const std::string base = rules_text();
  const auto a = build(base);
  const auto commented = build("# another comment\n" + base);
  const auto redefined =
      build(base + "rule signal.delta\n  type: signal\n  weight: 0.7\n  match: delta\n");
  ASSERT_TRUE(a && commented && redefined);
  EXPECT_EQ(a->rules_hash(), commented->rules_hash());
  EXPECT_NE(a->rules_hash(), redefined->rules_hash());
  EXPECT_EQ(a->rules_hash().rfind("fnv1a64-pieces:", 0), 0u);
}

// Weights files fitted before each piece was hashed once carry the earlier
// fingerprint; they must still match the rules they were fitted on, and only
// those. The value is what the earlier builds gave for rules_text().
TEST(Weights, FingerprintsOfEarlierBuildsStillMatchTheirRules) {
  constexpr const char* kEarlier = "fnv1a64:20b29a38a7e76a39";
  const auto same = build(rules_text());
  const auto edited = build(rules_text("0.65"));
  ASSERT_TRUE(same && edited);
  EXPECT_TRUE(same->has_rules_hash(kEarlier));
  EXPECT_TRUE(same->has_rules_hash(kEarlier, "signal"));
  EXPECT_FALSE(edited->has_rules_hash(kEarlier));
  EXPECT_FALSE(edited->has_rules_hash(kEarlier, "signal"));
  EXPECT_FALSE(same->has_rules_hash(kEarlier, "no-such-type"));
  // Today's fingerprint, of the whole and of a type.
  EXPECT_TRUE(same->has_rules_hash(same->rules_hash()));
  EXPECT_TRUE(same->has_rules_hash(same->rules_hash("signal"), "signal"));
  EXPECT_FALSE(same->has_rules_hash(edited->rules_hash()));
  EXPECT_FALSE(same->has_rules_hash(""));
  EXPECT_FALSE(same->has_rules_hash("fnv1a64:"));

  LearnedWeights w = fit_synthetic(*same).weights;
  w.rules_hash = kEarlier;
  std::vector<Diagnostic> warnings;
  (void)same->with_weights(w, &warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front().to_string();
  (void)edited->with_weights(w, &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].message.find("fitted on other rules"), std::string::npos);
}

struct BadFile {
  std::string text;
  int line;
  int column;
  std::string says;
};

TEST(Weights, FileErrorsNameLineColumnAndProblem) {
  const std::string head = "format\tdemarche-weights\t1\nrules_hash\tfnv1a64:0\n";
  const std::string columns = "kind\tname\tvalue\tauthored\tsupport\tfitted\n";
  const std::vector<BadFile> cases = {
      {"hello\n", 1, 1, "not a demarche weights file"},
      {"format\tdemarche-weights\t9\n", 1, 25, "version '9' is not supported"},
      {head + columns + "rule\ta\t1.5\t0.7\t3\tyes\n", 4, 8, "strictly between 0 and 1"},
      {head + columns + "rule\ta\tabc\t0.7\t3\tyes\n", 4, 8, "strictly between 0 and 1"},
      {head + columns + "weight\ta\t0.5\t0.7\t3\tyes\n", 4, 1, "kind must be"},
      {head + columns + "rule\ta\t0.5\t0.7\n", 4, 1, "expected 6 tab-separated fields"},
      {head + columns + "rule\ta\t0.5\t0.7\t3\tyes\nrule\ta\t0.6\t0.7\t3\tyes\n", 5, 6,
       "already given on line 4"},
      {head + "colour\tblue\n", 3, 1, "unknown header key 'colour'"},
      {head + columns + "plugin\tmodality/expulsion\t1e308\t1\t3\tyes\n", 4, 27,
       "a plugin's factor must be a number from -100 to 100"},
      // A hash ending in a carriage return (a line ending "\r\r\n") was read,
      // then written back as a line whose CR is stripped: another hash.
      {"format\tdemarche-weights\t1\nrules_hash\tfnv1a64:0\r\r\n", 2, 12,
       "a rules hash is one word"},
      {head + "type_hash\texpulsion\tfnv1a64:0 1\n", 3, 21, "a rules hash is one word"},
  };
  for (const BadFile& bad : cases) {
    const WeightsRead read = parse_weights(bad.text, "bad.tsv");
    EXPECT_FALSE(read.ok()) << bad.text;
    ASSERT_FALSE(read.diagnostics.empty()) << bad.text;
    const Diagnostic& d = read.diagnostics[0];
    EXPECT_EQ(d.file, "bad.tsv");
    EXPECT_EQ(d.line, bad.line) << bad.text;
    EXPECT_EQ(d.column, bad.column) << bad.text;
    EXPECT_NE(d.message.find(bad.says), std::string::npos) << d.message;
  }
  EXPECT_FALSE(read_weights_file("/nonexistent/weights.tsv").ok());
}

// Found by tests/fuzz/fuzz_weights: each entry was checked against every
// entry before it, so 40,000 entries took over a minute and a file of the
// 64 MiB a weights file may be, hours. A repeated entry is still refused
// with the line of the first.
// 100,000 entries, as a big fit of generated rules writes: all read, and a
// repeat still found by its name with the line it was first given on. (The
// search for repeats used to compare each entry with every one before it,
// minutes for this file; the time is not asserted here, docs/fuzzing.md
// gives it.)
TEST(Weights, ManyEntriesParseAndARepeatIsFoundByName) {
  constexpr int kEntries = 100000;
  std::string text =
      "format\tdemarche-weights\t1\nrules_hash\tfnv1a64:0\n"
      "kind\tname\tvalue\tauthored\tsupport\tfitted\n";
  for (int i = 0; i < kEntries; ++i)
    text += "rule\tgenerated.rule" + std::to_string(i) + "\t0.5\t0.5\t1\tyes\n";
  const WeightsRead read = parse_weights(text, "many.tsv");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.weights->entries.size(), static_cast<std::size_t>(kEntries));

  text += "rule\tgenerated.rule7\t0.6\t0.5\t1\tyes\n";
  const WeightsRead repeated = parse_weights(text, "many.tsv");
  ASSERT_FALSE(repeated.ok());
  EXPECT_EQ(repeated.diagnostics[0].line, kEntries + 4);
  EXPECT_NE(repeated.diagnostics[0].message.find("already given on line 11"), std::string::npos)
      << repeated.diagnostics[0].message;
}

}  // namespace
}  // namespace demarche
