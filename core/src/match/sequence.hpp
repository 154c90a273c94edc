// Word-proximity between pieces: "A, then within N words, B".
#pragma once

#include <cstddef>
#include <vector>

#include "demarche/result.hpp"
#include "text/words.hpp"

namespace demarche::match {

// The occurrences of one piece, sorted by begin and not overlapping, that
// may be found only when asked for: searching for an occurrence costs a
// regex search through the text.
class OccurrenceList {
 public:
  virtual ~OccurrenceList() = default;
  // The occurrence at `index`, or null when there are no more than `index`.
  // The pointer may not outlive the next call.
  virtual const Span* at(std::size_t index) = 0;
};

// An OccurrenceList of spans already found.
class SpanList final : public OccurrenceList {
 public:
  explicit SpanList(std::vector<Span> spans) : spans_(std::move(spans)) {}
  const Span* at(std::size_t index) override {
    return index < spans_.size() ? &spans_[index] : nullptr;
  }

 private:
  std::vector<Span> spans_;
};

// Finds the leftmost chain e[0] < e[1] < ... where e[i] is one of
// `occurrences[i]` (sorted by begin), e[i+1] starts at or after e[i] ends,
// and at most max_gaps[i] words start between them: the chain whose last
// element comes first, with each element's closest predecessor. Returns false
// when no chain exists.
bool find_sequence(const std::vector<const std::vector<Span>*>& occurrences,
                   const std::vector<int>& max_gaps, const text::WordIndex& words,
                   std::vector<Span>* chain);

// The same chain, from lists whose occurrences are found on demand. Asks each
// list for no more than the answer needs: for no element of the last piece
// after the first that ends a chain, and for no element of an earlier piece
// beyond the first that ends after the element it would precede.
bool find_chain(const std::vector<OccurrenceList*>& occurrences, const std::vector<int>& max_gaps,
                const text::WordIndex& words, std::vector<Span>* chain);

}  // namespace demarche::match
