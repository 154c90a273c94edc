// Cross-validation folds dealt a whole source page at a time
// (eval/grouped_folds.hpp), linked from the library demarche_eval.
#include "../../eval/grouped_folds.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <stdexcept>

namespace demarche::cli {
namespace {

// `pages[i]` sentences from page i, then `loose` sentences without a url.
std::vector<GoldSentence> gold(const std::vector<std::size_t>& pages, std::size_t loose) {
  std::vector<GoldSentence> out;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (std::size_t i = 0; i < pages[p]; ++i) {
      GoldSentence s;
      s.text = "Sentence " + std::to_string(i) + " of page " + std::to_string(p) + ".";
      s.url = "https://example.org/page/" + std::to_string(p);
      out.push_back(std::move(s));
    }
  }
  for (std::size_t i = 0; i < loose; ++i) {
    GoldSentence s;
    s.text = "A sentence from nowhere in particular.";
    out.push_back(std::move(s));
  }
  return out;
}

TEST(GroupedFolds, EveryPageFallsInOneFold) {
  // Pages interleaved in the file, as when two gold files are concatenated.
  std::vector<GoldSentence> rows = gold({4, 3, 3, 2, 2, 1, 1, 1}, 5);
  std::swap(rows[1], rows[5]);
  std::swap(rows[2], rows[9]);
  const FoldAssignment folds = assign_grouped_folds(rows, 3, 7);
  EXPECT_EQ(folds.groups, 13u);  // 8 pages and 5 sentences without a url
  ASSERT_EQ(folds.fold_of.size(), rows.size());
  std::map<std::string, std::set<std::size_t>> folds_of_page;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].url.empty()) folds_of_page[rows[i].url].insert(folds.fold_of[i]);
  }
  for (const auto& [url, in] : folds_of_page) EXPECT_EQ(in.size(), 1u) << url;
}

TEST(GroupedFolds, FoldsAreBalancedBySentencesNotPages) {
  // 22 sentences: largest first into the lightest fold gives 8, 7, 7.
  const std::vector<GoldSentence> rows = gold({6, 5, 4, 2, 2, 1, 1, 1}, 0);
  const FoldAssignment folds = assign_grouped_folds(rows, 3, 1);
  std::vector<std::size_t> sizes(3, 0);
  for (std::size_t f : folds.fold_of) ++sizes[f];
  for (std::size_t size : sizes) {
    EXPECT_GE(size, 7u);
    EXPECT_LE(size, 8u);
  }
}

TEST(GroupedFolds, SentencesWithoutUrlAreGroupsOfTheirOwn) {
  const std::vector<GoldSentence> rows = gold({}, 10);
  EXPECT_EQ(count_groups(rows), 10u);
  const FoldAssignment folds = assign_grouped_folds(rows, 5, 1);
  std::vector<std::size_t> sizes(5, 0);
  for (std::size_t f : folds.fold_of) ++sizes[f];
  for (std::size_t size : sizes) EXPECT_EQ(size, 2u);
}

TEST(GroupedFolds, TheSeedDecidesAndTheSameSeedRepeats) {
  const std::vector<GoldSentence> rows = gold({2, 2, 2, 2, 2, 2}, 12);
  const FoldAssignment a = assign_grouped_folds(rows, 4, 1);
  EXPECT_EQ(assign_grouped_folds(rows, 4, 1).fold_of, a.fold_of);
  bool some_seed_differs = false;
  for (unsigned seed = 2; seed < 10; ++seed)
    some_seed_differs |= assign_grouped_folds(rows, 4, seed).fold_of != a.fold_of;
  EXPECT_TRUE(some_seed_differs);
}

TEST(GroupedFolds, FewerGroupsThanFoldsIsRefused) {
  const std::vector<GoldSentence> rows = gold({5, 5}, 0);
  EXPECT_EQ(count_groups(rows), 2u);
  EXPECT_THROW(assign_grouped_folds(rows, 3, 1), std::invalid_argument);
  EXPECT_NO_THROW(assign_grouped_folds(rows, 2, 1));
}

}  // namespace
}  // namespace demarche::cli
