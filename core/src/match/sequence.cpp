#include "match/sequence.hpp"

namespace demarche::match {

namespace {

// For element `j` of piece `i`, the closest element of piece i-1 that ends a
// chain of pieces 0..i-1 within the gap before it, found on first need.
//
// Each element's predecessor is found in about log n steps, not n, so that one
// long line with many occurrences stays linear: a binary search counts the
// elements of piece i-1 that end before element j starts (ends never decrease,
// since the occurrences are sorted and do not overlap), and elements already
// known not to end a chain are skipped in one step. Neither changes the answer
// nor what is asked of the lists: the same elements are looked at, in the same
// order, as by a scan from the first.
class ChainSearch {
 public:
  ChainSearch(const std::vector<OccurrenceList*>& lists, const std::vector<int>& max_gaps,
              const text::WordIndex& words)
      : lists_(lists), gaps_(max_gaps), words_(words) {
    // Reused by the thread: this runs for every candidate rule.
    thread_local std::vector<Piece> buffers;
    if (buffers.size() < lists.size()) buffers.resize(lists.size());
    for (std::size_t i = 0; i < lists.size(); ++i) buffers[i].clear();
    pieces_ = &buffers;
  }
  // The thread keeps its buffers, but not those of a huge line.
  ~ChainSearch() {
    for (std::size_t i = 0; i < lists_.size(); ++i) {
      if ((*pieces_)[i].predecessor.capacity() > kKept) (*pieces_)[i] = Piece();
    }
  }
  ChainSearch(const ChainSearch&) = delete;
  ChainSearch& operator=(const ChainSearch&) = delete;

  // Element `j` of piece `i`, searched for if need be; false when the piece
  // has no more than `j` elements.
  bool has(std::size_t i, std::size_t j) {
    Piece& piece = (*pieces_)[i];
    while (piece.predecessor.size() <= j && !piece.complete) read_next(i);
    return j < piece.predecessor.size();
  }

  // Element `j` of piece `i`, which has() said is there.
  Span span(std::size_t i, std::size_t j) const { return *lists_[i]->at(j); }

  // Whether element `j` of piece `i` (which has() said is there) ends a chain
  // of pieces 0..i.
  bool ends_chain(std::size_t i, std::size_t j) {
    if (i == 0) return true;
    if ((*pieces_)[i].predecessor[j] == kUnknown) {
      // Indexed again after the call: the search may read more elements of
      // earlier pieces, never of this one, but that is for it to know.
      const int found = closest_predecessor(i, j);
      Piece& piece = (*pieces_)[i];
      piece.predecessor[j] = found;
      if (found == kNone) piece.lower[j] = static_cast<int>(j) - 1;
    }
    return (*pieces_)[i].predecessor[j] >= 0;
  }

  std::size_t predecessor(std::size_t i, std::size_t j) const {
    return static_cast<std::size_t>((*pieces_)[i].predecessor[j]);
  }

 private:
  static constexpr int kUnknown = -2;
  static constexpr int kNone = -1;
  static constexpr std::size_t kKept = std::size_t{1} << 16;

  // What is known of one piece's elements: each element read so far has an
  // entry in both vectors.
  struct Piece {
    std::vector<int> predecessor;  // kUnknown, kNone or an element of the previous piece
    // For an element known to end no chain (kNone): an element before it such
    // that none between them ends a chain either (or -1), shortened as they are
    // followed, as in a union-find. Unused for the others.
    std::vector<int> lower;
    bool complete = false;  // every element has been read
    void clear() {
      predecessor.clear();
      lower.clear();
      complete = false;
    }
  };

  void read_next(std::size_t i) {
    Piece& piece = (*pieces_)[i];
    if (!lists_[i]->at(piece.predecessor.size())) {
      piece.complete = true;
      return;
    }
    piece.predecessor.push_back(kUnknown);
    piece.lower.push_back(0);
  }

  // How many elements of piece `i` end by `position`, read up to the first
  // that ends after it (as a count from the first element would), no further.
  std::size_t count_ending_by(std::size_t i, std::size_t position) {
    Piece& piece = (*pieces_)[i];
    OccurrenceList& list = *lists_[i];
    while (!piece.complete &&
           (piece.predecessor.empty() || list.at(piece.predecessor.size() - 1)->end <= position))
      read_next(i);
    std::size_t low = 0, high = piece.predecessor.size();  // ends by `position` below `low`
    while (low < high) {
      const std::size_t middle = low + (high - low) / 2;
      if (list.at(middle)->end <= position)
        low = middle + 1;
      else
        high = middle;
    }
    return low;
  }

  // The last element of piece `i` at or before `k` that is not known to end
  // no chain, or -1.
  int last_candidate(std::size_t i, int k) {
    Piece& piece = (*pieces_)[i];
    int found = k;
    while (found >= 0 && piece.predecessor[static_cast<std::size_t>(found)] == kNone)
      found = piece.lower[static_cast<std::size_t>(found)];
    // Every element passed on the way now leads straight there.
    while (k >= 0 && piece.predecessor[static_cast<std::size_t>(k)] == kNone) {
      const int next = piece.lower[static_cast<std::size_t>(k)];
      piece.lower[static_cast<std::size_t>(k)] = found;
      k = next;
    }
    return found;
  }

  int closest_predecessor(std::size_t i, std::size_t j) {
    const std::size_t begin = lists_[i]->at(j)->begin;
    const std::size_t gap = static_cast<std::size_t>(gaps_[i - 1]);
    // Elements of piece i-1 that end before `current` starts come first.
    const int before = static_cast<int>(count_ending_by(i - 1, begin));
    // The closest first; the further back, the more words between, so the
    // first one too far away ends the search. Skipping the elements known to
    // end no chain changes nothing: those beyond a skipped one are further.
    for (int k = last_candidate(i - 1, before - 1); k >= 0; k = last_candidate(i - 1, k - 1)) {
      const std::size_t end = lists_[i - 1]->at(static_cast<std::size_t>(k))->end;
      if (words_.words_between(end, begin) > gap) break;
      if (ends_chain(i - 1, static_cast<std::size_t>(k))) return k;
    }
    return kNone;
  }

  const std::vector<OccurrenceList*>& lists_;
  const std::vector<int>& gaps_;
  const text::WordIndex& words_;
  std::vector<Piece>* pieces_;
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
  while (search.has(n - 1, last) && !search.ends_chain(n - 1, last)) ++last;
  if (!search.has(n - 1, last)) return false;
  chain->resize(n);
  for (std::size_t i = n, j = last; i-- > 0;) {
    (*chain)[i] = search.span(i, j);
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
