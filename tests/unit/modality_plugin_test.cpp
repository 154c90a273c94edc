// The shipped modality plugin (plugins/modality/): events whose rule
// evidence is negated, threatened, demanded or hypothetical are brought under
// the reporting threshold and annotated; asserted ones are left alone.
//
// Most tests use the small rule set below, which has no `unless:` patterns,
// so that what is tested is the plugin and not the rules' own guards (the
// shipped rules cancel many of these sentences themselves). One test runs the
// shipped rules. Every sentence here was written for these tests.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "demarche/engine.hpp"
#include "demarche/plugins.hpp"

namespace demarche {
namespace {

constexpr double kThreshold = 0.5;

constexpr const char* kTypes = R"(event expulsion
  prior: 0.03
  description: A state makes foreign officials leave.
event withdrawal
  prior: 0.03
  description: A state takes its own people out.
event condemnation
  prior: 0.05
  description: A state condemns another.
event sanction
  prior: 0.03
  description: A state imposes sanctions.
)";

constexpr const char* kRules = R"(
rule expulsion.t.expel
  type: expulsion
  weight: 0.93
  description: expel and a target
  match: expel(?:s|led|ling)? ~6 (?:diplomats?|envoys?|ambassador|attach[eé]s?|consul)

rule expulsion.t.passive
  type: expulsion
  weight: 0.9
  description: a target was expelled
  match: (?:diplomats?|envoys?) ~6 expelled

rule expulsion.t.order_out
  type: expulsion
  weight: 0.88
  description: ordering a target out
  match: order(?:s|ed)? ~4 (?:diplomats?|envoys?) ~2 out

rule expulsion.t.leave
  type: expulsion
  weight: 0.86
  description: a deadline to leave
  match: leave ~4 within ~3 (?:hours|days)

rule withdrawal.t.recall
  type: withdrawal
  weight: 0.93
  description: recalling an ambassador
  match: recall(?:s|ed|ing)? ~5 ambassador

rule withdrawal.t.troops
  type: withdrawal
  weight: 0.9
  description: taking troops out
  match: withdraw(?:s|n|ing|al)? ~6 troops
  match: pull(?:s|ed|ing)? ~3 troops ~2 out

rule sanction.t.impose
  type: sanction
  weight: 0.9
  description: imposing sanctions
  match: impos(?:e|es|ed|ing) ~6 (?:sanctions|arms embargo)

rule sanction.t.noun
  type: sanction
  weight: 0.74
  description: sanctions named with an adjective
  match: (?:new|tough|economic) sanctions

rule sanction.t.frozen
  type: sanction
  weight: 0.88
  description: frozen assets
  match: assets ~8 frozen

rule condemnation.t.condemn
  type: condemnation
  weight: 0.9
  description: condemning or criticising
  match: condemn(?:s|ed|ing)?|criticis(?:e|es|ed|ing)
)";

// Three rules on three different words of one phrase, so that all three
// count, and a rule that argues against expulsion on "ruled out".
constexpr const char* kStrongRules = R"(
rule expulsion.s.verb
  type: expulsion
  weight: 0.93
  description: the verb
  match: expel(?:ling)?

rule expulsion.s.nationality
  type: expulsion
  weight: 0.8
  description: a nationality
  match: Syldavian

rule expulsion.s.target
  type: expulsion
  weight: 0.9
  description: the target
  match: envoys

rule expulsion.s.against
  type: expulsion
  weight: 0.01
  description: ruling out argues against
  match: ruled out
)";

std::shared_ptr<const Engine> compile(const std::string& body) {
  const Loaded loaded = compile_rules({{"t.rules", std::string(kTypes) + body}});
  for (const auto& d : loaded.diagnostics) {
    if (d.is_error()) ADD_FAILURE() << d.to_string();
  }
  return loaded.engine;
}

std::shared_ptr<const PluginSet> modality() {
  static const std::shared_ptr<const PluginSet> set =
      load_plugins({std::string(DEMARCHE_SHIPPED_PLUGINS) + "/modality.so"});
  return set;
}

// The rules alone and the rules with the modality plugin.
struct Engines {
  std::shared_ptr<const Engine> rules;
  Engine with_plugin;
};

Engines engines_for(std::shared_ptr<const Engine> rules) {
  Engine with = rules->with_plugins(modality());
  return {std::move(rules), std::move(with)};
}

const Engines& toy() {
  static const Engines e = engines_for(compile(kRules));
  return e;
}

const Engines& strong() {
  static const Engines e = engines_for(compile(kStrongRules));
  return e;
}

const Engines& shipped() {
  static const Engines e =
      engines_for(load_rules({std::string(DEMARCHE_SOURCE_DIR) + "/rules"}).engine);
  return e;
}

const Event* event_of(const SentenceResult& r, const std::string& type) {
  for (const Event& e : r.events) {
    if (e.type == type) return &e;
  }
  return nullptr;
}

std::string modality_of(const Event& e) {
  for (const Attribute& a : e.attributes) {
    if (a.key == "modality" && a.plugin == "modality") return a.value;
  }
  return "";
}

const Evidence* plugin_evidence(const Event& e) {
  for (const Evidence& ev : e.evidence) {
    if (ev.rule_id == "plugin:modality") return &ev;
  }
  return nullptr;
}

double target(const std::string& modality) {
  if (modality == "negated") return 0.05;
  if (modality == "demanded") return 0.10;
  return 0.15;  // threatened, hypothetical
}

struct Case {
  const char* sentence;
  const char* type;
};

// The rules alone report `type`; with the plugin the event is annotated
// `modality`, lands exactly at that class's confidence, below the threshold,
// on evidence against that rests on the cue's words and says which cue.
void expect_lowered(const Engines& engines, const Case& c, const std::string& modality) {
  SCOPED_TRACE(c.sentence);
  const SentenceResult before = engines.rules->classify_sentence(c.sentence);
  const SentenceResult after = engines.with_plugin.classify_sentence(c.sentence);
  ASSERT_TRUE(after.plugin_faults.empty()) << after.plugin_faults[0].message;
  const Event* rules_only = event_of(before, c.type);
  ASSERT_NE(rules_only, nullptr);
  ASSERT_GE(rules_only->confidence, kThreshold);
  const Event* event = event_of(after, c.type);
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(modality_of(*event), modality);
  EXPECT_NEAR(event->confidence, target(modality), 1e-9);
  EXPECT_LT(event->confidence, kThreshold);
  const Evidence* against = plugin_evidence(*event);
  ASSERT_NE(against, nullptr);
  EXPECT_TRUE(against->counted);
  EXPECT_LT(against->weight, event->prior);
  EXPECT_EQ(against->plugin_note.rfind(modality + ": '", 0), 0u) << against->plugin_note;
  ASSERT_EQ(against->spans.size(), 1u);
  const Span cue = against->spans[0];
  ASSERT_LE(cue.end, std::string(c.sentence).size());
  const std::string words = std::string(c.sentence).substr(cue.begin, cue.size());
  EXPECT_FALSE(words.empty());
  EXPECT_NE(against->plugin_note.find(words), std::string::npos) << against->plugin_note;
}

// The plugin changes nothing: same confidence, no evidence, no annotation.
void expect_untouched(const Engines& engines, const char* sentence) {
  SCOPED_TRACE(sentence);
  const SentenceResult before = engines.rules->classify_sentence(sentence);
  const SentenceResult after = engines.with_plugin.classify_sentence(sentence);
  ASSERT_TRUE(after.plugin_faults.empty()) << after.plugin_faults[0].message;
  ASSERT_FALSE(before.events.empty()) << "no rule fired: the sentence tests nothing";
  ASSERT_EQ(before.events.size(), after.events.size());
  for (const Event& e : before.events) {
    const Event* same = event_of(after, e.type);
    ASSERT_NE(same, nullptr);
    EXPECT_DOUBLE_EQ(same->confidence, e.confidence) << e.type;
    EXPECT_EQ(plugin_evidence(*same), nullptr) << e.type;
    EXPECT_TRUE(same->attributes.empty()) << e.type << " " << modality_of(*same);
  }
}

TEST(ModalityPlugin, LoadsFromTheShippedFolder) {
  ASSERT_EQ(modality()->reports.size(), 1u);
  const PluginReport& report = modality()->reports[0];
  EXPECT_TRUE(report.loaded) << report.reason;
  EXPECT_EQ(report.name, "modality");
}

TEST(ModalityPlugin, NegationsOfEveryKindAreNegated) {
  const Case cases[] = {
      {"Valdoria did not expel the Syldavian diplomats.", "expulsion"},
      {"Valdoria has not yet expelled any Syldavian diplomats.", "expulsion"},
      {"Valdoria has not formally or publicly expelled any Syldavian diplomats.", "expulsion"},
      {"The Syldavian envoys were not expelled, the ministry said.", "expulsion"},
      {"Valdoria has not, so far, expelled any Syldavian diplomats.", "expulsion"},
      {"Valdoria denied that it had expelled the Syldavian attaché.", "expulsion"},
      {"Valdoria ruled out expelling the Syldavian ambassador.", "expulsion"},
      {"Valdoria refused to recall its ambassador from Syldavia.", "withdrawal"},
      {"Valdoria has no plans to recall its ambassador from Syldavia.", "withdrawal"},
      {"Valdoria never recalled its ambassador from Syldavia.", "withdrawal"},
      {"Valdoria does not intend to withdraw its troops from Syldavia.", "withdrawal"},
      {"Valdoria refused to condemn the attack.", "condemnation"},
      {"Valdoria stopped short of condemning the attack.", "condemnation"},
      {"Valdoria declined to criticise the Syldavian government.", "condemnation"},
      {"Valdoria will not impose sanctions on Syldavia.", "sanction"},
      {"The council failed to impose an arms embargo on Syldavia.", "sanction"},
      {"Reports that Valdoria had expelled Syldavian diplomats were denied by the ministry.",
       "expulsion"},
  };
  for (const Case& c : cases) expect_lowered(toy(), c, "negated");
}

TEST(ModalityPlugin, ThreatsPlansAndPossibilitiesAreThreatened) {
  const Case cases[] = {
      {"Valdoria threatened to expel the Syldavian ambassador.", "expulsion"},
      {"Valdoria threatened on Tuesday, after a stormy cabinet meeting, to expel three "
       "Syldavian diplomats.",
       "expulsion"},
      // A second infinitive coordinated with the first is threatened too.
      {"Valdoria threatened to cut off gas supplies and expel the Syldavian envoys.", "expulsion"},
      {"Valdoria vowed to close the border or impose sanctions on Syldavia.", "sanction"},
      {"Valdoria warned it would impose sanctions on Syldavia.", "sanction"},
      {"Valdoria vowed to impose sanctions on Syldavia.", "sanction"},
      {"Valdoria is considering withdrawing its troops from Syldavia.", "withdrawal"},
      {"Valdoria plans to withdraw its troops from Syldavia.", "withdrawal"},
      {"Valdoria is preparing to recall its ambassador from Syldavia.", "withdrawal"},
      {"Valdoria could expel the Syldavian envoys as early as next week.", "expulsion"},
      {"The bloc may impose new sanctions on Syldavia.", "sanction"},
      {"The prospect of tough sanctions against Syldavia has rattled markets.", "sanction"},
      {"The bloc threatened Syldavia and its two allies with new sanctions.", "sanction"},
      {"Any state that recognises the region will face new sanctions, Valdoria said.", "sanction"},
      {"Firms that trade with Syldavia risk exposure to new sanctions, the bloc said.", "sanction"},
      {"Valdoria hoped the talks would eventually lead to new sanctions on Syldavia.", "sanction"},
      // The hoped-for clause reaches over a long list of what it names.
      {"Valdoria hoped the accord would eventually lead to the return of the refugees to their "
       "villages as well as the withdrawal of Syldavian troops from the valley.",
       "withdrawal"},
      {"The accord, which Valdoria hoped would lead to the return of the refugees, as well as "
       "the withdrawal of Syldavian troops from the valley, was signed in May.",
       "withdrawal"},
  };
  for (const Case& c : cases) expect_lowered(toy(), c, "threatened");
}

TEST(ModalityPlugin, CallsAndDemandsMadeOfOthersAreDemanded) {
  const Case cases[] = {
      {"The EU urged Valdoria to expel the Syldavian diplomats.", "expulsion"},
      {"The EU called for new sanctions on Syldavia.", "sanction"},
      {"Valdoria asked Syldavia to withdraw its troops from the border.", "withdrawal"},
      {"Valdoria pressed its allies to impose sanctions on Syldavia.", "sanction"},
      {"Valdoria asked its partners to impose sanctions on Syldavia.", "sanction"},
      {"Valdoria asked its Western allies to impose sanctions on Syldavia.", "sanction"},
      {"Lawmakers called on the government to recall its ambassador from Syldavia.", "withdrawal"},
      {"Syldavia must withdraw its troops from the border, the minister said.", "withdrawal"},
      // A stack of manner adverbs keeps the verb in the modal's reach.
      {"Syldavia must swiftly and fully withdraw its troops from the border, the minister said.",
       "withdrawal"},
  };
  for (const Case& c : cases) expect_lowered(toy(), c, "demanded");
}

TEST(ModalityPlugin, ConditionsAndQuestionsAreHypothetical) {
  const Case cases[] = {
      {"Valdoria would withdraw its troops if Syldavia attacked.", "withdrawal"},
      {"Valdoria will impose sanctions on Syldavia if the border is closed.", "sanction"},
      {"If Syldavia invades, the bloc will impose sanctions on it.", "sanction"},
      {"Unless Syldavia apologises, Valdoria will expel its ambassador.", "expulsion"},
      {"Valdoria, if attacked, will withdraw its troops from Syldavia.", "withdrawal"},
      {"If Valdoria expels the envoys, Syldavia will retaliate.", "expulsion"},
      {"Had Valdoria expelled the envoys, the talks would have collapsed.", "expulsion"},
      {"A draft which would have imposed an arms embargo on Syldavia failed.", "sanction"},
      {"It is unclear whether Valdoria will recall its ambassador.", "withdrawal"},
      {"Will Valdoria expel the Syldavian envoys?", "expulsion"},
      {"Tough sanctions on Syldavia would be a mistake, the minister said.", "sanction"},
  };
  for (const Case& c : cases) expect_lowered(toy(), c, "hypothetical");
}

TEST(ModalityPlugin, ProposalsAndRecommendationsToOthersAreDemanded) {
  const Case cases[] = {
      {"The minister suggested that the cabinet order the Syldavian envoys out.", "expulsion"},
      {"The minister suggested that the cabinet suspend the trade deal and impose sanctions on "
       "Syldavia.",
       "sanction"},
      {"The committee recommended that Valdoria recall its ambassador from Syldavia.",
       "withdrawal"},
      {"The opposition proposed that Valdoria withdraw its troops from Syldavia.", "withdrawal"},
      {"The panel recommended imposing sanctions on Syldavia.", "sanction"},
      {"The assembly advised the cabinet to impose sanctions on Syldavia.", "sanction"},
  };
  for (const Case& c : cases) expect_lowered(toy(), c, "demanded");
  // A recommendation in another clause does not reach an event.
  expect_untouched(toy(),
                   "Valdoria expelled two Syldavian envoys after the committee recommended a "
                   "tougher line.");
}

TEST(ModalityPlugin, PredictionsAndOptionsAreThreatened) {
  const Case cases[] = {
      {"New sanctions on Syldavia are expected next week.", "sanction"},
      {"Economic sanctions against Syldavia are likely, diplomats said.", "sanction"},
      {"Analysts predict tough sanctions against Syldavia.", "sanction"},
      {"It is possible that Valdoria will expel the Syldavian envoys.", "expulsion"},
      {"New sanctions would cripple the Syldavian economy, analysts said.", "sanction"},
      {"Valdoria is weighing a withdrawal of its troops among other options.", "withdrawal"},
      {"A withdrawal of troops from Syldavia is among the options being weighed.", "withdrawal"},
      {"Expelling the Syldavian envoys is one of the options on the table.", "expulsion"},
      {"Options include imposing sanctions on Syldavia.", "sanction"},
      {"Tough sanctions against Syldavia remain on the table.", "sanction"},
      {"Tough sanctions against Syldavia might be put in place next month.", "sanction"},
      {"The draft text would impose an arms embargo on Syldavia.", "sanction"},
      {"The Valdorian cabinet is preparing a declaration which sharply condemns the raid.",
       "condemnation"},
  };
  for (const Case& c : cases) expect_lowered(toy(), c, "threatened");
  // What follows from an event is predicted, not the event; options a state
  // was left with are not options it weighs; a text adopted states.
  expect_untouched(toy(),
                   "The withdrawal of Valdorian troops from Syldavia is expected to end by "
                   "June.");
  expect_untouched(toy(), "Left with few options, Valdoria expelled the Syldavian envoys.");
  expect_untouched(toy(), "The council adopted a resolution which condemns the attack.");
  expect_untouched(toy(), "Tough sanctions on Syldavia will remain in place unless it withdraws.");
}

TEST(ModalityPlugin, DeniedOrDismissedReportsAreNegated) {
  const Case cases[] = {
      {"Valdoria dismissed reports that it would pull its troops out of Syldavia.", "withdrawal"},
      {"The ministry rejected claims that Valdoria had expelled two Syldavian envoys.",
       "expulsion"},
      {"Valdoria played down reports that it would recall its ambassador.", "withdrawal"},
      {"The ministry called reports that Valdoria had expelled two Syldavian envoys baseless.",
       "expulsion"},
      {"Valdoria vetoed a resolution that condemned the attack.", "condemnation"},
      {"Syldavian officials are not under economic sanctions.", "sanction"},
      {"Valdoria said it would pull its troops out of Syldavia, but it rescinded the order a day "
       "later.",
       "withdrawal"},
      {"The government denied it had expelled two Syldavian envoys.", "expulsion"},
      {"Valdoria denies it has recalled its ambassador from Syldavia.", "withdrawal"},
  };
  for (const Case& c : cases) expect_lowered(toy(), c, "negated");
  // "denied them visas" and "denied it entry" are the sanction, not a denial.
  expect_untouched(toy(), "Valdoria denied them visas and imposed sanctions on Syldavia.");

  // Mixed: the expulsion is asserted in its own clause, the recall denied.
  const char* mixed =
      "Valdoria expelled two Syldavian envoys and dismissed reports that it would recall its "
      "ambassador.";
  const SentenceResult r = toy().with_plugin.classify_sentence(mixed);
  ASSERT_NE(event_of(r, "expulsion"), nullptr);
  EXPECT_GE(event_of(r, "expulsion")->confidence, kThreshold);
  EXPECT_EQ(modality_of(*event_of(r, "expulsion")), "");
  expect_lowered(toy(), {mixed, "withdrawal"}, "negated");
  // A reversal undoes an announcement, not a report that it was done.
  expect_untouched(toy(),
                   "Valdoria expelled the Syldavian envoys but later reversed the decision.");
  expect_untouched(toy(),
                   "The ministry rejected Syldavia's claims and expelled two of its envoys.");
}

TEST(ModalityPlugin, ConditionsOnAnyoneAndCounterfactualsAreHypothetical) {
  const Case cases[] = {
      {"Valdoria would expel any Syldavian diplomats found meddling in the election.", "expulsion"},
      {"Valdoria will expel any envoy who meets opposition leaders.", "expulsion"},
      {"Valdoria will impose sanctions on whoever supplies the rebels.", "sanction"},
      {"The ministers agreed that tough sanctions would be applied to Syldavia unless the "
       "shelling ended.",
       "sanction"},
      {"Tough sanctions against Syldavia would have wrecked the ceasefire.", "sanction"},
  };
  for (const Case& c : cases) expect_lowered(toy(), c, "hypothetical");
  // Without a modal the same object is a report of what was done.
  expect_untouched(toy(), "Valdoria expelled any Syldavian diplomats it found in the country.");
}

TEST(ModalityPlugin, GenericAndDefinitionalStatementsAreHypothetical) {
  const Case cases[] = {
      {"Under the Vienna Convention any envoy can be expelled without explanation.", "expulsion"},
      {"A host state is entitled to expel foreign diplomats without giving reasons.", "expulsion"},
      {"A host state has the right to expel foreign diplomats.", "expulsion"},
      {"A state that expels Syldavian envoys usually faces retaliation in kind.", "expulsion"},
      {"It is unusual for a Valdorian government to recall its ambassador.", "withdrawal"},
      {"Economic sanctions are typically aimed at warlords and their financiers.", "sanction"},
      {"Valdorian law says a withdrawal of troops is only lawful with parliament's approval.",
       "withdrawal"},
  };
  for (const Case& c : cases) expect_lowered(toy(), c, "hypothetical");
  // "may" stays a possibility, as before.
  expect_lowered(
      toy(), {"Under the convention, a host state may expel a diplomat at any time.", "expulsion"},
      "threatened");

  // Mixed: a general statement in one clause, a recall reported in the next.
  const char* mixed =
      "Although any envoy can be expelled without explanation, Valdoria recalled its ambassador "
      "from Syldavia.";
  const SentenceResult r = toy().with_plugin.classify_sentence(mixed);
  ASSERT_NE(event_of(r, "withdrawal"), nullptr);
  EXPECT_GE(event_of(r, "withdrawal")->confidence, kThreshold);
  EXPECT_EQ(modality_of(*event_of(r, "withdrawal")), "");
  expect_lowered(toy(), {mixed, "expulsion"}, "hypothetical");
  // Measures in force, described in general, stay.
  expect_untouched(toy(), "Assets frozen over the dispute are usually released within a year.");
}

TEST(ModalityPlugin, AssertedSentencesAreLeftAlone) {
  const char* sentences[] = {
      "Valdoria expelled two Syldavian diplomats on Monday.",
      "Valdoria recalled its ambassador from Syldavia for consultations.",
      "The bloc imposed sanctions on six Syldavian officials.",
      "The minister condemned the attack in the strongest terms.",
      "Valdoria has pulled its troops out of Syldavia, the defence ministry said.",
      "Despite warnings from its allies, Valdoria expelled the Syldavian ambassador.",
      "After months of threats, Valdoria finally expelled the Syldavian envoys.",
      "Valdoria, citing security concerns, expelled two Syldavian diplomats.",
      "Not only did Valdoria expel two diplomats, it also closed the consulate.",
      "Valdoria expelled the envoys without warning.",
      "Valdoria expelled two envoys, saying it would not tolerate espionage.",
      "Valdoria decided to expel two Syldavian envoys after warning for weeks.",
      "Valdoria did not hesitate to condemn the attack.",
      "Nobody was surprised when Valdoria expelled the envoys.",
      "The bloc imposed new sanctions that would be reviewed in May.",
      "Syldavia faces new sanctions imposed by the bloc on Monday.",
      // A coordinated past tense opens its own, asserted clause.
      "Valdoria threatened to cut off gas supplies and expelled the Syldavian envoys.",
  };
  for (const char* s : sentences) expect_untouched(toy(), s);
}

TEST(ModalityPlugin, ScheduledAndDecidedFutureActionsStayEvents) {
  const char* sentences[] = {
      "Valdoria will start pulling its troops out of Syldavia next week.",
      "Valdoria is to expel the Syldavian envoys by Friday.",
      "Valdoria will impose sanctions on Syldavia from Monday.",
      "Valdoria said it would expel eighteen Syldavian diplomats.",
      "Valdoria has decided to withdraw its troops from Syldavia.",
  };
  for (const char* s : sentences) {
    expect_untouched(toy(), s);
    EXPECT_GE(toy().with_plugin.classify_sentence(s).events.at(0).confidence, kThreshold) << s;
  }
}

TEST(ModalityPlugin, ACueInAnotherClauseDoesNotReachTheEvent) {
  expect_untouched(toy(), "Although Syldavia denied the charges, Valdoria expelled two envoys.");
  expect_untouched(toy(), "Valdoria, which had long threatened to act, imposed new sanctions.");
  expect_untouched(toy(), "Syldavia refused to apologise, so Valdoria expelled two envoys.");
  expect_untouched(toy(), "Valdoria expelled two envoys, and Syldavia said it could respond.");

  // One sentence, two types: each is judged in its own clause.
  const char* sentence =
      "Valdoria expelled two Syldavian envoys but did not recall its ambassador.";
  const SentenceResult before = toy().rules->classify_sentence(sentence);
  const SentenceResult after = toy().with_plugin.classify_sentence(sentence);
  const Event* expulsion = event_of(after, "expulsion");
  ASSERT_NE(expulsion, nullptr);
  EXPECT_DOUBLE_EQ(expulsion->confidence, event_of(before, "expulsion")->confidence);
  EXPECT_GE(expulsion->confidence, kThreshold);
  EXPECT_EQ(modality_of(*expulsion), "");
  expect_lowered(toy(), {sentence, "withdrawal"}, "negated");

  expect_lowered(
      toy(),
      {"Valdoria condemned the raid after Syldavia refused to withdraw its troops.", "withdrawal"},
      "negated");
  const SentenceResult raid = toy().with_plugin.classify_sentence(
      "Valdoria condemned the raid after Syldavia refused to withdraw its troops.");
  EXPECT_EQ(modality_of(*event_of(raid, "condemnation")), "");
}

TEST(ModalityPlugin, AnAssertedClauseKeepsTheEventWhenAnotherNegatesIt) {
  // Two rules of one type, one in a negated clause and one in an asserted
  // clause, in either order: the event stays as the rules have it.
  expect_untouched(toy(), "Valdoria did not expel the consul, but its envoys were expelled.");
  expect_untouched(toy(),
                   "Its envoys were expelled on Monday, but Valdoria did not expel the consul.");
  const SentenceResult r = toy().rules->classify_sentence(
      "Valdoria did not expel the consul, but its envoys were expelled.");
  ASSERT_NE(event_of(r, "expulsion"), nullptr);
  EXPECT_EQ(event_of(r, "expulsion")->evidence.size(), 2u);
}

TEST(ModalityPlugin, TheEventLandsAtItsTargetEvenWhenSeveralStrongRulesFired) {
  // Three rules of 0.93, 0.8 and 0.9 on three words: the rules alone give
  // expulsion log-odds of about 13.1 (confidence 0.999998).
  const char* threatened = "Valdoria threatened to expel Syldavian envoys.";
  const SentenceResult rules_only = strong().rules->classify_sentence(threatened);
  const Event* alone = event_of(rules_only, "expulsion");
  ASSERT_NE(alone, nullptr);
  int counted = 0;
  for (const Evidence& e : alone->evidence) counted += e.counted;
  EXPECT_EQ(counted, 3);
  EXPECT_GT(alone->log_odds, 13.0);
  expect_lowered(strong(), {threatened, "expulsion"}, "threatened");

  // The contribution is logit(0.15) minus the rules' log-odds exactly.
  const SentenceResult lowered = strong().with_plugin.classify_sentence(threatened);
  const Event* with = event_of(lowered, "expulsion");
  ASSERT_NE(with, nullptr);
  ASSERT_NE(plugin_evidence(*with), nullptr);
  const double logit_target = std::log(0.15 / 0.85);
  EXPECT_NEAR(plugin_evidence(*with)->contribution, logit_target - alone->log_odds, 1e-9);
  EXPECT_NEAR(with->log_odds, logit_target, 1e-9);

  expect_lowered(strong(), {"Valdoria has no plans to expel Syldavian envoys.", "expulsion"},
                 "negated");
}

TEST(ModalityPlugin, EvidenceAgainstAvoidsTheWordsOfARuleThatArguesAgainstAlready) {
  // "ruled out" is matched by a rule of weight 0.01 (evidence against). The
  // plugin's evidence against would overlap it, and of two overlapping
  // pieces of evidence pointing the same way only the stronger counts; so
  // the plugin rests on an empty span and both count.
  const char* sentence = "Valdoria ruled out expelling Syldavian envoys.";
  const SentenceResult result = strong().with_plugin.classify_sentence(sentence);
  const Event* e = event_of(result, "expulsion");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(modality_of(*e), "negated");
  EXPECT_NEAR(e->confidence, 0.05, 1e-9);
  const Evidence* against = plugin_evidence(*e);
  ASSERT_NE(against, nullptr);
  EXPECT_EQ(against->spans.at(0), (Span{0, 0}));
  for (const Evidence& ev : e->evidence) EXPECT_TRUE(ev.counted) << ev.rule_id;
}

TEST(ModalityPlugin, AHostsDemandToLeaveIsTheExpulsionItself) {
  // The expulsion type counts a host telling officials to leave; a third
  // party urging a state to expel is a demand.
  expect_untouched(toy(),
                   "The spokesman urged the attaché to leave the country within three days.");
  expect_lowered(toy(), {"The EU urged Valdoria to expel the Syldavian envoys.", "expulsion"},
                 "demanded");
}

TEST(ModalityPlugin, AReducedRelativeStatesAFact) {
  // The condition is about seizing the assets; that they were frozen is
  // stated as a fact.
  expect_untouched(toy(),
                   "Valdoria may cut ties with Ostrelia if Ostrelia seizes Valdorian assets "
                   "frozen over the border dispute.");
  expect_lowered(toy(), {"Valdoria may cut ties if its assets are frozen.", "sanction"},
                 "hypothetical");
}

TEST(ModalityPlugin, APartOrASecondObjectOfANegatedMatchIsNegatedToo) {
  // "new sanctions" is too far from "failed to" for the cue to reach it, but
  // it is a second object of "impose" ...
  const char* sentence =
      "The council failed to impose an arms embargo and new sanctions on Syldavia.";
  const SentenceResult rules_only = toy().rules->classify_sentence(sentence);
  const Event* alone = event_of(rules_only, "sanction");
  ASSERT_NE(alone, nullptr);
  EXPECT_EQ(alone->evidence.size(), 2u);
  expect_lowered(toy(), {sentence, "sanction"}, "negated");
  // ... and here it is inside the match of "impose ... sanctions".
  const char* inside = "The council did not impose tough new sanctions on Syldavia.";
  const SentenceResult inside_rules_only = toy().rules->classify_sentence(inside);
  const Event* both = event_of(inside_rules_only, "sanction");
  ASSERT_NE(both, nullptr);
  EXPECT_EQ(both->evidence.size(), 2u);
  expect_lowered(toy(), {inside, "sanction"}, "negated");
}

TEST(ModalityPlugin, SpansAreOffsetsIntoTheOriginalText) {
  // Curly apostrophes, an em dash and accented letters: the cue's span, taken
  // from the document, shows the cue's own bytes.
  const std::string document =
      "The chargé d’affaires left on Monday. Valdoria didn’t expel the Syldavian "
      "envoys—it recalled its ambassador instead.";
  const std::vector<SentenceResult> results = toy().with_plugin.classify_document(document);
  ASSERT_EQ(results.size(), 2u);
  const Event* expulsion = event_of(results[1], "expulsion");
  ASSERT_NE(expulsion, nullptr);
  EXPECT_EQ(modality_of(*expulsion), "negated");
  const Evidence* against = plugin_evidence(*expulsion);
  ASSERT_NE(against, nullptr);
  const Span cue = against->spans.at(0);
  EXPECT_EQ(document.substr(cue.begin, cue.size()), "didn’t");
  // The recall is in the clause after the dash: asserted.
  const Event* withdrawal = event_of(results[1], "withdrawal");
  ASSERT_NE(withdrawal, nullptr);
  EXPECT_EQ(modality_of(*withdrawal), "");
  EXPECT_GE(withdrawal->confidence, kThreshold);
}

TEST(ModalityPlugin, ConcurrentCallsGiveTheSameResults) {
  const std::vector<std::string> sentences = {
      "Valdoria did not expel the Syldavian diplomats.",
      "Valdoria expelled two Syldavian envoys but did not recall its ambassador.",
      "Valdoria will impose sanctions on Syldavia if the border is closed.",
      "The EU urged Valdoria to expel the Syldavian diplomats.",
      "Valdoria threatened to expel the Syldavian ambassador.",
      "The minister condemned the attack in the strongest terms.",
  };
  std::vector<double> expected;
  for (const std::string& s : sentences) {
    for (const Event& e : toy().with_plugin.classify_sentence(s).events) {
      expected.push_back(e.confidence);
    }
  }
  std::vector<std::vector<double>> got(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 25; ++round) {
        std::vector<double> mine;
        for (const std::string& s : sentences) {
          for (const Event& e : toy().with_plugin.classify_sentence(s).events) {
            mine.push_back(e.confidence);
          }
        }
        got[t] = std::move(mine);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::vector<double>& g : got) EXPECT_EQ(g, expected);
}

TEST(ModalityPlugin, WithTheShippedRulesTheModalTwinFallsBelowTheThreshold) {
  // Each pair: the rules alone report both sentences; with the plugin the
  // first stays, the second falls below the threshold. If the shipped rules
  // change so that they no longer fire on the second sentence, pick another.
  struct Twin {
    const char* asserted;
    const char* modal;
    const char* type;
    const char* modality;
  };
  const Twin twins[] = {
      {"Valdoria recalled its ambassador from Syldavia.",
       "Valdoria has no plans to recall its ambassador from Syldavia.", "withdrawal", "negated"},
      {"The Valdorian government imposed sanctions on Syldavia on Monday.",
       "The Valdorian government will impose sanctions on Syldavia if the border is closed.",
       "sanction", "hypothetical"},
      {"Valdoria expelled three Syldavian diplomats on Tuesday.",
       "Valdoria threatened on Tuesday, after a stormy cabinet meeting, to expel three Syldavian "
       "diplomats.",
       "expulsion", "threatened"},
      {"The government imposed sanctions on Syldavia.",
       "The assembly advised the cabinet to impose sanctions on Syldavia.", "sanction", "demanded"},
      {"Valdoria expelled two Syldavian envoys.",
       "The ministry dismissed reports that Valdoria had expelled two Syldavian envoys.",
       "expulsion", "negated"},
      {"Valdoria expelled two Syldavian diplomats for meddling in the election.",
       "Valdoria would expel any Syldavian diplomats found meddling in the election.", "expulsion",
       "hypothetical"},
      {"Valdoria expelled a Syldavian envoy without explanation.",
       "Under the Vienna Convention any envoy can be expelled without explanation.", "expulsion",
       "hypothetical"},
  };
  for (const Twin& twin : twins) {
    SCOPED_TRACE(twin.modal);
    const SentenceResult result = shipped().with_plugin.classify_sentence(twin.asserted);
    const Event* asserted = event_of(result, twin.type);
    ASSERT_NE(asserted, nullptr);
    EXPECT_GE(asserted->confidence, kThreshold);
    EXPECT_EQ(modality_of(*asserted), "");
    expect_lowered(shipped(), {twin.modal, twin.type}, twin.modality);
  }
}

}  // namespace
}  // namespace demarche
