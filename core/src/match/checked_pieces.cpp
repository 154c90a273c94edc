#include "match/checked_pieces.hpp"

#include <hs/hs.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <system_error>

#include "match/hyperscan_cache.hpp"

namespace demarche::match {

namespace {

constexpr std::string_view kHeader = "demarche-checked-pieces 4\n";  // 4: XXH3 keys
// More pieces than any rule set has; a bigger record is started afresh.
constexpr std::size_t kMaxEntries = 100000;
// Checking that took less than this is not worth a write.
constexpr double kWorthSaving = 0.005;

std::string record_path() {
  const std::string dir = database_cache_dir();
  return dir.empty() ? dir : dir + "/checked-pieces.txt";
}

}  // namespace

CheckedPieces::CheckedPieces() {
  const std::string path = record_path();
  if (path.empty()) return;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(std::filesystem::symlink_status(path, ec))) return;
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line) || line + "\n" != kHeader) return;
  // "0123456789abcdef 0": a key and the common-word answer.
  while (std::getline(in, line) && known_.size() < kMaxEntries) {
    if (line.size() != 18 || line[16] != ' ' || (line[17] != '0' && line[17] != '1')) return;
    std::uint64_t key = 0;
    for (std::size_t i = 0; i < 16; ++i) {
      const char c = line[i];
      const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (digit < 0) return;
      key = key << 4 | static_cast<std::uint64_t>(digit);
    }
    known_[key] = line[17] == '1';
  }
}

std::uint64_t CheckedPieces::key(const std::string& pattern, bool case_insensitive) {
  // The libraries' versions are part of the key: another RE2 or Vectorscan
  // may read a pattern differently.
  std::uint64_t hash = cache_checksum(hs_version());
  hash = cache_checksum(case_insensitive ? "i\n" : "s\n", hash);
  return cache_checksum(pattern, hash);
}

std::optional<bool> CheckedPieces::find(std::uint64_t key) const {
  const auto it = known_.find(key);
  if (it == known_.end()) return std::nullopt;
  return it->second;
}

void CheckedPieces::add(std::uint64_t key, bool common, double seconds) {
  if (known_.size() >= kMaxEntries) return;
  changed_ = known_.emplace(key, common).second || changed_;
  added_seconds_ += seconds;
}

void CheckedPieces::save() const {
  if (!changed_ || added_seconds_ < kWorthSaving) return;
  std::string text(kHeader);
  char line[32];
  for (const auto& [key, common] : known_) {
    std::snprintf(line, sizeof line, "%016llx %c\n", static_cast<unsigned long long>(key),
                  common ? '1' : '0');
    text += line;
  }
  write_cache_file("checked-pieces.txt", text);
}

}  // namespace demarche::match
