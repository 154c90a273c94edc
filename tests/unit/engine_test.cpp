#include "demarche/engine.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace demarche {
namespace {

constexpr const char* kTypes = R"(event expulsion
  prior: 0.05
  description: a state makes foreign officials leave
event sanction
  prior: 0.05
)";

std::shared_ptr<const Engine> build(const std::string& body) {
  const Loaded loaded = compile_rules({{"t.rules", std::string(kTypes) + body}}, LoadOptions{});
  for (const auto& d : loaded.diagnostics) {
    if (d.is_error()) ADD_FAILURE() << d.to_string();
  }
  return loaded.engine;
}

const Evidence* evidence_of(const SentenceResult& r, const std::string& rule) {
  for (const auto& e : r.events) {
    for (const auto& ev : e.evidence) {
      if (ev.rule_id == rule) return &ev;
    }
  }
  return nullptr;
}

std::string at(const std::string& text, const Span& s) {
  return text.substr(s.begin, s.size());
}

constexpr const char* kExpelRule = R"(
define EXPEL = expel(?:s|led|ling)?
rule expulsion.test.simple
  type: expulsion
  weight: 0.9
  match: {EXPEL} ~3 diplomats?
)";

TEST(Engine, LoneRuleYieldsItsWeightAndSpans) {
  const auto engine = build(kExpelRule);
  ASSERT_TRUE(engine);
  const std::string text = "Ruritania expelled two diplomats.";
  const SentenceResult r = engine->classify_sentence(text);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_NEAR(r.events[0].confidence, 0.9, 1e-9);
  const Evidence* ev = evidence_of(r, "expulsion.test.simple");
  ASSERT_TRUE(ev);
  ASSERT_EQ(ev->spans.size(), 2u);
  EXPECT_EQ(at(text, ev->spans[0]), "expelled");
  EXPECT_EQ(at(text, ev->spans[1]), "diplomats");
}

TEST(Engine, ProximityLimitIsEnforced) {
  const auto engine = build(kExpelRule);
  EXPECT_TRUE(
      engine->classify_sentence("They expel the three most senior diplomats").events.empty());
  EXPECT_FALSE(engine->classify_sentence("They expel the three diplomats").events.empty());
  EXPECT_TRUE(engine->classify_sentence("diplomats expel nobody").events.empty());
}

TEST(Engine, WholeWordsAndCaseByDefault) {
  const auto engine = build(kExpelRule);
  EXPECT_FALSE(engine->classify_sentence("EXPELLED: DIPLOMATS").events.empty());
  EXPECT_TRUE(engine->classify_sentence("They expelledx the diplomats").events.empty());
  EXPECT_TRUE(engine->classify_sentence("reexpel diplomats").events.empty());
}

TEST(Engine, OptOutOfCaseAndWords) {
  const auto engine = build(R"(
rule sanction.test.acronym
  type: sanction
  weight: 0.7
  case: sensitive
  match: OFAC
rule sanction.test.prefix
  type: sanction
  weight: 0.6
  words: partial
  match: embargo
)");
  ASSERT_TRUE(engine);
  EXPECT_TRUE(engine->classify_sentence("the ofac list").events.empty());
  EXPECT_FALSE(engine->classify_sentence("the OFAC list").events.empty());
  EXPECT_FALSE(engine->classify_sentence("an arms-embargoed state").events.empty());
}

TEST(Engine, SpansPointIntoTheOriginalThroughNbspAndMultibyteText) {
  const auto engine = build(kExpelRule);
  // U+00A0 between the words, curly quotes and an accented name before them.
  const std::string text =
      "\xE2\x80\x9C"
      "Zürich\xE2\x80\x9D"
      " expelled\xC2\xA0two diplomats";
  const SentenceResult r = engine->classify_sentence(text);
  const Evidence* ev = evidence_of(r, "expulsion.test.simple");
  ASSERT_TRUE(ev);
  EXPECT_EQ(at(text, ev->spans[0]), "expelled");
  EXPECT_EQ(at(text, ev->spans[1]), "diplomats");
}

TEST(Engine, InvalidUtf8IsClassifiedNotRejected) {
  const auto engine = build(kExpelRule);
  const std::string text = "\xFF\xFE They expelled \xC3 diplomats \x80";
  const SentenceResult r = engine->classify_sentence(text);
  ASSERT_TRUE(r.ok());
  const Evidence* ev = evidence_of(r, "expulsion.test.simple");
  ASSERT_TRUE(ev);
  EXPECT_EQ(at(text, ev->spans[1]), "diplomats");
}

TEST(Engine, UnlessCancelsTheRuleAndSaysWhere) {
  const auto engine =
      build(std::string(kExpelRule) + "  unless: threat(?:en|ened|ens)? to ~0 expel\n");
  ASSERT_TRUE(engine);
  const std::string text = "They threatened to expel the diplomats";
  const SentenceResult r = engine->classify_sentence(text);
  EXPECT_TRUE(r.events.empty());
  ASSERT_EQ(r.cancelled.size(), 1u);
  EXPECT_EQ(r.cancelled[0].rule_id, "expulsion.test.simple");
  EXPECT_EQ(at(text, r.cancelled[0].unless_spans[0]), "threatened to");
}

TEST(Engine, RawPatternAndSeveralMatchLines) {
  const auto engine = build(R"(
rule expulsion.test.png
  type: expulsion
  weight: 0.95
  pattern: persona non grata
  match: ordered ~2 to leave
)");
  ASSERT_TRUE(engine);
  EXPECT_EQ(engine->classify_sentence("He was declared persona non grata").events.size(), 1u);
  EXPECT_EQ(engine->classify_sentence("They were ordered to leave").events.size(), 1u);
  EXPECT_EQ(engine->classify_sentence("They ordered lunch").events.size(), 0u);
}

TEST(Engine, DocumentOffsetsAreIntoTheDocument) {
  const auto engine = build(kExpelRule);
  const std::string doc = "Talks went on.\nLater, Ruritania expelled two diplomats. Nothing else.";
  const auto sentences = engine->classify_document(doc);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(at(doc, sentences[1].span), "Later, Ruritania expelled two diplomats.");
  EXPECT_EQ(sentences[1].text, "Later, Ruritania expelled two diplomats.");
  const Evidence* ev = evidence_of(sentences[1], "expulsion.test.simple");
  ASSERT_TRUE(ev);
  EXPECT_EQ(at(doc, ev->spans[0]), "expelled");
  EXPECT_TRUE(sentences[0].events.empty());
}

// Definitions chained or cycled thousands deep once overflowed the stack.
TEST(Engine, DefinitionsNestedTooDeepAreALocatedError) {
  auto chain = [](int length, bool cycle) {
    std::string text = std::string(kTypes);
    for (int i = 0; i < length; ++i) {
      const int next = i + 1 < length ? i + 1 : (cycle ? 0 : -1);
      text += "define D" + std::to_string(i) + " = " +
              (next < 0 ? std::string("expel") : "{D" + std::to_string(next) + "}") + "\n";
    }
    return text + "rule expulsion.deep\n  type: expulsion\n  weight: 0.9\n  match: {D0}\n";
  };
  const auto report = [](const Loaded& loaded) {
    std::string out;
    for (const Diagnostic& d : loaded.diagnostics) out += d.to_string() + "\n";
    return out;
  };
  const Loaded shallow = compile_rules({{"deep.rules", chain(50, false)}});
  EXPECT_TRUE(shallow.ok()) << report(shallow);
  const Loaded deep = compile_rules({{"deep.rules", chain(10000, false)}});
  ASSERT_FALSE(deep.ok());
  EXPECT_NE(report(deep).find("error[E020]"), std::string::npos) << report(deep).substr(0, 500);
  const Loaded cycle = compile_rules({{"deep.rules", chain(12000, true)}});
  ASSERT_FALSE(cycle.ok());
  EXPECT_NE(report(cycle).find("error[E0"), std::string::npos);
}

TEST(Engine, ImportsMakeDefinitionsAndTypesVisible) {
  const Loaded ok = compile_rules({
      {"lib/common.rules", std::string(kTypes) + "define ENVOY = envoys?\n"},
      {"lib/rules.rules",
       "import \"common.rules\"\nrule expulsion.x.y\n  type: expulsion\n  weight: 0.8\n"
       "  match: expel ~1 {ENVOY}\n"},
  });
  EXPECT_TRUE(ok.ok());
  const Loaded missing = compile_rules({
      {"common.rules", std::string(kTypes) + "define ENVOY = envoys?\n"},
      {"rules.rules",
       "rule expulsion.x.y\n  type: expulsion\n  weight: 0.8\n  match: expel ~1 {ENVOY}\n"},
  });
  ASSERT_FALSE(missing.ok());
  std::string all;
  for (const auto& d : missing.diagnostics) all += d.to_string() + "\n";
  EXPECT_NE(
      all.find("rules.rules:4:19: error[E004]: definition {ENVOY} is defined in common.rules"),
      std::string::npos)
      << all;
  EXPECT_NE(all.find("error[E006]: event type 'expulsion' is declared in common.rules"),
            std::string::npos)
      << all;
}

TEST(Engine, FilesThatDoNotSeeEachOtherMayReuseADefinitionName) {
  const std::string rule_a =
      "import \"common.rules\"\ndefine OTHER = schools?\nrule expulsion.a.x\n  type: expulsion\n"
      "  weight: 0.8\n  match: expel\n  unless: {OTHER}\n";
  std::string rule_b = rule_a;
  rule_b.replace(rule_b.find("schools?"), 8, "parties");
  rule_b.replace(rule_b.find("expulsion.a.x"), 13, "expulsion.b.x");
  const Loaded loaded =
      compile_rules({{"common.rules", kTypes}, {"a.rules", rule_a}, {"b.rules", rule_b}});
  for (const auto& d : loaded.diagnostics) {
    if (d.is_error()) ADD_FAILURE() << d.to_string();
  }
  ASSERT_TRUE(loaded.ok());
  // Each rule sees its own OTHER: a.rules is cancelled by schools, b.rules by parties.
  const SentenceResult r = loaded.engine->classify_sentence("They expel the schools");
  ASSERT_EQ(r.cancelled.size(), 1u);
  EXPECT_EQ(r.cancelled[0].rule_id, "expulsion.a.x");

  // A file that imports both sees two definitions of one name: ambiguous.
  const Loaded both = compile_rules({{"common.rules", kTypes},
                                     {"a.rules", rule_a},
                                     {"b.rules", rule_b},
                                     {"c.rules",
                                      "import \"a.rules\"\nimport \"b.rules\"\n"
                                      "rule expulsion.c.x\n  type: expulsion\n"
                                      "  weight: 0.8\n  match: {OTHER}\n"}});
  ASSERT_FALSE(both.ok());
  std::string all;
  for (const auto& d : both.diagnostics) all += d.to_string() + "\n";
  EXPECT_NE(all.find("c.rules:6:10: error[E014]: definition {OTHER} is ambiguous here"),
            std::string::npos)
      << all;
}

TEST(Engine, NothingPartialIsLoadedAfterAnError) {
  const Loaded loaded = compile_rules({{"t.rules", std::string(kTypes) + kExpelRule +
                                                       "rule expulsion.bad.one\n  type: expulsion\n"
                                                       "  weight: 2\n  match: x\n"}});
  EXPECT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.engine, nullptr);
}

TEST(Engine, ConcurrentClassifyAgreesWithSerial) {
  const auto engine = build(kExpelRule);
  const std::vector<std::string> texts = {"They expelled two diplomats", "Nothing here",
                                          "diplomats were expelled", "Expel the diplomats now"};
  std::vector<std::size_t> serial;
  for (const auto& t : texts) serial.push_back(engine->classify_sentence(t).events.size());
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const Engine own = t % 2 ? engine->with_own_matcher_state() : *engine;
      for (int round = 0; round < 200; ++round) {
        for (std::size_t i = 0; i < texts.size(); ++i) {
          if (own.classify_sentence(texts[i]).events.size() != serial[i]) ++mismatches[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(Engine, ExamplesAreRunAndFailuresExplained) {
  const auto engine = build(std::string(kExpelRule) +
                            "  example: Oslo [[expelled]] four [[diplomats]].\n"
                            "  example: Oslo sent four diplomats home.\n"
                            "  counterexample: They expelled the diplomat's cat.\n"
                            "  example: They [[expelled]] two diplomats on [[Monday]].\n"
                            "  example: They expelled the old, quiet and famous diplomats.\n");
  ASSERT_TRUE(engine);
  const auto failures = engine->test_examples();
  ASSERT_EQ(failures.size(), 4u);
  EXPECT_NE(failures[3].reason.find("words apart (at most ~3)"), std::string::npos)
      << failures[3].reason;
  // Which piece was missing, as eval's near misses say it.
  EXPECT_EQ(failures[0].reason.rfind("did not fire: ", 0), 0u) << failures[0].reason;
  EXPECT_NE(failures[0].reason.find("`{EXPEL}` not found"), std::string::npos)
      << failures[0].reason;
  EXPECT_NE(failures[1].reason.find("fired on a counterexample"), std::string::npos);
  EXPECT_NE(failures[2].reason.find("not the marked 'Monday'"), std::string::npos);
  EXPECT_EQ(failures[0].example.line, 13);
}

// with_selection: an author runs and measures only the rules they are
// writing (classify/eval --rule, --type).
TEST(Engine, ASelectionRunsOnlyItsRules) {
  const auto engine = build(std::string(kExpelRule) +
                            "  example: Oslo expelled four diplomats.\n"
                            "rule expulsion.test.other\n"
                            "  type: expulsion\n"
                            "  weight: 0.8\n"
                            "  match: ousted ~3 envoys?\n"
                            "  unless: never\n"
                            "  example: They ousted the envoy.\n"
                            "  example: This example fails.\n");
  ASSERT_TRUE(engine);
  const Engine only = engine->with_selection({"expulsion.test.simple"});
  EXPECT_TRUE(only.selects_rule("expulsion.test.simple"));
  EXPECT_FALSE(only.selects_rule("expulsion.test.other"));
  EXPECT_TRUE(only.selects_type("expulsion"));
  EXPECT_FALSE(only.selects_type("condemnation"));
  EXPECT_TRUE(engine->selects_rule("expulsion.test.other"));
  EXPECT_TRUE(only.classify_sentence("They ousted the envoy.").events.empty());
  EXPECT_EQ(engine->classify_sentence("They ousted the envoy.").events.size(), 1u);
  // A rule left out is not listed as cancelled either.
  EXPECT_TRUE(only.classify_sentence("They never ousted the envoy.").cancelled.empty());
  EXPECT_EQ(only.classify_sentence("Oslo expelled four diplomats.").events.size(), 1u);
  // Examples and near misses of the selected rules only.
  EXPECT_TRUE(only.test_examples().empty());
  EXPECT_EQ(engine->test_examples().size(), 1u);
  for (const NearMiss& miss : only.near_misses("The envoy left.", "expulsion")) {
    EXPECT_EQ(miss.rule_id, "expulsion.test.simple");
  }
  EXPECT_TRUE(engine->with_selection({}).selects_rule("expulsion.test.other"));
}

}  // namespace
}  // namespace demarche
