#include "match/literal_cache.hpp"

#include <cstring>

#include "match/finite_language.hpp"

namespace demarche::match {

namespace {

// Bumped with any change of the file's or a record's layout
// (literal_piece_bytes.cpp).
constexpr std::string_view kMagic = "demarche-literals 1\n";

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
  std::uint64_t hash = cache_hash(kMagic);
  hash =
      cache_hash(std::to_string(sizeof(CharSet)) + " " + std::to_string(sizeof(std::size_t)), hash);
  for (const std::string_view regex : regexes) {
    hash = cache_hash(regex, hash);
    hash = cache_hash(std::string_view("\0", 1), hash);
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
    append_u64(&index, cache_hash(record));
  }
  std::string out = std::string(kMagic) + key + "\n" + cache_hex(cache_hash(index)) + "\n" + index;
  for (const std::string& record : records) out += record;
  return out;
}

std::optional<LiteralRecords> LiteralRecords::parse(CacheFile file, const std::string& key,
                                                    std::size_t count) {
  const std::string_view bytes = file.bytes();
  const std::string head = std::string(kMagic) + key + "\n";
  const std::size_t index_at = head.size() + 17;
  constexpr std::size_t kU64 = sizeof(std::uint64_t);
  // The count is checked before the index's size is computed from it.
  if (bytes.size() < index_at + kU64 || bytes.substr(0, head.size()) != head) return std::nullopt;
  std::uint64_t records = 0;
  std::memcpy(&records, bytes.data() + index_at, kU64);
  if (records != count || count > (bytes.size() - index_at - kU64) / (2 * kU64)) {
    return std::nullopt;
  }
  const std::string_view index = bytes.substr(index_at, kU64 * (1 + 2 * count));
  if (bytes.substr(head.size(), 17) != cache_hex(cache_hash(index)) + "\n") return std::nullopt;
  LiteralRecords out;
  out.index_.reserve(count);
  std::size_t at = index_at + index.size();
  for (std::size_t i = 0; i < count; ++i) {
    std::uint64_t size = 0;
    std::uint64_t checksum = 0;
    std::memcpy(&size, index.data() + kU64 * (1 + 2 * i), kU64);
    std::memcpy(&checksum, index.data() + kU64 * (2 + 2 * i), kU64);
    if (size > bytes.size() - at) return std::nullopt;
    out.index_.push_back(Entry{at, static_cast<std::size_t>(size), checksum});
    at += static_cast<std::size_t>(size);
  }
  if (at != bytes.size()) return std::nullopt;
  out.file_ = std::move(file);
  return out;
}

std::optional<std::string_view> LiteralRecords::record(std::size_t i) const {
  const Entry& entry = index_[i];
  const std::string_view record = file_.bytes().substr(entry.offset, entry.size);
  if (cache_hash(record) != entry.checksum) return std::nullopt;
  return record;
}

std::optional<LiteralRecords> load_literal_cache(const std::string& key, std::size_t count) {
  std::optional<CacheFile> file = read_cache_file(file_name(key));
  if (!file) return std::nullopt;
  return LiteralRecords::parse(std::move(*file), key, count);
}

void store_literal_cache(const std::string& key, const std::vector<std::string>& records) {
  if (write_cache_file(file_name(key), literal_cache_file(key, records))) {
    prune_cache_files("literals-", ".lit");
  }
}

}  // namespace demarche::match
