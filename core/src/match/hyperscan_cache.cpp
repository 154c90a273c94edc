#include "match/hyperscan_cache.hpp"

#include <fcntl.h>
#include <hs/hs.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <memory>
#include <optional>
#include <system_error>

#include "match/cache_file.hpp"

namespace demarche::match {

namespace {

constexpr std::string_view kMagic = "demarche-hsdb 2\n";
// How many databases the folder keeps: one per rule set in use, and a few
// older ones for switching back.
constexpr std::size_t kKeptFiles = 8;

std::string file_name(const std::string& key) {
  return "pieces-" + key + ".hsdb";
}

}  // namespace

void prune_cache_files(std::string_view prefix, std::string_view suffix) {
  const std::string dir = database_cache_dir();
  if (dir.empty()) return;
  std::error_code ec;
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix) || !name.ends_with(suffix)) continue;
    if (!entry.is_regular_file(ec)) continue;
    files.emplace_back(entry.last_write_time(ec), entry.path());
  }
  if (files.size() <= kKeptFiles) return;
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = kKeptFiles; i < files.size(); ++i)
    std::filesystem::remove(files[i].second, ec);
}

namespace {

// "0 1 1 3 7": indexes below `count`, in order (a regex given in parts
// once per part).
bool parse_members(std::string_view line, std::size_t count, std::vector<unsigned>* out) {
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t value = 0;
    const std::size_t start = i;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9' && value <= count) {
      value = value * 10 + static_cast<std::size_t>(line[i] - '0');
      ++i;
    }
    if (i == start || value >= count || (!out->empty() && value < out->back())) return false;
    out->push_back(static_cast<unsigned>(value));
    if (i < line.size() && line[i++] != ' ') return false;
  }
  return true;
}

}  // namespace

std::string cache_hex(std::uint64_t value) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(value));
  return out;
}

std::uint64_t cache_hash(std::string_view bytes, std::uint64_t hash) {
  // Eight bytes a step: byte by byte, checking a 2.6 MB database took 4 ms
  // of a 35 ms start-up. The length goes in first, so that "a" + "bc" and
  // "ab" + "c" hashed in turn differ.
  constexpr std::uint64_t kPrime = 1099511628211ull;
  hash = (hash ^ bytes.size()) * kPrime;
  std::size_t at = 0;
  for (; at + 8 <= bytes.size(); at += 8) {
    std::uint64_t word = 0;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&word, bytes.data() + at, 8);
    } else {  // the same value on every platform: rules_hash is stored in files
      for (int b = 7; b >= 0; --b) {
        word = (word << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(b)]);
      }
    }
    hash = (hash ^ word) * kPrime;
    hash ^= hash >> 29;
  }
  for (; at < bytes.size(); ++at) {
    hash ^= static_cast<unsigned char>(bytes[at]);
    hash *= kPrime;
  }
  return hash;
}

std::uint64_t cache_checksum(std::string_view bytes, std::uint64_t seed) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

std::string database_cache_dir() {
  if (const char* dir = std::getenv("DEMARCHE_CACHE_DIR")) {
    const std::string value = dir;
    return value == "off" ? "" : value;
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/demarche";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.cache/demarche";
  }
  return "";
}

std::string database_key(const std::vector<std::string>& regexes, unsigned flags,
                         std::size_t split_length) {
  std::uint64_t hash = cache_checksum(hs_version());
  hash = cache_checksum(std::to_string(flags) + "\n", hash);
  // Since member lists name regexes, not parts: a file whose list named
  // parts (before) has another key.
  // And since the parts' 'k' and 's' are ASCII classes (ascii_k_and_s.hpp).
  hash = cache_checksum("members name regexes; split at " + std::to_string(split_length) +
                            "; k and s as ASCII classes\n",
                        hash);
  for (const std::string& regex : regexes) {
    hash = cache_checksum(regex, hash);
    hash = cache_checksum(std::string_view("\0", 1), hash);
  }
  return cache_hex(hash);
}

CachedDatabase load_cached_database(const std::string& key, std::size_t count) {
  const std::optional<CacheFile> file = read_cache_file(file_name(key));
  if (!file) return {};
  const std::string_view bytes = file->bytes();
  // The magic and the key on a line, the checksum of the rest on a line,
  // the member list on a line, then the serialised database.
  const std::string head = std::string(kMagic) + key + "\n";
  if (bytes.size() < head.size() + 17 || bytes.substr(0, head.size()) != head) return {};
  const std::string_view rest = bytes.substr(head.size() + 17);
  if (bytes.substr(head.size(), 17) != cache_hex(cache_checksum(rest)) + "\n") return {};
  const std::size_t eol = rest.find('\n');
  if (eol == std::string_view::npos) return {};
  CachedDatabase out;
  if (!parse_members(rest.substr(0, eol), count, &out.members)) return {};
  const std::string_view payload = rest.substr(eol + 1);
  if (payload.empty() != out.members.empty()) return {};
  if (!payload.empty() &&
      hs_deserialize_database(payload.data(), payload.size(), &out.db) != HS_SUCCESS) {
    return {};
  }
  out.found = true;
  return out;
}

void store_cached_database(const std::string& key, const hs_database* db,
                           const std::vector<unsigned>& members) {
  if (database_cache_dir().empty()) return;
  std::string payload;
  if (db) {
    char* serialized = nullptr;
    std::size_t length = 0;
    if (hs_serialize_database(db, &serialized, &length) != HS_SUCCESS) return;
    payload.assign(serialized, length);
    std::free(serialized);  // NOLINT: allocated by Vectorscan with malloc
  }
  std::string rest;
  for (const unsigned m : members) {
    if (!rest.empty()) rest += ' ';
    rest += std::to_string(m);
  }
  rest += "\n" + payload;
  const std::string file =
      std::string(kMagic) + key + "\n" + cache_hex(cache_checksum(rest)) + "\n" + rest;
  if (write_cache_file(file_name(key), file)) prune_cache_files("pieces-", ".hsdb");
}

bool write_cache_file(const std::string& name, std::string_view bytes) {
  const std::string dir = database_cache_dir();
  if (dir.empty()) return false;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return false;
  const std::string final_path = dir + "/" + name;
  const std::string temp_path = final_path + ".tmp-" + std::to_string(::getpid());
  // O_EXCL and O_NOFOLLOW: never write through a name someone else made.
  const int fd =
      ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool wrote = written == bytes.size();
  if (::close(fd) != 0 || !wrote || std::rename(temp_path.c_str(), final_path.c_str()) != 0) {
    ::unlink(temp_path.c_str());
    return false;
  }
  return true;
}

}  // namespace demarche::match
