// Which pieces a previous load already checked with RE2, kept in the
// pattern cache folder (hyperscan_cache.hpp), so that a fresh process with
// rules it has loaded before need not compile every piece to check it:
// that was half of the shipped rules' start-up.
//
// Only pieces that compiled, cannot match the empty string, and whose
// common-word answer (common_words.hpp) is stored are remembered. The file is
// a hint, never trusted for safety: a piece wrongly marked as checked is
// still compiled before it matches anything, by RE2 or by the word lookup's
// parser (a strict subset of RE2's syntax), and by Vectorscan, and
// fails there as a load error or a piece that never matches; the
// common-word answer only changes which scan looks for the piece.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace demarche::match {

class CheckedPieces {
 public:
  // Reads the folder's record; empty when caching is off or there is none.
  CheckedPieces();

  // A key for the bare pattern and its case option.
  static std::uint64_t key(const std::string& pattern, bool case_insensitive);

  // Whether the piece was checked before, and then its common-word answer.
  std::optional<bool> find(std::uint64_t key) const;

  // `seconds`: what checking it took, so that only rule sets slow to check
  // are remembered (not the small ones of tests and experiments).
  void add(std::uint64_t key, bool common, double seconds);

  // Writes the record back when what was added took long enough to check
  // to be worth it; failures are silent.
  void save() const;

 private:
  std::unordered_map<std::uint64_t, bool> known_;
  double added_seconds_ = 0;
  bool changed_ = false;
};

}  // namespace demarche::match
