#include "match/sequence.hpp"

#include <algorithm>
#include <cstddef>

namespace demarche::match {

bool find_sequence(const std::vector<const std::vector<Span>*>& occurrences,
                   const std::vector<int>& max_gaps, const text::WordIndex& words,
                   std::vector<Span>* chain) {
  const std::size_t n = occurrences.size();
  chain->clear();
  if (n == 0) return false;
  // back[at[i] + j]: index into occurrences[i-1] of the predecessor of
  // occurrences[i][j], or -1 when occurrences[i][j] ends no valid chain. One
  // flat buffer, reused by the thread: this runs for every candidate rule.
  thread_local std::vector<int> back;
  thread_local std::vector<std::size_t> at;
  at.assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) at[i + 1] = at[i] + occurrences[i]->size();
  back.assign(at[n], -1);
  std::fill(back.begin(), back.begin() + static_cast<std::ptrdiff_t>(at[1]), 0);
  for (std::size_t i = 1; i < n; ++i) {
    const std::vector<Span>& previous = *occurrences[i - 1];
    const std::vector<Span>& current = *occurrences[i];
    for (std::size_t j = 0; j < current.size(); ++j) {
      for (std::size_t k = 0; k < previous.size(); ++k) {
        if (back[at[i - 1] + k] < 0 || previous[k].end > current[j].begin) continue;
        if (words.words_between(previous[k].end, current[j].begin) >
            static_cast<std::size_t>(max_gaps[i - 1])) {
          continue;
        }
        back[at[i] + j] = static_cast<int>(k);  // later k is closer: keep the last
      }
    }
  }
  std::size_t j = 0;
  while (j < occurrences[n - 1]->size() && back[at[n - 1] + j] < 0) ++j;
  if (j == occurrences[n - 1]->size()) return false;
  chain->resize(n);
  for (std::size_t i = n; i-- > 0;) {
    (*chain)[i] = (*occurrences[i])[j];
    if (i > 0) j = static_cast<std::size_t>(back[at[i] + j]);
  }
  return true;
}

}  // namespace demarche::match
