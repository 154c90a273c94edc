// The shipped rules are data, tested like code: they load cleanly, their own
// examples pass, and the seed article reads exactly as it was labelled. The
// examples and the article are read as `demarche` reads them by default,
// with the shipped plugins: the modality plugin, not an `unless:` line, is
// what keeps most threats and denials from being events.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "demarche/engine.hpp"
#include "demarche/plugins.hpp"
#include "text/normalize.hpp"

namespace demarche {
namespace {

namespace fs = std::filesystem;

constexpr double kThreshold = 0.5;

const Loaded& shipped() {
  static const Loaded loaded = load_rules({std::string(DEMARCHE_SOURCE_DIR) + "/rules"});
  return loaded;
}

// The shipped rules with the shipped plugins; call after checking shipped().ok().
const Engine& shipped_with_plugins() {
  static const Engine engine =
      shipped().engine->with_plugins(load_plugins({DEMARCHE_SHIPPED_PLUGINS}));
  return engine;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Folded typography and single spaces, so a labelled row and a segmented
// sentence compare equal when they differ only in whitespace.
std::string canonical(std::string_view text) {
  const std::string folded = text::normalize(text).text;
  std::string out;
  for (char c : folded) {
    const bool space = c == ' ' || c == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string reported(const SentenceResult& r) {
  std::set<std::string> types;
  for (const Event& e : r.events) {
    if (e.confidence >= kThreshold) types.insert(e.type);
  }
  std::string out;
  for (const std::string& t : types) out += (out.empty() ? "" : ",") + t;
  return out;
}

std::string sorted_labels(const std::string& labels) {
  std::set<std::string> types;
  std::stringstream in(labels);
  for (std::string t; std::getline(in, t, ',');) {
    if (!t.empty()) types.insert(t);
  }
  std::string out;
  for (const std::string& t : types) out += (out.empty() ? "" : ",") + t;
  return out;
}

TEST(ShippedRules, LoadWithoutErrorsOrWarnings) {
  for (const Diagnostic& d : shipped().diagnostics) ADD_FAILURE() << d.to_string();
  ASSERT_TRUE(shipped().ok());
  std::set<std::string> types;
  for (const auto& t : shipped().engine->event_types()) types.insert(t.name);
  EXPECT_EQ(types, (std::set<std::string>{"condemnation", "expulsion", "sanction", "withdrawal"}));
}

TEST(ShippedRules, EveryRuleHasExamplesAndTheyAllPass) {
  ASSERT_TRUE(shipped().ok());
  for (const RuleInfo& rule : shipped().engine->rules()) {
    EXPECT_FALSE(rule.examples.empty()) << rule.id;
    EXPECT_FALSE(rule.description.empty()) << rule.id;
  }
  for (const ExampleFailure& f : shipped_with_plugins().test_examples()) {
    ADD_FAILURE() << f.example.file << ":" << f.example.line << ": " << f.rule_id << ": "
                  << f.reason << "\n  " << f.example.text;
  }
}

TEST(ShippedRules, SeedArticleReadsExactlyAsLabelled) {
  const fs::path dir = fs::path(DEMARCHE_SHARED_DATA) / "seed";
  const fs::path article = dir / "france24-denmark-mali.txt";
  const fs::path labels = dir / "france24-denmark-mali.tsv";
  if (!fs::exists(article) || !fs::exists(labels)) {
    GTEST_SKIP() << "the seed article is not at " << dir << " (../shared/data is absent)";
  }
  ASSERT_TRUE(shipped().ok());
  const std::string document = read_file(article);
  std::map<std::string, std::string> predicted;  // canonical sentence -> reported types
  for (const SentenceResult& r : shipped_with_plugins().classify_document(document)) {
    predicted[canonical(r.text)] = reported(r);
  }
  std::stringstream rows(read_file(labels));
  std::string line;
  std::getline(rows, line);  // header: id text labels note
  std::set<std::string> labelled;
  int checked = 0;
  while (std::getline(rows, line)) {
    std::vector<std::string> cols;
    std::stringstream fields(line);
    for (std::string f; std::getline(fields, f, '\t');) cols.push_back(f);
    ASSERT_GE(cols.size(), 2u) << line;
    const std::string text = canonical(cols[1]);
    const std::string gold = sorted_labels(cols.size() > 2 ? cols[2] : "");
    labelled.insert(text);
    auto it = predicted.find(text);
    ASSERT_NE(it, predicted.end()) << cols[0] << " was not segmented as one sentence: " << cols[1];
    EXPECT_EQ(it->second, gold) << cols[0] << ": " << cols[1];
    ++checked;
  }
  EXPECT_GT(checked, 0);
  // Sentences without a row (captions, page furniture) must carry no event.
  for (const auto& [text, types] : predicted) {
    if (!labelled.count(text)) {
      EXPECT_EQ(types, "") << "unlabelled sentence got events: " << text;
    }
  }
}

}  // namespace
}  // namespace demarche
