// A file cache of compiled Vectorscan databases, so that a fresh process
// with rules it has loaded before starts in milliseconds: compiling the
// shipped rules' pieces takes far longer than reading the result back.
//
// The cache is an optimisation and never an input: a missing, unreadable,
// truncated or tampered file is ignored and the database compiled again.
// Each file carries the key it was made for and a checksum of its bytes;
// Vectorscan checks its own header and platform on top. Files are written
// to a fresh name and renamed into place, so a reader never sees half a
// file and no other file is overwritten.
//
// Where: $DEMARCHE_CACHE_DIR; else $XDG_CACHE_HOME/demarche; else
// $HOME/.cache/demarche. DEMARCHE_CACHE_DIR=off (or empty) turns it off.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct hs_database;

namespace demarche::match {

// The key of the database compiled from these regexes, with these flags,
// split at this length (HyperscanScan), by this Vectorscan.
std::string database_key(const std::vector<std::string>& regexes, unsigned flags,
                         std::size_t split_length = 0);

// A database, and which of the regexes it was asked for it holds: per
// member, the index of its regex (ascending; a regex given in parts appears
// once per part; the regexes it never names Vectorscan refused). The member
// ids in the database are positions in `members`.
struct CachedDatabase {
  bool found = false;
  hs_database* db = nullptr;  // owned by the receiver; null when it holds no member
  std::vector<unsigned> members;
};

// The cached database for `key`, or one with a null db (the caller
// compiles). `count` is how many regexes the key was made from: a member
// list that does not fit them is refused.
CachedDatabase load_cached_database(const std::string& key, std::size_t count);

// Writes `db` as the database for `key` (null when Vectorscan refused every
// member: that too is worth remembering); failures are silent.
void store_cached_database(const std::string& key, const hs_database* db,
                           const std::vector<unsigned>& members);

// The cache folder in use, or empty when caching is off.
std::string database_cache_dir();

// A fast non-cryptographic hash of `bytes` (FNV-style, eight bytes a step,
// the same value on every platform), from `seed`: the pieces in rules_hash,
// which weights files keep, so it must never change.
std::uint64_t cache_hash(std::string_view bytes, std::uint64_t seed = 1469598103934665603ull);

// XXH3 (libxxhash) of `bytes` from `seed`: the cache files' keys and
// checksums, which guard against damage, not against tampering
// (docs/architecture.md, "The cache"). Several times faster than
// cache_hash, whose multiplications wait on each other: checking the
// cache's 10 MB was a tenth of start-up.
std::uint64_t cache_checksum(std::string_view bytes, std::uint64_t seed = 0);

// `value` as 16 hexadecimal digits: keys and checksums in the files' heads.
std::string cache_hex(std::uint64_t value);

// Writes `bytes` as the cache folder's file `name`: to a fresh name
// (O_EXCL, O_NOFOLLOW, mode 0600) renamed into place, so that no reader
// sees half a file and no file of someone else's is written through.
// False when caching is off or the write failed.
bool write_cache_file(const std::string& name, std::string_view bytes);

// Keeps the kKeptFiles newest of the cache folder's files named
// PREFIX...SUFFIX: one per rule set in use, and a few older ones for
// switching back.
void prune_cache_files(std::string_view prefix, std::string_view suffix);

}  // namespace demarche::match
