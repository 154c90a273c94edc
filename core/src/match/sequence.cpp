#include "match/sequence.hpp"

namespace demarche::match {

bool find_sequence(const std::vector<const std::vector<Span>*>& occurrences,
                   const std::vector<int>& max_gaps, const text::WordIndex& words,
                   std::vector<Span>* chain) {
  const std::size_t n = occurrences.size();
  chain->clear();
  if (n == 0) return false;
  // back[i][j]: index into occurrences[i-1] of the predecessor of
  // occurrences[i][j], or -1 when occurrences[i][j] ends no valid chain.
  std::vector<std::vector<int>> back(n);
  back[0].assign(occurrences[0]->size(), 0);
  for (std::size_t i = 1; i < n; ++i) {
    const std::vector<Span>& previous = *occurrences[i - 1];
    const std::vector<Span>& current = *occurrences[i];
    back[i].assign(current.size(), -1);
    for (std::size_t j = 0; j < current.size(); ++j) {
      for (std::size_t k = 0; k < previous.size(); ++k) {
        if (back[i - 1][k] < 0 || previous[k].end > current[j].begin) continue;
        if (words.words_between(previous[k].end, current[j].begin) >
            static_cast<std::size_t>(max_gaps[i - 1])) {
          continue;
        }
        back[i][j] = static_cast<int>(k);  // later k is closer: keep the last
      }
    }
  }
  const std::vector<int>& last = back[n - 1];
  std::size_t j = 0;
  while (j < last.size() && last[j] < 0) ++j;
  if (j == last.size()) return false;
  chain->resize(n);
  for (std::size_t i = n; i-- > 0;) {
    (*chain)[i] = (*occurrences[i])[j];
    if (i > 0) j = static_cast<std::size_t>(back[i][j]);
  }
  return true;
}

}  // namespace demarche::match
