// The cache of built word lookups (match/literal_cache.hpp): what was
// written is read back; a file that is not exactly that (another key,
// another count, cut short, a byte changed, a symbolic link) is ignored,
// or the one damaged record is; and a PieceSet with a damaged file finds
// what one without lookups finds.
#include "match/literal_cache.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cache_folder.hpp"
#include "match/literal_piece.hpp"
#include "match/piece_set.hpp"

namespace demarche::match {
namespace {

using testing::CacheFolder;

// Writes `bytes` as the file the cache would read for `key`.
void plant(const CacheFolder& folder, const std::string& key, const std::string& bytes) {
  std::filesystem::create_directories(folder.path());
  std::ofstream(folder.path() / ("literals-" + key + ".lit"), std::ios::binary) << bytes;
}

std::string whole_word(const std::string& pattern) {
  PieceSpec spec;
  spec.pattern = pattern;
  return piece_regex(spec);
}

const std::vector<std::string> kRecords{"first record", "", std::string("with\0zero", 9)};

TEST(LiteralCache, ReadsBackWhatItWrote) {
  const CacheFolder folder;
  const std::string key = literal_cache_key({"a", "b", "c"});
  EXPECT_NE(key, literal_cache_key({"a", "b"}));
  EXPECT_NE(key, literal_cache_key({"ab", "c"}));
  store_literal_cache(key, kRecords);
  const std::optional<LiteralRecords> records = load_literal_cache(key, kRecords.size());
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), kRecords.size());
  for (std::size_t i = 0; i < kRecords.size(); ++i) {
    const std::optional<CacheFile> record = records->record(i);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->bytes(), kRecords[i]);
  }
}

TEST(LiteralCache, IgnoresAFileThatIsNotWhatWasWritten) {
  const CacheFolder folder;
  const std::string key = literal_cache_key({"a", "b", "c"});
  const std::string other = literal_cache_key({"a"});
  const std::string good = literal_cache_file(key, kRecords);
  plant(folder, key, good);
  ASSERT_TRUE(load_literal_cache(key, 3));
  EXPECT_FALSE(load_literal_cache(key, 2));
  EXPECT_FALSE(load_literal_cache(key, 4));
  plant(folder, other, good);
  EXPECT_FALSE(load_literal_cache(other, 3));
  plant(folder, key, good + "x");
  EXPECT_FALSE(load_literal_cache(key, 3));
  for (std::size_t size = 0; size < good.size(); ++size) {
    plant(folder, key, good.substr(0, size));
    EXPECT_FALSE(load_literal_cache(key, 3)) << size;
  }
  // Every byte changed in turn: the file is refused, or the record that
  // holds the byte is; the others read as written.
  for (std::size_t at = 0; at < good.size(); ++at) {
    std::string damaged = good;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
    plant(folder, key, damaged);
    const std::optional<LiteralRecords> records = load_literal_cache(key, 3);
    if (!records) continue;
    int bad = 0;
    for (std::size_t i = 0; i < kRecords.size(); ++i) {
      const std::optional<CacheFile> record = records->record(i);
      if (!record) {
        ++bad;
      } else {
        EXPECT_EQ(record->bytes(), kRecords[i]) << "byte " << at;
      }
    }
    EXPECT_EQ(bad, 1) << "byte " << at;
  }
}

// A file cut short after it was opened: its records cannot be read, and
// say so.
TEST(LiteralCache, AFileCutShortUnderItGivesNoRecords) {
  const CacheFolder folder;
  const std::string key = literal_cache_key({"a", "b", "c"});
  store_literal_cache(key, kRecords);
  const std::optional<LiteralRecords> records = load_literal_cache(key, 3);
  ASSERT_TRUE(records);
  std::filesystem::resize_file(folder.path() / ("literals-" + key + ".lit"), 60);
  for (std::size_t i = 0; i < kRecords.size(); ++i) {
    if (!kRecords[i].empty()) {
      EXPECT_FALSE(records->record(i)) << i;
    }
  }
}

TEST(LiteralCache, DoesNotFollowASymbolicLink) {
  const CacheFolder folder;
  const std::string key = literal_cache_key({"a", "b", "c"});
  store_literal_cache(key, kRecords);
  const std::filesystem::path file = folder.path() / ("literals-" + key + ".lit");
  const std::filesystem::path elsewhere = folder.path() / "elsewhere";
  std::filesystem::rename(file, elsewhere);
  std::filesystem::create_symlink(elsewhere, file);
  EXPECT_FALSE(load_literal_cache(key, kRecords.size()));
}

// Pieces that are lists of words, one that is not, and one with a tail.
// Made on first use: piece_regex() reads a static of piece_set.cpp, not
// yet made while this file's statics are.
const std::vector<std::string>& pieces() {
  static const std::vector<std::string> made{
      whole_word("expel(?:s|led)?"), whole_word("(?i)sanctions?"), whole_word("talks? [^;]* on"),
      whole_word("russophob\\pL*"), whole_word("(?i)asset[s-]?")};
  return made;
}
const std::vector<std::string> kTexts{
    "France expelled two diplomats.",      "New SANCTIONS and a sanction",
    "talks began; talks held on talk",     "russophobic russophobia",
    "frozen assets, asset-freeze, Assets", "nothing here"};

std::vector<std::optional<Span>> find_all(const PieceSet& set) {
  std::vector<std::optional<Span>> out;
  for (int id = 0; id < static_cast<int>(pieces().size()); ++id) {
    for (const std::string& text : kTexts) {
      for (std::size_t from = 0; from <= text.size(); ++from) {
        out.push_back(set.find_from(id, text, from));
      }
    }
  }
  return out;
}

std::unique_ptr<PieceSet> piece_set() {
  return std::make_unique<PieceSet>(
      pieces(), std::vector<PieceScan>(pieces().size(), PieceScan::kSearch), 64 << 20);
}

TEST(LiteralCache, APieceSetFindsTheSameWithItsRecordsOrDamagedOnes) {
  const CacheFolder folder;
  ::setenv("DEMARCHE_MATCHER", "re2", 1);
  const std::vector<std::optional<Span>> expected = find_all(*piece_set());
  ::unsetenv("DEMARCHE_MATCHER");
  // The records as the pieces' lookups give them (the one that is no list
  // of words: empty), written where the PieceSet looks for them.
  std::vector<std::string> records;
  for (const std::string& regex : pieces()) {
    const std::size_t inner = regex.find("])(") + 3;
    const std::string pattern = regex.substr(inner, regex.rfind(")(?:") - inner);
    const auto literal = LiteralPiece::build(pattern, regex.rfind("(?i)", 0) == 0);
    records.push_back(literal ? literal->to_bytes() : std::string());
  }
  EXPECT_TRUE(records[2].empty());
  EXPECT_FALSE(records[0].empty());
  const std::string key = literal_cache_key({pieces().begin(), pieces().end()});
  store_literal_cache(key, records);
  ASSERT_TRUE(load_literal_cache(key, pieces().size()));
  EXPECT_EQ(find_all(*piece_set()), expected);
  // One byte changed in each record, its checksum kept: the lookups refuse
  // what they read and are built instead.
  for (std::string& record : records) {
    if (!record.empty()) record[4] = static_cast<char>(record[4] ^ 0x7F);
  }
  store_literal_cache(key, records);
  EXPECT_EQ(find_all(*piece_set()), expected);
  // Bytes that are no file of ours.
  plant(folder, key, "garbage");
  EXPECT_EQ(find_all(*piece_set()), expected);
}

// A cache folder that cannot be made (its parent is a file): the lookups
// are built on first use, as without a cache, and find the same.
TEST(LiteralCache, AFolderThatCannotBeWrittenLeavesTheLookupsToFirstUse) {
  const CacheFolder folder;
  ::setenv("DEMARCHE_MATCHER", "re2", 1);
  const std::vector<std::optional<Span>> expected = find_all(*piece_set());
  ::unsetenv("DEMARCHE_MATCHER");
  std::filesystem::create_directories(folder.path());
  std::ofstream(folder.path() / "file") << "x";
  const std::string inside_a_file = (folder.path() / "file" / "cache").string();
  ::setenv("DEMARCHE_CACHE_DIR", inside_a_file.c_str(), 1);
  EXPECT_FALSE(cache_folder_writable());
  EXPECT_EQ(find_all(*piece_set()), expected);
  ::setenv("DEMARCHE_CACHE_DIR", folder.path().c_str(), 1);
  EXPECT_TRUE(cache_folder_writable());
}

}  // namespace
}  // namespace demarche::match
