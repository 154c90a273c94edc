// The fast matcher (one pattern set, then positions and word gaps) checked
// against an obviously correct one: brute force over word positions, on
// randomly generated rules and sentences. Correctness by comparison, as RE2's
// own tester does, rather than by hand-picked cases alone.
#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <set>
#include <sstream>

#include "demarche/engine.hpp"

namespace demarche {
namespace {

// "the", "on" and "said" are common words, which the engine keeps out of its
// pattern set and looks for only on demand: the reference must agree there too.
const std::vector<std::string> kVocabulary = {"alpha",   "the",  "charlie", "on",    "echo",
                                              "foxtrot", "said", "hotel",   "india", "juliet"};

struct Piece {
  std::vector<std::string> words;  // any one of them
};
struct Sequence {
  std::vector<Piece> pieces;
  std::vector<int> gaps;
};
struct GeneratedRule {
  std::string id;
  std::vector<Sequence> matches;
  std::vector<Sequence> unless;
};

Sequence random_sequence(std::mt19937& rng) {
  Sequence seq;
  const int length = std::uniform_int_distribution<int>(1, 3)(rng);
  for (int i = 0; i < length; ++i) {
    Piece piece;
    const int alternatives = std::uniform_int_distribution<int>(1, 2)(rng);
    for (int a = 0; a < alternatives; ++a) {
      piece.words.push_back(
          kVocabulary[std::uniform_int_distribution<std::size_t>(0, kVocabulary.size() - 1)(rng)]);
    }
    seq.pieces.push_back(piece);
    if (i > 0) seq.gaps.push_back(std::uniform_int_distribution<int>(0, 3)(rng));
  }
  return seq;
}

std::string render(const Sequence& seq) {
  std::string out;
  for (std::size_t i = 0; i < seq.pieces.size(); ++i) {
    if (i > 0) out += " ~" + std::to_string(seq.gaps[i - 1]) + " ";
    std::string alt;
    for (const auto& w : seq.pieces[i].words) alt += (alt.empty() ? "" : "|") + w;
    out += "(?:" + alt + ")";
  }
  return out;
}

// Brute force: some choice of word positions satisfies every piece and gap.
bool reference_matches(const Sequence& seq, const std::vector<std::string>& words) {
  std::function<bool(std::size_t, std::size_t)> from = [&](std::size_t piece, std::size_t pos) {
    for (std::size_t i = pos; i < words.size(); ++i) {
      if (piece > 0 && static_cast<int>(i - pos) > seq.gaps[piece - 1]) break;
      const auto& options = seq.pieces[piece].words;
      if (std::find(options.begin(), options.end(), words[i]) == options.end()) continue;
      if (piece + 1 == seq.pieces.size() || from(piece + 1, i + 1)) return true;
    }
    return false;
  };
  return from(0, 0);  // the first piece has no gap limit, so this tries every start
}

TEST(MatcherReference, AgreesWithBruteForceOnRandomRulesAndSentences) {
  std::mt19937 rng(20261127);
  std::vector<GeneratedRule> rules;
  std::string text = "event test\n  prior: 0.1\n";
  for (int r = 0; r < 60; ++r) {
    GeneratedRule rule;
    rule.id = "test.generated.r" + std::to_string(r);
    const int matches = std::uniform_int_distribution<int>(1, 2)(rng);
    for (int m = 0; m < matches; ++m) rule.matches.push_back(random_sequence(rng));
    if (r % 3 == 0) rule.unless.push_back(random_sequence(rng));
    text += "rule " + rule.id + "\n  type: test\n  weight: 0.8\n";
    for (const auto& s : rule.matches) text += "  match: " + render(s) + "\n";
    for (const auto& s : rule.unless) text += "  unless: " + render(s) + "\n";
    rules.push_back(std::move(rule));
  }
  const Loaded loaded = compile_rules({{"generated.rules", text}});
  ASSERT_TRUE(loaded.ok());

  int disagreements = 0;
  for (int s = 0; s < 2000 && disagreements < 5; ++s) {
    std::vector<std::string> words;
    const int length = std::uniform_int_distribution<int>(1, 14)(rng);
    std::string sentence;
    for (int i = 0; i < length; ++i) {
      // Mostly vocabulary words, some fillers and glued words that must not match.
      const int kind = std::uniform_int_distribution<int>(0, 9)(rng);
      std::string w =
          kind < 6   ? kVocabulary[std::uniform_int_distribution<std::size_t>(0, 9)(rng)]
          : kind < 8 ? "filler"
                     : kVocabulary[std::uniform_int_distribution<std::size_t>(0, 9)(rng)] + "x";
      words.push_back(w);
      sentence += (i ? (kind == 9 ? ", " : " ") : "") + w;
    }
    const SentenceResult result = loaded.engine->classify_sentence(sentence);
    std::set<std::string> fast_fired, fast_cancelled;
    for (const auto& e : result.events) {
      for (const auto& ev : e.evidence) fast_fired.insert(ev.rule_id);
    }
    for (const auto& c : result.cancelled) fast_cancelled.insert(c.rule_id);

    for (const auto& rule : rules) {
      const bool fires =
          std::any_of(rule.matches.begin(), rule.matches.end(),
                      [&](const Sequence& q) { return reference_matches(q, words); });
      const bool cancelled =
          fires && std::any_of(rule.unless.begin(), rule.unless.end(),
                               [&](const Sequence& q) { return reference_matches(q, words); });
      const bool fast_fires = fast_fired.count(rule.id) > 0;
      const bool fast_cancels = fast_cancelled.count(rule.id) > 0;
      if (fires != (fast_fires || fast_cancels) || cancelled != fast_cancels) {
        ++disagreements;
        ADD_FAILURE() << rule.id << " on '" << sentence << "': reference fires=" << fires
                      << " cancelled=" << cancelled << ", engine fires=" << fast_fires
                      << " cancelled=" << fast_cancels;
      }
    }
  }
  EXPECT_EQ(disagreements, 0);
}

}  // namespace
}  // namespace demarche
