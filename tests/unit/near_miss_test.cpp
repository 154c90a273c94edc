// Engine::near_misses: how close the rules of a type came on a sentence.
#include <gtest/gtest.h>

#include "demarche/engine.hpp"

namespace demarche {
namespace {

constexpr const char* kRules = R"(event expulsion
  prior: 0.05
event sanction
  prior: 0.05

define EXPEL = expel(?:s|led|ling)?
define DIPLOMAT = diplomats?|envoys?

rule expulsion.near.target
  type: expulsion
  weight: 0.9
  match: {EXPEL} ~3 {DIPLOMAT}
  unless: not ~1 {EXPEL}

rule expulsion.near.png
  type: expulsion
  weight: 0.9
  match: declared ~2 persona non grata ~4 {DIPLOMAT}

rule expulsion.near.chain
  type: expulsion
  weight: 0.8
  match: ordered ~3 {DIPLOMAT} ~2 leave

rule expulsion.near.alternatives
  type: expulsion
  weight: 0.8
  match: kicked ~2 out ~3 {DIPLOMAT}
  match: ordered ~3 out

rule sanction.near.freeze
  type: sanction
  weight: 0.9
  match: froze ~3 assets

rule sanction.near.long
  type: sanction
  weight: 0.7
  match: (?:embargoed|boycotted|blockaded|quarantined|blacklisted) ~3 goods

rule expulsion.near.backref
  type: expulsion
  weight: 0.7
  match: the ~1 expulsions?
)";

std::shared_ptr<const Engine> engine() {
  static const std::shared_ptr<const Engine> built = [] {
    const Loaded loaded = compile_rules({{"near.rules", kRules}}, LoadOptions{});
    for (const auto& d : loaded.diagnostics) {
      if (d.is_error()) ADD_FAILURE() << d.to_string();
    }
    return loaded.engine;
  }();
  return built;
}

const NearMiss* find(const std::vector<NearMiss>& misses, const std::string& rule) {
  for (const NearMiss& m : misses) {
    if (m.rule_id == rule) return &m;
  }
  return nullptr;
}

TEST(NearMiss, MissingPieceIsNamedWithTheFoundOnesWords) {
  ASSERT_TRUE(engine());
  const std::string text = "Ruritania expelled the trade attaché.";
  const std::vector<NearMiss> misses = engine()->near_misses(text, "expulsion");
  const NearMiss* m = find(misses, "expulsion.near.target");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, NearMiss::Kind::kPiecesMissing);
  EXPECT_DOUBLE_EQ(m->closeness, 0.5);
  EXPECT_EQ(m->pattern, "{EXPEL} ~3 {DIPLOMAT}");
  EXPECT_EQ(m->file, "near.rules");
  EXPECT_EQ(m->line, 12);
  EXPECT_EQ(m->reason, "`{EXPEL}` found \"expelled\"; `{DIPLOMAT}` not found");
  ASSERT_EQ(m->pieces.size(), 2u);
  EXPECT_EQ(m->pieces[0].source, "{EXPEL}");
  ASSERT_EQ(m->pieces[0].found.size(), 1u);
  EXPECT_EQ(text.substr(m->pieces[0].found[0].begin, m->pieces[0].found[0].size()), "expelled");
  EXPECT_EQ(m->pieces[1].source, "{DIPLOMAT}");
  EXPECT_TRUE(m->pieces[1].found.empty());
}

TEST(NearMiss, PiecesTooFarApartGiveTheDistanceAndTheGap) {
  ASSERT_TRUE(engine());
  const std::string text = "Ruritania expelled, after a long and bitter dispute, two diplomats.";
  const std::vector<NearMiss> misses = engine()->near_misses(text, "expulsion");
  ASSERT_FALSE(misses.empty());
  const NearMiss& m = misses.front();  // closeness 1 comes first
  EXPECT_EQ(m.rule_id, "expulsion.near.target");
  EXPECT_EQ(m.kind, NearMiss::Kind::kTooFarApart);
  EXPECT_DOUBLE_EQ(m.closeness, 1.0);
  EXPECT_EQ(m.reason,
            "all pieces found, but `{EXPEL}` and `{DIPLOMAT}` are 7 words apart (at most ~3)");
}

TEST(NearMiss, PiecesInTheWrongOrder) {
  ASSERT_TRUE(engine());
  const std::vector<NearMiss> misses =
      engine()->near_misses("The diplomats were the ones Ruritania expelled.", "expulsion");
  const NearMiss* m = find(misses, "expulsion.near.target");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, NearMiss::Kind::kTooFarApart);
  EXPECT_EQ(
      m->reason,
      "all pieces found, but `{DIPLOMAT}` \"diplomats\" never follows `{EXPEL}` \"expelled\"");
}

TEST(NearMiss, CancelledRuleShowsWhatMatchedAndTheUnless) {
  ASSERT_TRUE(engine());
  const std::vector<NearMiss> misses =
      engine()->near_misses("Ruritania did not expel the diplomats.", "expulsion");
  ASSERT_FALSE(misses.empty());
  const NearMiss& m = misses.front();
  EXPECT_EQ(m.rule_id, "expulsion.near.target");
  EXPECT_EQ(m.kind, NearMiss::Kind::kCancelled);
  EXPECT_DOUBLE_EQ(m.closeness, 1.0);
  EXPECT_EQ(m.pattern, "not ~1 {EXPEL}");
  EXPECT_EQ(m.line, 13);
  EXPECT_EQ(m.reason,
            "matched \"expel\" \"diplomats\", cancelled by unless: `not ~1 {EXPEL}` (\"not\" "
            "\"expel\")");
}

TEST(NearMiss, RuleWithoutItsActorSaysSoAndWhereItsMatchIsWritten) {
  const std::string rules =
      "gazetteer \"actors.tsv\"\n"
      "event expulsion\n"
      "  prior: 0.05\n"
      "rule expulsion.near.actor\n"
      "  type: expulsion\n"
      "  weight: 0.9\n"
      "  source: state\n"
      "  match: expelled ~3 diplomats\n";
  const std::string gazetteer = "code\tkind\tname\taliases\nVAL\tstate\tValdoria\t\n";
  const Loaded loaded = compile_rules({{"actor.rules", rules}, {"actors.tsv", gazetteer}});
  ASSERT_TRUE(loaded.ok());
  const std::vector<NearMiss> misses =
      loaded.engine->near_misses("The club expelled two diplomats.", "expulsion");
  ASSERT_EQ(misses.size(), 1u);
  const NearMiss& m = misses.front();
  EXPECT_EQ(m.kind, NearMiss::Kind::kCancelled);
  EXPECT_EQ(m.pattern, "expelled ~3 diplomats");
  EXPECT_EQ(m.line, 8);
  EXPECT_EQ(m.reason,
            "matched \"expelled\" \"diplomats\", but no actor of its source: classes stands "
            "where it looks for one");
}

TEST(NearMiss, RulesThatFiredAndRulesWithNothingFoundAreLeftOut) {
  ASSERT_TRUE(engine());
  const std::vector<NearMiss> misses =
      engine()->near_misses("Ruritania expelled two diplomats.", "expulsion");
  EXPECT_EQ(find(misses, "expulsion.near.target"), nullptr);  // it fired
  const NearMiss* png = find(misses, "expulsion.near.png");   // only {DIPLOMAT}
  ASSERT_TRUE(png);
  EXPECT_NEAR(png->closeness, 1.0 / 3.0, 1e-12);
  EXPECT_EQ(
      png->reason,
      "`declared` not found; `persona non grata` not found; `{DIPLOMAT}` found \"diplomats\"");
  EXPECT_TRUE(engine()->near_misses("Nothing happened today.", "expulsion").empty());
}

TEST(NearMiss, OrderedByClosenessThenKindThenRuleOrder) {
  ASSERT_TRUE(engine());
  // chain: 3 of 3 pieces but too far apart; target and alternatives (its
  // `ordered ~3 out`): 1 of 2; png: 1 of 3.
  const std::vector<NearMiss> misses = engine()->near_misses(
      "They ordered the envoys, who had arrived only last year from abroad, to leave.",
      "expulsion");
  std::vector<std::string> ids;
  for (const NearMiss& m : misses) ids.push_back(m.rule_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"expulsion.near.chain", "expulsion.near.target",
                                           "expulsion.near.alternatives", "expulsion.near.png"}));
  EXPECT_EQ(misses[0].reason,
            "all pieces found, but `{DIPLOMAT}` and `leave` are 9 words apart (at most ~2)");
}

TEST(NearMiss, TheClosestOfSeveralMatchLinesIsReported) {
  ASSERT_TRUE(engine());
  const std::vector<NearMiss> misses =
      engine()->near_misses("The envoys were kicked about.", "expulsion");
  const NearMiss* m = find(misses, "expulsion.near.alternatives");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->pattern, "kicked ~2 out ~3 {DIPLOMAT}");
  EXPECT_NEAR(m->closeness, 2.0 / 3.0, 1e-12);
}

TEST(NearMiss, OnlyTheAskedTypeAndUnknownTypes) {
  ASSERT_TRUE(engine());
  const std::vector<NearMiss> misses =
      engine()->near_misses("Ruritania froze the diplomats' assets.", "sanction");
  ASSERT_EQ(misses.size(), 0u);  // sanction.near.freeze fired
  const std::vector<NearMiss> other =
      engine()->near_misses("Ruritania froze nothing at all this year, assets aside.", "sanction");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].rule_id, "sanction.near.freeze");
  EXPECT_TRUE(engine()->near_misses("Ruritania expelled them.", "protest").empty());
}

TEST(NearMiss, CommonWordsAloneComeNowhereNear) {
  ASSERT_TRUE(engine());
  EXPECT_TRUE(engine()->near_misses("The talks ended.", "expulsion").empty());
  const std::vector<NearMiss> misses = engine()->near_misses("An expulsion followed.", "expulsion");
  ASSERT_EQ(misses.size(), 1u);
  EXPECT_EQ(misses[0].rule_id, "expulsion.near.backref");
  EXPECT_EQ(misses[0].reason, "`the` not found; `expulsions?` found \"expulsion\"");
}

TEST(NearMiss, LongRawPiecesAreCutShortInTheReasonOnly) {
  ASSERT_TRUE(engine());
  const std::vector<NearMiss> misses =
      engine()->near_misses("Ruritania boycotted the summit.", "sanction");
  ASSERT_EQ(misses.size(), 1u);
  EXPECT_EQ(misses[0].reason,
            "`(?:embargoed|boycotted|blockaded|quar...` found \"boycotted\"; `goods` not found");
  EXPECT_EQ(misses[0].pieces[0].source,
            "(?:embargoed|boycotted|blockaded|quarantined|blacklisted)");
}

}  // namespace
}  // namespace demarche
