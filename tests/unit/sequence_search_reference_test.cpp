// The chain search (match::find_chain) against the one it replaced, which
// scanned the previous piece's elements from the first for every element and
// so took quadratic time on one long line (issue 14, item 7). Both must choose
// the same chain and ask each list for as much, on any input.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "match/sequence.hpp"

namespace demarche::match {
namespace {

// The search as it was before it was made linear, kept word for word as the
// reference: the answer and the reads it made are the specification.
namespace reference {

class ChainSearch {
 public:
  ChainSearch(const std::vector<OccurrenceList*>& lists, const std::vector<int>& max_gaps,
              const text::WordIndex& words)
      : lists_(lists), gaps_(max_gaps), words_(words), predecessor_(lists.size()) {}

  bool ends_chain(std::size_t i, std::size_t j) {
    if (i == 0) return true;
    std::vector<int>& known = predecessor_[i];
    if (known.size() <= j) known.resize(j + 1, kUnknown);
    if (known[j] == kUnknown) {
      const int found = closest_predecessor(i, j);
      predecessor_[i][j] = found;
    }
    return predecessor_[i][j] >= 0;
  }

  std::size_t predecessor(std::size_t i, std::size_t j) const {
    return static_cast<std::size_t>(predecessor_[i][j]);
  }

 private:
  static constexpr int kUnknown = -2;
  static constexpr int kNone = -1;

  int closest_predecessor(std::size_t i, std::size_t j) {
    const Span current = *lists_[i]->at(j);
    OccurrenceList& previous = *lists_[i - 1];
    std::size_t before = 0;
    while (const Span* p = previous.at(before)) {
      if (p->end > current.begin) break;
      ++before;
    }
    for (std::size_t k = before; k-- > 0;) {
      const Span candidate = *previous.at(k);
      if (words_.words_between(candidate.end, current.begin) >
          static_cast<std::size_t>(gaps_[i - 1]))
        break;
      if (ends_chain(i - 1, k)) return static_cast<int>(k);
    }
    return kNone;
  }

  const std::vector<OccurrenceList*>& lists_;
  const std::vector<int>& gaps_;
  const text::WordIndex& words_;
  std::vector<std::vector<int>> predecessor_;
};

bool find_chain(const std::vector<OccurrenceList*>& occurrences, const std::vector<int>& max_gaps,
                const text::WordIndex& words, std::vector<Span>* chain) {
  const std::size_t n = occurrences.size();
  chain->clear();
  if (n == 0) return false;
  ChainSearch search(occurrences, max_gaps, words);
  std::size_t last = 0;
  while (occurrences[n - 1]->at(last) && !search.ends_chain(n - 1, last)) ++last;
  if (!occurrences[n - 1]->at(last)) return false;
  chain->resize(n);
  for (std::size_t i = n, j = last; i-- > 0;) {
    (*chain)[i] = *occurrences[i]->at(j);
    if (i > 0) j = search.predecessor(i, j);
  }
  return true;
}

}  // namespace reference

// Occurrences handed out as far as asked, remembering how far that was. The
// returned pointer dies at the next call, as the contract allows: a search
// that kept one would read a stale span (and ASan would say so).
class RecordingList final : public OccurrenceList {
 public:
  explicit RecordingList(const std::vector<Span>& spans) : spans_(spans) {}
  const Span* at(std::size_t index) override {
    furthest_ = std::max(furthest_, static_cast<long>(index));
    if (index >= spans_.size()) return nullptr;
    handed_out_ = spans_[index];
    return &handed_out_;
  }
  long furthest() const { return furthest_; }

 private:
  const std::vector<Span>& spans_;
  Span handed_out_;
  long furthest_ = -1;
};

struct Outcome {
  bool found = false;
  std::vector<Span> chain;
  std::vector<long> furthest;  // per list
};

template <typename Search>
Outcome run(Search search, const std::vector<std::vector<Span>>& pieces,
            const std::vector<std::size_t>& list_of_piece, const std::vector<int>& gaps,
            const text::WordIndex& words) {
  std::vector<RecordingList> lists;
  lists.reserve(pieces.size());
  for (const std::vector<Span>& p : pieces) lists.emplace_back(p);
  std::vector<OccurrenceList*> pointers;
  for (std::size_t l : list_of_piece) pointers.push_back(&lists[l]);
  Outcome out;
  out.found = search(pointers, gaps, words, &out.chain);
  for (const RecordingList& l : lists) out.furthest.push_back(l.furthest());
  return out;
}

// Random text of short words, spaces and punctuation.
std::string random_text(std::mt19937& rng, std::size_t size) {
  static const std::string kBytes = "aaaabbbcc    ,.'-";
  std::uniform_int_distribution<std::size_t> pick(0, kBytes.size() - 1);
  std::string text;
  for (std::size_t i = 0; i < size; ++i) text.push_back(kBytes[pick(rng)]);
  return text;
}

// Sorted spans that do not overlap (but may touch, and may be empty), as any
// piece's occurrences are; starting anywhere, not only at word starts, as
// `words: partial` pieces' do.
std::vector<Span> random_spans(std::mt19937& rng, std::size_t text_size, double density) {
  std::vector<Span> spans;
  std::bernoulli_distribution starts_here(density);
  std::uniform_int_distribution<std::size_t> length(0, 6);
  for (std::size_t at = 0; at < text_size;) {
    if (!starts_here(rng)) {
      ++at;
      continue;
    }
    const std::size_t end = std::min(text_size, at + length(rng));
    spans.push_back(Span{at, end});
    at = end == at ? at + 1 : end;  // an empty span is not found twice
  }
  return spans;
}

TEST(SequenceSearchReference, SameChainAndSameReadsOnRandomLists) {
  std::mt19937 rng(20240614);
  const auto linear = [](auto&&... a) { return find_chain(a...); };
  const auto quadratic = [](auto&&... a) { return reference::find_chain(a...); };
  for (int round = 0; round < 20000; ++round) {
    const std::size_t size = std::uniform_int_distribution<std::size_t>(0, 120)(rng);
    const std::string text = random_text(rng, size);
    const text::WordIndex words(text);
    const std::size_t n = std::uniform_int_distribution<std::size_t>(1, 5)(rng);
    std::vector<std::vector<Span>> pieces;
    std::vector<std::size_t> list_of_piece;
    std::vector<int> gaps;
    const double density = std::uniform_real_distribution<double>(0.02, 0.6)(rng);
    for (std::size_t i = 0; i < n; ++i) {
      // A piece used twice in one line ("X ~3 X") shares its list.
      if (!pieces.empty() && std::bernoulli_distribution(0.15)(rng)) {
        list_of_piece.push_back(
            std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng));
      } else {
        list_of_piece.push_back(pieces.size());
        pieces.push_back(random_spans(rng, size, density));
      }
      if (i > 0) gaps.push_back(std::uniform_int_distribution<int>(0, 6)(rng));
    }
    const Outcome got = run(linear, pieces, list_of_piece, gaps, words);
    const Outcome want = run(quadratic, pieces, list_of_piece, gaps, words);
    ASSERT_EQ(got.found, want.found) << "round " << round;
    ASSERT_EQ(got.chain, want.chain) << "round " << round;
    ASSERT_EQ(got.furthest, want.furthest) << "round " << round;
  }
}

// A line of some megabytes with hundreds of thousands of occurrences, where
// the old search counted, for each occurrence, all those before it: about
// 10^11 reads here. Now a few million; no time is asserted, but a return to
// the quadratic search would run for many minutes, past ctest's timeout.
TEST(SequenceSearchReference, LongLineWithManyOccurrences) {
  const std::string unit = "diplomats out ";
  const std::size_t repeats = 300000;  // 4.2 MB
  std::string text;
  text.reserve(unit.size() * repeats + 16);
  std::vector<Span> diplomats, out;
  for (std::size_t r = 0; r < repeats; ++r) {
    diplomats.push_back(Span{text.size(), text.size() + 9});
    out.push_back(Span{text.size() + 10, text.size() + 13});
    text += unit;
  }
  const Span kick{text.size(), text.size() + 4};
  text += "kick";
  const text::WordIndex words(text);

  // "kick ~3 diplomats ~1 out": every piece occurs, but the only "kick" comes
  // last, so no chain exists and every "out" is looked at.
  std::vector<Span> kicks{kick};
  std::vector<Span> chain;
  EXPECT_FALSE(find_sequence({&kicks, &diplomats, &out}, {3, 1}, words, &chain));

  // "diplomats ~0 out ~0 kick": the one chain is at the very end, and the
  // predecessor of each element is the closest one.
  ASSERT_TRUE(find_sequence({&diplomats, &out, &kicks}, {0, 0}, words, &chain));
  EXPECT_EQ(chain, (std::vector<Span>{diplomats.back(), out.back(), kick}));

  // "out ~1 diplomats": the first "diplomats" after an "out".
  ASSERT_TRUE(find_sequence({&out, &diplomats}, {1}, words, &chain));
  EXPECT_EQ(chain, (std::vector<Span>{out[0], diplomats[1]}));

  // Lazily: the same line, with lists read only as far as asked.
  RecordingList a(diplomats), b(out), c(kicks);
  ASSERT_TRUE(find_chain({&a, &b}, {0}, words, &chain));
  EXPECT_EQ(chain, (std::vector<Span>{diplomats[0], out[0]}));
  EXPECT_EQ(a.furthest(), 1);
  EXPECT_EQ(b.furthest(), 0);
}

}  // namespace
}  // namespace demarche::match
