#include "match/sequence.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>

namespace demarche::match {
namespace {

// Offsets of the words of "w0 w1 w2 ..." (each word 2 bytes plus a space).
Span word(std::size_t i) {
  return Span{i * 3, i * 3 + 2};
}

const std::string kText = "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9";

TEST(Sequence, AdjacentPiecesHaveZeroWordsBetween) {
  const text::WordIndex words(kText);
  const std::vector<Span> a{word(2)}, b{word(3)};
  std::vector<Span> chain;
  EXPECT_TRUE(find_sequence({&a, &b}, {0}, words, &chain));
  EXPECT_EQ(chain, (std::vector<Span>{word(2), word(3)}));
}

TEST(Sequence, GapIsCountedInWords) {
  const text::WordIndex words(kText);
  const std::vector<Span> a{word(1)}, b{word(5)};  // w2 w3 w4 between
  std::vector<Span> chain;
  EXPECT_FALSE(find_sequence({&a, &b}, {2}, words, &chain));
  EXPECT_TRUE(find_sequence({&a, &b}, {3}, words, &chain));
}

TEST(Sequence, OrderMatters) {
  const text::WordIndex words(kText);
  const std::vector<Span> a{word(5)}, b{word(4)};
  std::vector<Span> chain;
  EXPECT_FALSE(find_sequence({&a, &b}, {9}, words, &chain));
}

TEST(Sequence, ThreePiecesUseClosestPredecessors) {
  const text::WordIndex words(kText);
  const std::vector<Span> a{word(0), word(3)}, b{word(1), word(4)}, c{word(6)};
  std::vector<Span> chain;
  ASSERT_TRUE(find_sequence({&a, &b, &c}, {0, 1}, words, &chain));
  EXPECT_EQ(chain, (std::vector<Span>{word(3), word(4), word(6)}));
}

TEST(Sequence, FailsWhenTheMiddleLinkBreaks) {
  const text::WordIndex words(kText);
  const std::vector<Span> a{word(0)}, b{word(5)}, c{word(6)};
  std::vector<Span> chain;
  EXPECT_FALSE(find_sequence({&a, &b, &c}, {1, 1}, words, &chain));
}

// Occurrences handed out one at a time, counting how far they were read.
class CountingList final : public OccurrenceList {
 public:
  explicit CountingList(std::vector<Span> spans) : spans_(std::move(spans)) {}
  const Span* at(std::size_t index) override {
    furthest_ = std::max<long>(furthest_, static_cast<long>(index));
    return index < spans_.size() ? &spans_[index] : nullptr;
  }
  long furthest() const { return furthest_; }

 private:
  std::vector<Span> spans_;
  long furthest_ = -1;
};

TEST(Sequence, StopsAtTheFirstChainItCompletes) {
  const text::WordIndex words(kText);
  CountingList a({word(1), word(6)}), b({word(2), word(4), word(7), word(9)});
  std::vector<Span> chain;
  ASSERT_TRUE(find_chain({&a, &b}, {0}, words, &chain));
  EXPECT_EQ(chain, (std::vector<Span>{word(1), word(2)}));
  EXPECT_EQ(b.furthest(), 0);  // w4, w7 and w9 never searched for
  EXPECT_EQ(a.furthest(), 1);  // w6 read only to see that it comes after w2
}

TEST(Sequence, ReadsEveryElementWhenNoChainExists) {
  const text::WordIndex words(kText);
  CountingList a({word(5)}), b({word(1), word(3)});
  std::vector<Span> chain;
  EXPECT_FALSE(find_chain({&a, &b}, {9}, words, &chain));
  EXPECT_EQ(b.furthest(), 2);  // asked past the end: nothing was left out
}

// The chain, by the definition: the first element of the last piece that
// ends some chain, then for each element the latest one before it that does.
std::vector<Span> reference_chain(const std::vector<std::vector<Span>>& pieces,
                                  const std::vector<int>& gaps, const text::WordIndex& words) {
  const std::size_t n = pieces.size();
  std::function<long(std::size_t, std::size_t)> predecessor;  // -1: none
  std::function<bool(std::size_t, std::size_t)> ends_chain = [&](std::size_t i, std::size_t j) {
    return i == 0 || predecessor(i, j) >= 0;
  };
  predecessor = [&](std::size_t i, std::size_t j) {
    long best = -1;
    for (std::size_t k = 0; k < pieces[i - 1].size(); ++k) {
      const Span& p = pieces[i - 1][k];
      const Span& c = pieces[i][j];
      if (p.end <= c.begin &&
          words.words_between(p.end, c.begin) <= static_cast<std::size_t>(gaps[i - 1]) &&
          ends_chain(i - 1, k))
        best = static_cast<long>(k);
    }
    return best;
  };
  for (std::size_t j = 0; j < pieces[n - 1].size(); ++j) {
    if (!ends_chain(n - 1, j)) continue;
    std::vector<Span> chain(n);
    for (std::size_t i = n; i-- > 0;) {
      chain[i] = pieces[i][j];
      if (i > 0) j = static_cast<std::size_t>(predecessor(i, j));
    }
    return chain;
  }
  return {};
}

TEST(Sequence, LazyChainAgreesWithTheDefinitionOnRandomLists) {
  std::mt19937 rng(1201);
  const std::string text = "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 wa wb wc wd we wf";
  const text::WordIndex words(text);
  for (int round = 0; round < 3000; ++round) {
    const std::size_t n = std::uniform_int_distribution<std::size_t>(1, 4)(rng);
    std::vector<std::vector<Span>> pieces(n);
    std::vector<int> gaps;
    for (std::size_t i = 0; i < n; ++i) {
      // Sorted, non-overlapping runs of one or two words.
      for (std::size_t w = 0; w < 16;) {
        const std::size_t length = std::uniform_int_distribution<std::size_t>(1, 2)(rng);
        if (w + length <= 16 && std::bernoulli_distribution(0.3)(rng)) {
          pieces[i].push_back(Span{word(w).begin, word(w + length - 1).end});
          w += length;
        } else {
          ++w;
        }
      }
      if (i > 0) gaps.push_back(std::uniform_int_distribution<int>(0, 3)(rng));
    }
    std::vector<CountingList> lists;
    for (const auto& p : pieces) lists.emplace_back(p);
    std::vector<OccurrenceList*> pointers;
    for (CountingList& l : lists) pointers.push_back(&l);
    std::vector<Span> chain;
    const bool found = find_chain(pointers, gaps, words, &chain);
    const std::vector<Span> expected = reference_chain(pieces, gaps, words);
    ASSERT_EQ(found, !expected.empty()) << "round " << round;
    if (found) {
      ASSERT_EQ(chain, expected) << "round " << round;
    }
  }
}

}  // namespace
}  // namespace demarche::match
