#include "match/literal_cache.hpp"

#include <cstring>
#include <memory>

#include "match/finite_language.hpp"
#include "match/hyperscan_cache.hpp"
#include "match/sentence_words.hpp"

namespace demarche::match {

namespace {

// Bumped with any change of the file's or a record's layout
// (literal_piece_bytes.cpp).
constexpr std::string_view kMagic = "demarche-literals 3\n";

std::string file_name(const std::string& key) {
  return "literals-" + key + ".lit";
}

void append_u64(std::string* out, std::uint64_t value) {
  out->append(reinterpret_cast<const char*>(&value), sizeof value);
}

}  // namespace

std::string literal_cache_key(const std::vector<std::string_view>& regexes) {
  // The records hold CharSets and integers as they are in memory: the
  // layout's sizes are in the key, so another build's file is not read.
  std::uint64_t hash = cache_checksum(kMagic);
  hash = cache_checksum(std::to_string(sizeof(CharSet)) + " " + std::to_string(sizeof(std::size_t)),
                        hash);
  // The records hold each lookup's first-word index, which is only right
  // for the word hash that made it: a build that hashes words otherwise
  // has another key.
  hash = cache_checksum(std::to_string(word_hash("demarche")), hash);
  for (const std::string_view regex : regexes) {
    hash = cache_checksum(regex, hash);
    hash = cache_checksum(std::string_view("\0", 1), hash);
  }
  return cache_hex(hash);
}

std::string literal_cache_file(const std::string& key, const std::vector<std::string>& records) {
  // The magic and the key on a line, the checksum of the index on a line;
  // the index (the record count, then each record's size and checksum);
  // the records.
  std::string index;
  append_u64(&index, records.size());
  for (const std::string& record : records) {
    append_u64(&index, record.size());
    append_u64(&index, cache_checksum(record));
  }
  std::string out =
      std::string(kMagic) + key + "\n" + cache_hex(cache_checksum(index)) + "\n" + index;
  for (const std::string& record : records) out += record;
  return out;
}

std::optional<LiteralRecords> LiteralRecords::open(CacheFileReader file, const std::string& key,
                                                   std::size_t count) {
  const std::string head = std::string(kMagic) + key + "\n";
  const std::size_t index_at = head.size() + 17;
  constexpr std::size_t kU64 = sizeof(std::uint64_t);
  // The head, the checksum line and the count; the count is checked before
  // the index's size is computed from it.
  std::string start(index_at + kU64, '\0');
  if (!file.read(0, start.size(), start.data()) || start.compare(0, head.size(), head) != 0) {
    return std::nullopt;
  }
  std::uint64_t records = 0;
  std::memcpy(&records, start.data() + index_at, kU64);
  if (records != count || count > (file.size() - index_at - kU64) / (2 * kU64)) {
    return std::nullopt;
  }
  std::string index(kU64 * (1 + 2 * count), '\0');
  if (!file.read(index_at, index.size(), index.data()) ||
      start.compare(head.size(), 17, cache_hex(cache_checksum(index)) + "\n") != 0) {
    return std::nullopt;
  }
  LiteralRecords out(std::move(file));
  out.index_.reserve(count);
  std::size_t at = index_at + index.size();
  for (std::size_t i = 0; i < count; ++i) {
    std::uint64_t size = 0;
    std::uint64_t checksum = 0;
    std::memcpy(&size, index.data() + kU64 * (1 + 2 * i), kU64);
    std::memcpy(&checksum, index.data() + kU64 * (2 + 2 * i), kU64);
    if (size > out.file_.size() - at) return std::nullopt;
    out.index_.push_back(Entry{at, static_cast<std::size_t>(size), checksum});
    at += static_cast<std::size_t>(size);
  }
  if (at != out.file_.size()) return std::nullopt;
  return out;
}

std::optional<CacheFile> LiteralRecords::record(std::size_t i) const {
  const Entry& entry = index_[i];
  CacheFile record;
  record.size = entry.size;
  record.data = std::make_unique_for_overwrite<char[]>(entry.size);
  if (!file_.read(entry.offset, entry.size, record.data.get()) ||
      cache_checksum(record.bytes()) != entry.checksum) {
    return std::nullopt;
  }
  return record;
}

std::optional<LiteralRecords> load_literal_cache(const std::string& key, std::size_t count) {
  std::optional<CacheFileReader> file = CacheFileReader::open(file_name(key));
  if (!file) return std::nullopt;
  return LiteralRecords::open(std::move(*file), key, count);
}

void store_literal_cache(const std::string& key, const std::vector<std::string>& records) {
  if (write_cache_file(file_name(key), literal_cache_file(key, records))) {
    prune_cache_files("literals-", ".lit");
  }
}

}  // namespace demarche::match
