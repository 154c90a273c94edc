// PieceSet::with_own_regexes: a copy for another thread shares the
// Vectorscan databases and word lookups and has RE2 objects of its own. It
// must answer every question exactly as the set it was copied from, while
// both are used at once, and outlive it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "match/piece_set.hpp"

namespace demarche::match {
namespace {

// Every way a piece is found: in the every-sentence database, refused by
// Vectorscan and so in the RE2::Set beside it ((?U)), on demand, looked up
// as a list of words, searched for with its own regex, and not whole-word.
struct Piece {
  PieceSpec spec;
  PieceScan scan;
};
const std::vector<Piece>& pieces() {
  static const std::vector<Piece> all = {
      {{"expel(?:s|led|ling)?", true, true}, PieceScan::kEverySentence},
      {{"(?U)sanctions?", true, true}, PieceScan::kEverySentence},
      {{"diplomat\\w*", true, true}, PieceScan::kEverySentence},
      {{"not|never", true, true}, PieceScan::kOnDemand},
      {{"(?:ambassador|envoy)s?", true, true}, PieceScan::kSearch},
      {{"[A-Z]\\w+ia", false, true}, PieceScan::kSearch},
      {{"embass", true, false}, PieceScan::kSearch},
  };
  return all;
}

std::unique_ptr<const PieceSet> make_set(bool re2_only) {
  if (re2_only) ::setenv("DEMARCHE_MATCHER", "re2", 1);
  std::vector<std::string> regexes;
  std::vector<PieceScan> scans;
  for (const Piece& p : pieces()) {
    regexes.push_back(piece_regex(p.spec));
    scans.push_back(p.scan);
  }
  auto set = std::make_unique<const PieceSet>(regexes, scans, 64 << 20);
  ::unsetenv("DEMARCHE_MATCHER");
  return set;
}

std::vector<std::string> texts() {
  std::vector<std::string> out = {
      "Syldavia expelled two diplomats and imposed sanctions.",
      "The ambassador was not expelled; Borduria never expels envoys.",
      "Diplomatic embassies of Slovakia and Lithuania",
      "",
      "sanction expel expelling diplomatsnot",
  };
  std::mt19937 random(20261207);
  const std::vector<std::string> words = {
      "expel",    "expelled", "sanction", "sanctions", "not",      "never", "envoy", "Ambassadors",
      "Syldavia", "embassy",  "the",      ",",         "diplomat", "Kiss",  "é",     "  "};
  for (int t = 0; t < 200; ++t) {
    std::string text;
    const int n = std::uniform_int_distribution<int>(1, 12)(random);
    for (int i = 0; i < n; ++i) {
      text += words[std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(random)];
      if (random() % 4 != 0) text += ' ';
    }
    out.push_back(text);
  }
  return out;
}

// Everything the set says about `text`, as one string to compare.
std::string answers(const PieceSet& set, const std::string& text) {
  std::string out;
  std::vector<int> ids;
  std::string error;
  if (!set.present(text, &ids, &error)) return "error: " + error;
  for (const int id : ids) out += std::to_string(id) + ",";
  out += "|";
  if (!set.present_on_demand(text, &ids, &error)) return "error: " + error;
  for (const int id : ids) out += std::to_string(id) + ",";
  for (std::size_t id = 0; id < set.size(); ++id) {
    out += "|";
    for (std::size_t from = 0; from <= text.size(); ++from) {
      const std::optional<Span> found = set.find_from(static_cast<int>(id), text, from);
      out += found ? std::to_string(found->begin) + "-" + std::to_string(found->end) + " " : "- ";
    }
  }
  return out;
}

class PieceSetCopy : public ::testing::TestWithParam<bool> {};

TEST_P(PieceSetCopy, AnswersAsItsOriginalWhileBothAreUsedAtOnce) {
  const auto original = make_set(GetParam());
  ASSERT_TRUE(original->build_error().empty()) << original->build_error();
  const auto copy = original->with_own_regexes();
  ASSERT_TRUE(copy->build_error().empty()) << copy->build_error();
  const std::vector<std::string> all = texts();
  // Expected from a third set that no thread touches.
  const auto reference = make_set(GetParam());
  std::vector<std::string> expected;
  for (const std::string& text : all) expected.push_back(answers(*reference, text));
  // The texts reach every scan: the refused piece 1 among them.
  EXPECT_EQ(expected[0].rfind("0,1,2,||", 0), 0u) << expected[0];
  EXPECT_EQ(expected[1].rfind("0,|3,|", 0), 0u) << expected[1];

  // Both start cold: the lookups are made while the two threads race.
  std::vector<std::string> got_original(all.size());
  std::vector<std::string> got_copy(all.size());
  std::thread a([&] {
    for (std::size_t i = 0; i < all.size(); ++i) got_original[i] = answers(*original, all[i]);
  });
  std::thread b([&] {
    for (std::size_t i = 0; i < all.size(); ++i) got_copy[i] = answers(*copy, all[i]);
  });
  a.join();
  b.join();
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(got_original[i], expected[i]) << "text '" << all[i] << "'";
    EXPECT_EQ(got_copy[i], expected[i]) << "text '" << all[i] << "'";
  }
}

TEST_P(PieceSetCopy, OutlivesItsOriginal) {
  auto original = make_set(GetParam());
  const auto copy = original->with_own_regexes();
  const auto reference = make_set(GetParam());
  original.reset();  // before any lookup or regex was made
  for (const std::string& text : texts()) {
    EXPECT_EQ(answers(*copy, text), answers(*reference, text)) << "text '" << text << "'";
  }
}

INSTANTIATE_TEST_SUITE_P(Matchers, PieceSetCopy, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "Re2SetOnly" : "Vectorscan";
                         });

}  // namespace
}  // namespace demarche::match
