// Engine::classify_document with a callback: each sentence's result comes as
// soon as it is classified, in order, and the results are those the vector
// version returns (which is built on it), officials introduced by a title
// carried from sentence to sentence included (actor_roles_test.cpp checks
// that they are carried).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "demarche/engine.hpp"
#include "demarche/plugins.hpp"

namespace demarche {
namespace {

void expect_same_spans(const std::vector<Span>& a, const std::vector<Span>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i], b[i]) << "span " << i;
}

void expect_same_result(const SentenceResult& a, const SentenceResult& b) {
  EXPECT_EQ(a.span, b.span);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.error, b.error);
  ASSERT_EQ(a.events.size(), b.events.size()) << a.text;
  for (std::size_t e = 0; e < a.events.size(); ++e) {
    const Event& x = a.events[e];
    const Event& y = b.events[e];
    EXPECT_EQ(x.type, y.type);
    EXPECT_EQ(x.confidence, y.confidence);
    EXPECT_EQ(x.log_odds, y.log_odds);
    EXPECT_EQ(x.attributes, y.attributes);
    ASSERT_EQ(x.evidence.size(), y.evidence.size());
    for (std::size_t v = 0; v < x.evidence.size(); ++v) {
      EXPECT_EQ(x.evidence[v].rule_id, y.evidence[v].rule_id);
      EXPECT_EQ(x.evidence[v].counted, y.evidence[v].counted);
      EXPECT_EQ(x.evidence[v].plugin_note, y.evidence[v].plugin_note);
      expect_same_spans(x.evidence[v].spans, y.evidence[v].spans);
    }
  }
  ASSERT_EQ(a.cancelled.size(), b.cancelled.size()) << a.text;
  for (std::size_t c = 0; c < a.cancelled.size(); ++c) {
    EXPECT_EQ(a.cancelled[c].rule_id, b.cancelled[c].rule_id);
    EXPECT_EQ(a.cancelled[c].missing_role, b.cancelled[c].missing_role);
    expect_same_spans(a.cancelled[c].spans, b.cancelled[c].spans);
    expect_same_spans(a.cancelled[c].unless_spans, b.cancelled[c].unless_spans);
  }
  ASSERT_EQ(a.plugin_faults.size(), b.plugin_faults.size());
}

std::vector<SentenceResult> streamed(const Engine& engine, std::string_view document) {
  std::vector<SentenceResult> results;
  engine.classify_document(document, [&](SentenceResult&& r) { results.push_back(std::move(r)); });
  return results;
}

void expect_streamed_as_returned(const Engine& engine, std::string_view document) {
  const std::vector<SentenceResult> returned = engine.classify_document(document);
  const std::vector<SentenceResult> each = streamed(engine, document);
  ASSERT_EQ(each.size(), returned.size()) << document;
  for (std::size_t i = 0; i < each.size(); ++i) {
    SCOPED_TRACE("sentence " + std::to_string(i));
    expect_same_result(each[i], returned[i]);
  }
}

const Engine& shipped_engine() {
  static const Engine engine = [] {
    const Loaded loaded = load_rules({std::string(DEMARCHE_SOURCE_DIR) + "/rules"});
    if (!loaded.ok()) throw std::runtime_error("shipped rules did not load");
    return loaded.engine->with_plugins(load_plugins({std::string(DEMARCHE_SHIPPED_PLUGINS)}));
  }();
  return engine;
}

TEST(DocumentCallback, EachSentenceComesAsSoonAsItIsClassified) {
  const Engine& engine = shipped_engine();
  const std::string document =
      "Valdoria condemned the raid. It rained.\nThe spokesman condemned it.";
  std::vector<std::size_t> begins;
  engine.classify_document(document, [&](SentenceResult&& r) { begins.push_back(r.span.begin); });
  EXPECT_EQ(begins, (std::vector<std::size_t>{0, 29, 40}));
}

TEST(DocumentCallback, AnEmptyOrBlankDocumentMakesNoCall) {
  const Engine& engine = shipped_engine();
  for (const std::string_view document : {"", " \t ", "\n\n\r\n  \n"}) {
    int calls = 0;
    engine.classify_document(document, [&](SentenceResult&&) { ++calls; });
    EXPECT_EQ(calls, 0) << '"' << document << '"';
    EXPECT_TRUE(engine.classify_document(document).empty());
  }
}

TEST(DocumentCallback, ShippedRulesAndPluginsGiveTheReturnedResults) {
  const Engine& engine = shipped_engine();
  expect_streamed_as_returned(
      engine,
      "Foreign Minister Jean Dupont said on Monday that Valdoria would expel two Syldavian "
      "diplomats. Dupont condemned the \xe2\x80\x9cunacceptable\xe2\x80\x9d raid.\r\n"
      "The Syldavian government recalled its ambassador from Paris.\n\n"
      "Dupont did not threaten sanctions. Mr. Dupont's ministry denied the report\xe2\x80\xa6");
  expect_streamed_as_returned(engine, "Russia expelled 18 Czech diplomats.");
  expect_streamed_as_returned(engine, "");
}

}  // namespace
}  // namespace demarche
