#include "match/sequence.hpp"

namespace demarche::match {

namespace {

// For element `j` of piece `i`, the closest element of piece i-1 that ends a
// chain of pieces 0..i-1 within the gap before it, found on first need.
class ChainSearch {
 public:
  ChainSearch(const std::vector<OccurrenceList*>& lists, const std::vector<int>& max_gaps,
              const text::WordIndex& words)
      : lists_(lists), gaps_(max_gaps), words_(words) {
    // Reused by the thread: this runs for every candidate rule.
    thread_local std::vector<std::vector<int>> buffers;
    if (buffers.size() < lists.size()) buffers.resize(lists.size());
    for (std::size_t i = 0; i < lists.size(); ++i) buffers[i].clear();
    predecessor_ = &buffers;
  }

  // Whether element `j` of piece `i` ends a chain of pieces 0..i.
  bool ends_chain(std::size_t i, std::size_t j) {
    if (i == 0) return true;
    std::vector<int>& known = (*predecessor_)[i];
    if (known.size() <= j) known.resize(j + 1, kUnknown);
    if (known[j] == kUnknown) {
      const int found = closest_predecessor(i, j);
      (*predecessor_)[i][j] = found;  // `known` may have moved meanwhile
    }
    return (*predecessor_)[i][j] >= 0;
  }

  std::size_t predecessor(std::size_t i, std::size_t j) const {
    return static_cast<std::size_t>((*predecessor_)[i][j]);
  }

 private:
  static constexpr int kUnknown = -2;
  static constexpr int kNone = -1;

  int closest_predecessor(std::size_t i, std::size_t j) {
    const Span current = *lists_[i]->at(j);
    OccurrenceList& previous = *lists_[i - 1];
    // Elements of piece i-1 that end before `current` starts come first
    // (ends never decrease), so counting them reads one element past them.
    std::size_t before = 0;
    while (const Span* p = previous.at(before)) {
      if (p->end > current.begin) break;
      ++before;
    }
    // The closest first; the further back, the more words between, so the
    // first one too far away ends the search.
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
  std::vector<std::vector<int>>* predecessor_;  // per piece, per element
};

class FoundOccurrences final : public OccurrenceList {
 public:
  explicit FoundOccurrences(const std::vector<Span>& spans) : spans_(spans) {}
  const Span* at(std::size_t index) override {
    return index < spans_.size() ? &spans_[index] : nullptr;
  }

 private:
  const std::vector<Span>& spans_;
};

}  // namespace

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

bool find_sequence(const std::vector<const std::vector<Span>*>& occurrences,
                   const std::vector<int>& max_gaps, const text::WordIndex& words,
                   std::vector<Span>* chain) {
  std::vector<FoundOccurrences> found;
  found.reserve(occurrences.size());
  std::vector<OccurrenceList*> lists;
  lists.reserve(occurrences.size());
  for (const std::vector<Span>* spans : occurrences) lists.push_back(&found.emplace_back(*spans));
  return find_chain(lists, max_gaps, words, chain);
}

}  // namespace demarche::match
