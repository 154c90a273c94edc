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
// carries a checksum of its own, and its lookup is checked again as it is
// read (LiteralPiece::from_bytes). Anything wrong and the lookup is built
// as if there were no file. Start-up reads only the index: a record is read
// when its piece is first needed (reading and checking all 4 MB of the
// shipped rules' file cost 3 ms of a 28 ms start-up).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "match/cache_file.hpp"

namespace demarche::match {

// The key of the lookups of these whole-word regexes.
std::string literal_cache_key(const std::vector<std::string_view>& regexes);

// The records of one file.
class LiteralRecords {
 public:
  // The records of `file` when it is made for `key` and holds `count`
  // records; nothing otherwise.
  static std::optional<LiteralRecords> open(CacheFileReader file, const std::string& key,
                                            std::size_t count);

  std::size_t size() const { return index_.size(); }
  // What store_literal_cache was given as records[i] (empty: the piece has
  // no lookup); nothing when it cannot be read or its checksum is wrong.
  // Not zeroed before it is read: zeroing a std::string first took 5% of
  // a fresh run over the news sentences.
  std::optional<CacheFile> record(std::size_t i) const;

 private:
  struct Entry {
    std::size_t offset;
    std::size_t size;
    std::uint64_t checksum;
  };
  explicit LiteralRecords(CacheFileReader file) : file_(std::move(file)) {}
  CacheFileReader file_;
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
