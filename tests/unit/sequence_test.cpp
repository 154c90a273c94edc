#include "match/sequence.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace demarche::match
