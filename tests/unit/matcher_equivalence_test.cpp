// The Vectorscan piece scan against the RE2::Set scan it replaced
// (DEMARCHE_MATCHER=re2): for the same rules, every result must be the same,
// byte for byte, on generated corpora (templates, a Zipf vocabulary) and on
// real news. MatcherReference checks the default
// scan against brute force on random rules; this checks it against the old
// matcher on the shipped ones.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../bench/corpus.hpp"
#include "demarche/engine.hpp"

namespace demarche {
namespace {

// Sets DEMARCHE_MATCHER while an engine is built, and restores it after.
class MatcherChoice {
 public:
  explicit MatcherChoice(const char* value) {
    if (const char* old = std::getenv("DEMARCHE_MATCHER")) old_ = old;
    if (value) {
      ::setenv("DEMARCHE_MATCHER", value, 1);
    } else {
      ::unsetenv("DEMARCHE_MATCHER");
    }
  }
  ~MatcherChoice() {
    if (old_.empty()) {
      ::unsetenv("DEMARCHE_MATCHER");
    } else {
      ::setenv("DEMARCHE_MATCHER", old_.c_str(), 1);
    }
  }
  MatcherChoice(const MatcherChoice&) = delete;
  MatcherChoice& operator=(const MatcherChoice&) = delete;

 private:
  std::string old_;
};

Loaded load_with(const char* matcher, const std::vector<std::string>& paths) {
  const MatcherChoice choice(matcher);
  return load_rules(paths);
}

void append_spans(std::string& out, const std::vector<Span>& spans) {
  for (const Span& s : spans)
    out += " [" + std::to_string(s.begin) + "," + std::to_string(s.end) + ")";
}

// Everything a result says, as text, so that a difference shows where.
std::string describe(const SentenceResult& r) {
  std::string out = r.error;
  char number[64];
  for (const Event& e : r.events) {
    std::snprintf(number, sizeof number, " %.17g", e.log_odds);
    out += "\n  " + e.type + number;
    for (const Evidence& ev : e.evidence) {
      out += "\n    " + ev.rule_id + (ev.counted ? "" : " (" + ev.note + ")");
      append_spans(out, ev.spans);
    }
  }
  for (const Cancellation& c : r.cancelled) {
    out += "\n  cancelled " + c.rule_id + " " + c.missing_role;
    append_spans(out, c.spans);
    append_spans(out, c.unless_spans);
  }
  return out;
}

// Classifies `sentences` with both engines and reports the first few that
// differ; the engines see the sentences fresh, in the same order.
void expect_same(const Engine& old_matcher, const Engine& new_matcher,
                 const std::vector<std::string>& sentences) {
  std::size_t differing = 0;
  std::size_t events = 0;
  for (const std::string& s : sentences) {
    const SentenceResult a = old_matcher.classify_sentence(s);
    const SentenceResult b = new_matcher.classify_sentence(s);
    events += b.events.size();
    const std::string da = describe(a);
    const std::string db = describe(b);
    if (da != db && ++differing <= 5) {
      ADD_FAILURE() << "differs on: " << s << "\nRE2::Set:" << da << "\nVectorscan:" << db;
    }
  }
  EXPECT_EQ(differing, 0u);
  // The corpora must exercise the rules, or the comparison proves little.
  EXPECT_GT(events, sentences.size() / 50) << "too few events to compare";
}

std::string shipped_rules() {
  return std::string(DEMARCHE_SOURCE_DIR) + "/rules";
}

TEST(MatcherEquivalence, ShippedRulesOnGeneratedCorpora) {
  const Loaded old_matcher = load_with("re2", {shipped_rules()});
  const Loaded new_matcher = load_with(nullptr, {shipped_rules()});
  ASSERT_TRUE(old_matcher.ok() && new_matcher.ok());
  expect_same(*old_matcher.engine, *new_matcher.engine,
              bench::news_like_sentences(4000, 0.05, 11, bench::Variety::kTemplates));
  expect_same(*old_matcher.engine, *new_matcher.engine,
              bench::news_like_sentences(4000, 0.05, 12, bench::Variety::kZipfVocabulary));
}

// The sentences (second column) of a labelled news file.
std::vector<std::string> news_sentences(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const std::size_t a = line.find('\t');
    const std::size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b != std::string::npos) out.push_back(line.substr(a + 1, b - a - 1));
  }
  return out;
}

TEST(MatcherEquivalence, ShippedRulesOnRealNews) {
  const std::string dir = std::string(DEMARCHE_SHARED_DATA) + "/news";
  if (!std::filesystem::exists(dir + "/dev.tsv")) {
    GTEST_SKIP() << "no labelled news at " << dir << " (../shared is absent)";
  }
  const Loaded old_matcher = load_with("re2", {shipped_rules()});
  const Loaded new_matcher = load_with(nullptr, {shipped_rules()});
  ASSERT_TRUE(old_matcher.ok() && new_matcher.ok());
  for (const char* name : {"dev.tsv", "dev2.tsv"}) {
    const std::string path = dir + "/" + name;
    if (!std::filesystem::exists(path)) continue;
    SCOPED_TRACE(path);
    expect_same(*old_matcher.engine, *new_matcher.engine, news_sentences(path));
  }
}

}  // namespace
}  // namespace demarche
