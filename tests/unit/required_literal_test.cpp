// has_required_literal on huge patterns (issue 14, item 10): FilteredRE2
// took minutes on a long alternation in no order, and gave up (no literal)
// on one in order; patterns over 8 KiB are now taken apart at their top
// level. Timings are measured by tests/bench/rule_loading, not here.
#include <gtest/gtest.h>
#include <re2/filtered_re2.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>

#include "rules/lint.hpp"

namespace demarche::rules {
namespace {

// `count` distinct lower-case words of 4 to 10 letters, sorted.
std::vector<std::string> words(std::size_t count) {
  std::mt19937 random(7);
  std::set<std::string> found;
  while (found.size() < count) {
    std::string word(4 + random() % 7, 'a');
    for (char& c : word) c = static_cast<char>('a' + random() % 26);
    found.insert(word);
  }
  return {found.begin(), found.end()};
}

std::string alternation(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& w : list) out += (out.empty() ? "" : "|") + w;
  return out;
}

bool filtered_re2(const std::string& pattern) {
  re2::FilteredRE2 filter(3);
  int id = 0;
  EXPECT_EQ(filter.Add(pattern, RE2::Options(), &id), RE2::NoError) << pattern;
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  return !atoms.empty();
}

TEST(RequiredLiteral, ALongAlternationOfWordsHasOne) {
  // As a definition expands: every word has four letters or more.
  const std::string all = "(?:" + alternation(words(20000)) + ")";
  EXPECT_TRUE(has_required_literal(all));
  EXPECT_TRUE(has_required_literal("(?i)" + all + "\\s+(?:out|away)"));
}

TEST(RequiredLiteral, ALongAlternationWithABranchWithoutOneHasNone) {
  const std::string list = alternation(words(20000));
  EXPECT_FALSE(has_required_literal("(?:" + list + "|\\d+)"));
  EXPECT_FALSE(has_required_literal(list + "|ab"));
  // An optional group requires nothing; the text after it decides.
  EXPECT_FALSE(has_required_literal("(?:" + list + ")?x"));
  EXPECT_TRUE(has_required_literal("(?:" + list + ")?expel"));
  EXPECT_TRUE(has_required_literal("(?P<w>" + list + "){1,2}"));
}

TEST(RequiredLiteral, PatternsOfUsualSizeGetFilteredRE2sAnswer) {
  for (const std::string& pattern : std::vector<std::string>{
           "expel(?:s|led)?", "(?:a|b)cd", "ab", "x*\\s+y", "(?:diplomats?|envoys?) out",
           "[^x]{0,40}", "(?i)persona non grata", alternation(words(300))}) {
    EXPECT_EQ(has_required_literal(pattern), filtered_re2(pattern)) << pattern;
  }
}

}  // namespace
}  // namespace demarche::rules
