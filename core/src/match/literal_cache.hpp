// A file cache of built word lookups (literal_piece.hpp), beside the
// Vectorscan databases (hyperscan_cache.hpp), so that a fresh process does
// not expand the pieces' regexes again: on news nobody had seen, building
// the lookups its sentences needed was a fifth of a fresh run, and on the
// Brown Corpus a fifth of the time after start-up (docs/architecture.md,
// "Literal pieces").
//
// One file per set of pieces: for each piece, in order, the bytes of its
// lookup, or none when the piece is not a list of words. The file is never
// trusted: it must carry its key and a checksum of its index; each record
// carries a checksum of its own, checked when the piece is first needed
// (checking all 4 MB of the shipped rules' file at start-up took about 2
// ms), and its lookup is checked again as it is read
// (LiteralPiece::from_bytes). Anything wrong and the lookup is built as if
// there were no file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "match/hyperscan_cache.hpp"

namespace demarche::match {

// The key of the lookups of these whole-word regexes.
std::string literal_cache_key(const std::vector<std::string_view>& regexes);

// The records of one file.
class LiteralRecords {
 public:
  // The records in `file` when it is made for `key` and holds `count`
  // records; nothing otherwise.
  static std::optional<LiteralRecords> parse(CacheFile file, const std::string& key,
                                             std::size_t count);

  std::size_t size() const { return index_.size(); }
  // What store_literal_cache was given as records[i] (empty: the piece has
  // no lookup); nothing when the record's checksum is wrong.
  std::optional<std::string_view> record(std::size_t i) const;

 private:
  struct Entry {
    std::size_t offset;
    std::size_t size;
    std::uint64_t checksum;
  };
  CacheFile file_;
  std::vector<Entry> index_;
};

// The file's records for `key`, when it is there, intact, and holds `count`
// of them; nothing otherwise.
std::optional<LiteralRecords> load_literal_cache(const std::string& key, std::size_t count);

// The file's bytes for `records` (store_literal_cache writes them).
std::string literal_cache_file(const std::string& key, const std::vector<std::string>& records);

// Writes the file for `key`; failures are silent.
void store_literal_cache(const std::string& key, const std::vector<std::string>& records);

}  // namespace demarche::match
