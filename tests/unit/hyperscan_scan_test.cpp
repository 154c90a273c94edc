// The Vectorscan piece scan (match/hyperscan_scan.hpp) and the pattern
// cache (match/hyperscan_cache.hpp, match/checked_pieces.hpp): pieces it
// cannot compile are left to RE2, and a cache file that is not exactly what
// was written is ignored.
#include "match/hyperscan_scan.hpp"

#include <gtest/gtest.h>
#include <hs/hs.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cache_folder.hpp"
#include "demarche/engine.hpp"
#include "match/checked_pieces.hpp"
#include "match/hyperscan_cache.hpp"
#include "match/piece_set.hpp"

namespace demarche::match {
namespace {

std::string whole_word(const std::string& pattern) {
  PieceSpec spec;
  spec.pattern = pattern;
  return piece_regex(spec);
}

std::vector<int> present(const HyperscanScan& scan, std::string_view text) {
  std::vector<int> ids;
  std::string error;
  EXPECT_TRUE(scan.present(text, &ids, &error)) << error;
  std::sort(ids.begin(), ids.end());
  return ids;
}

using testing::CacheFolder;

hs_database_t* compile(const char* regex) {
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile(regex, HS_FLAG_UTF8 | HS_FLAG_SINGLEMATCH, HS_MODE_BLOCK, nullptr, &db, &error) !=
      HS_SUCCESS) {
    hs_free_compile_error(error);
    return nullptr;
  }
  return db;
}

TEST(HyperscanScan, ReportsThePiecesThatOccurEachOnce) {
  const HyperscanScan scan(
      {whole_word("expel(?:s|led)?"), whole_word("sanctions"), whole_word("(?i)ÉLYSÉE")},
      {3, 7, 9});
  ASSERT_TRUE(scan.error().empty()) << scan.error();
  EXPECT_TRUE(scan.refused().empty());
  EXPECT_EQ(present(scan, "They expelled him, and expel her."), (std::vector<int>{3}));
  EXPECT_EQ(present(scan, "sanctions; the élysée"), (std::vector<int>{7, 9}));
  EXPECT_EQ(present(scan, "expelling sanctionsx"), (std::vector<int>{}));
}

// RE2's (?i) finds "kiss" in "Kiss" written with the Kelvin sign and
// "mission" in "miſſion": the scan, whose letters no longer match the signs
// (match/ascii_k_and_s.hpp), reports every piece for such a text, so none is
// missed.
TEST(HyperscanScan, ATextWithAKOrSSignMissesNoPiece) {
  const HyperscanScan scan({"(?i)kiss", "(?i)mission", "envoy"}, {1, 2, 3});
  ASSERT_TRUE(scan.error().empty()) << scan.error();
  EXPECT_EQ(present(scan, "a KISS"), (std::vector<int>{1}));
  EXPECT_EQ(present(scan, "the Mission"), (std::vector<int>{2}));
  EXPECT_TRUE(RE2::PartialMatch("a \xE2\x84\xAAiss", "(?i)kiss"));
  EXPECT_EQ(present(scan, "a \xE2\x84\xAAiss"), (std::vector<int>{1, 2, 3}));
  EXPECT_TRUE(RE2::PartialMatch("the mi\xC5\xBF\xC5\xBFion", "(?i)mission"));
  EXPECT_EQ(present(scan, "the mi\xC5\xBF\xC5\xBFion"), (std::vector<int>{1, 2, 3}));
}

TEST(HyperscanScan, LeavesWhatItCannotCompileToRe2) {
  // (?U) is RE2's "ungreedy" flag, which Vectorscan does not read.
  const HyperscanScan scan({whole_word("(?U)expel+"), whole_word("sanctions")}, {0, 1});
  ASSERT_TRUE(scan.error().empty()) << scan.error();
  EXPECT_EQ(scan.refused(), (std::vector<int>{0}));
  EXPECT_EQ(present(scan, "expel sanctions"), (std::vector<int>{1}));
}

// A wide counted repetition took Vectorscan 26 s to compile ("\pL{1,100}",
// found by fuzzing): such a piece goes to RE2 like a refused one, and still
// matches. Narrow ones stay with Vectorscan.
TEST(HyperscanScan, LeavesWideCountedRepetitionsToRe2) {
  const HyperscanScan scan({whole_word("\\pL{1,100}stan"), whole_word("x{2,3}"),
                            whole_word("a{40}"), whole_word("b{3,}"), whole_word("c\\{99\\}")},
                           {0, 1, 2, 3, 4});
  ASSERT_TRUE(scan.error().empty()) << scan.error();
  EXPECT_EQ(scan.refused(), (std::vector<int>{0, 2, 3}));
}

// A regex longer than the bound goes to Vectorscan in parts, each reporting
// its piece; one with a part Vectorscan would not take goes to RE2 whole.
TEST(HyperscanScan, ALongRegexIsScannedInPartsOrNotAtAll) {
  const HyperscanScan scan({"(?:alpha|beta|gamma|delta)", "(?:one|two|x{1,100}|four)", "short"},
                           {4, 5, 6}, 16);
  ASSERT_TRUE(scan.error().empty()) << scan.error();
  EXPECT_EQ(scan.refused(), (std::vector<int>{5}));
  EXPECT_EQ(present(scan, "alpha"), (std::vector<int>{4}));
  EXPECT_EQ(present(scan, "delta and short"), (std::vector<int>{4, 6}));
  EXPECT_EQ(present(scan, "alpha delta"), (std::vector<int>{4, 4}));  // once per part
  EXPECT_EQ(present(scan, "four"), (std::vector<int>{}));
}

TEST(HyperscanScan, ARuleVectorscanCannotReadStillFires) {
  const Loaded loaded = compile_rules(
      {{"t.rules",
        "event expulsion\n  prior: 0.03\nrule expulsion.t\n  type: expulsion\n  weight: 0.9\n"
        "  match: (?U)expel+ed ~3 diplomats\n"}});
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.engine->classify_sentence("Valdoria expelled two diplomats.").events.size(), 1u);
  EXPECT_TRUE(loaded.engine->classify_sentence("Valdoria welcomed two diplomats.").events.empty());
}

TEST(HyperscanCache, ReadsBackWhatItWrote) {
  const CacheFolder folder;
  hs_database_t* db = compile("expel");
  ASSERT_NE(db, nullptr);
  const std::string key = database_key({"expel", "(?U)x"}, 1);
  store_cached_database(key, db, {0});
  hs_free_database(db);
  const CachedDatabase cached = load_cached_database(key, 2);
  ASSERT_NE(cached.db, nullptr);
  EXPECT_EQ(cached.members, (std::vector<unsigned>{0}));
  hs_free_database(cached.db);
  // Another key, or a member list that does not fit, finds nothing.
  EXPECT_FALSE(load_cached_database(database_key({"expel"}, 1), 1).found);
  // Nothing Vectorscan could compile is remembered too, so it is not tried again.
  const std::string refused = database_key({"(?U)x"}, 1);
  store_cached_database(refused, nullptr, {});
  const CachedDatabase none = load_cached_database(refused, 1);
  EXPECT_TRUE(none.found);
  EXPECT_EQ(none.db, nullptr);
  EXPECT_TRUE(none.members.empty());
}

// A database of a regex given in parts is read back without splitting it
// again: its member list names the regex once per part.
TEST(HyperscanCache, ReadsBackADatabaseOfParts) {
  const CacheFolder folder;
  const std::vector<std::string> regexes = {"(?:alpha|beta|gamma|delta)", "short"};
  const std::array<const char*, 3> parts = {"(?:alpha|beta)", "(?:gamma|delta)", "short"};
  const unsigned flag = HS_FLAG_UTF8 | HS_FLAG_SINGLEMATCH;
  const std::array<unsigned, 3> flags = {flag, flag, flag};
  const std::array<unsigned, 3> ids = {0, 1, 2};
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  ASSERT_EQ(hs_compile_multi(parts.data(), flags.data(), ids.data(), 3, HS_MODE_BLOCK, nullptr, &db,
                             &error),
            HS_SUCCESS);
  const std::string key = database_key(regexes, flag, 16);
  EXPECT_NE(key, database_key(regexes, flag));  // the bound is part of the key
  store_cached_database(key, db, {0, 0, 1});
  hs_free_database(db);
  const CachedDatabase cached = load_cached_database(key, 2);
  ASSERT_TRUE(cached.found);
  EXPECT_EQ(cached.members, (std::vector<unsigned>{0, 0, 1}));
  hs_free_database(cached.db);
  const HyperscanScan scan(regexes, {8, 9}, 16);
  EXPECT_TRUE(scan.refused().empty());
  EXPECT_EQ(present(scan, "delta, short"), (std::vector<int>{8, 9}));
  // Members out of order are not a list this code writes.
  hs_database_t* again = compile("short");
  ASSERT_NE(again, nullptr);
  store_cached_database(key, again, {1, 0});
  hs_free_database(again);
  EXPECT_FALSE(load_cached_database(key, 2).found);
}

TEST(HyperscanCache, IgnoresAFileThatIsNotWhatWasWritten) {
  const CacheFolder folder;
  hs_database_t* db = compile("expel");
  ASSERT_NE(db, nullptr);
  const std::string key = database_key({"expel"}, 1);
  store_cached_database(key, db, {0});
  hs_free_database(db);
  const std::filesystem::path file = folder.path() / ("pieces-" + key + ".hsdb");
  ASSERT_TRUE(std::filesystem::exists(file));
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto write = [&](const std::string& content) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << content;
  };
  // One byte flipped in the database, the file cut short, a member out of range.
  std::string flipped = bytes;
  flipped[flipped.size() - 10] ^= 0x5a;
  write(flipped);
  EXPECT_FALSE(load_cached_database(key, 1).found);
  write(bytes.substr(0, bytes.size() / 2));
  EXPECT_FALSE(load_cached_database(key, 1).found);
  write("");
  EXPECT_FALSE(load_cached_database(key, 1).found);
  write(bytes);
  EXPECT_FALSE(load_cached_database(key, 0).found);  // member 0 of none
  // A symbolic link is not followed, even to a good file.
  const std::filesystem::path good = folder.path() / "good";
  std::filesystem::rename(file, good);
  std::filesystem::create_symlink(good, file);
  EXPECT_FALSE(load_cached_database(key, 1).found);
}

// The checksum guards against damage, not forgery: a file written to pass it
// can hold a database of more members than its list names. Their reports
// must not be read past the list (AddressSanitizer would say so in CI).
TEST(HyperscanCache, AMemberBeyondTheListIsNotReadPast) {
  const CacheFolder folder;
  const std::vector<std::string> regexes = {"expel", "sanctions"};
  const std::array<const char*, 2> expressions = {"expel", "sanctions"};
  const std::array<unsigned, 2> flags = {HS_FLAG_UTF8 | HS_FLAG_SINGLEMATCH,
                                         HS_FLAG_UTF8 | HS_FLAG_SINGLEMATCH};
  const std::array<unsigned, 2> ids = {0, 1};
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  ASSERT_EQ(hs_compile_multi(expressions.data(), flags.data(), ids.data(), 2, HS_MODE_BLOCK,
                             nullptr, &db, &error),
            HS_SUCCESS);
  store_cached_database(database_key(regexes, HS_FLAG_UTF8 | HS_FLAG_SINGLEMATCH), db, {0});
  hs_free_database(db);
  const HyperscanScan scan(regexes, {5, 6});
  ASSERT_TRUE(scan.error().empty()) << scan.error();
  EXPECT_EQ(scan.refused(), (std::vector<int>{6}));  // as the forged list says
  EXPECT_EQ(present(scan, "they expelled and sanctioned; sanctions"), (std::vector<int>{5}));
}

TEST(HyperscanCache, OffMeansNoFolder) {
  const CacheFolder folder;
  ::setenv("DEMARCHE_CACHE_DIR", "off", 1);
  EXPECT_EQ(database_cache_dir(), "");
  hs_database_t* db = compile("expel");
  store_cached_database("k", db, {0});
  hs_free_database(db);
  EXPECT_FALSE(std::filesystem::exists(folder.path()));
}

TEST(CheckedPieces, RemembersWhatWasSlowEnoughToCheck) {
  const CacheFolder folder;
  const std::uint64_t a = CheckedPieces::key("expel", true);
  const std::uint64_t b = CheckedPieces::key("expel", false);
  EXPECT_NE(a, b);
  {
    CheckedPieces checked;
    EXPECT_FALSE(checked.find(a));
    checked.add(a, true, 0.001);
    checked.save();  // too quick to be worth a file
  }
  EXPECT_FALSE(CheckedPieces().find(a));
  {
    CheckedPieces checked;
    checked.add(a, true, 0.5);
    checked.add(b, false, 0.5);
    checked.save();
  }
  const CheckedPieces again;
  ASSERT_TRUE(again.find(a));
  EXPECT_TRUE(*again.find(a));
  ASSERT_TRUE(again.find(b));
  EXPECT_FALSE(*again.find(b));
}

TEST(CheckedPieces, IgnoresARecordThatIsNotItsOwn) {
  const CacheFolder folder;
  std::filesystem::create_directories(folder.path());
  const std::filesystem::path file = folder.path() / "checked-pieces.txt";
  const std::uint64_t a = CheckedPieces::key("expel", true);
  char line[32];
  std::snprintf(line, sizeof line, "%016llx 1\n", static_cast<unsigned long long>(a));
  auto write = [&](const std::string& content) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << content;
  };
  write(std::string("demarche-checked-pieces 4\n") + line);
  EXPECT_TRUE(CheckedPieces().find(a));
  write(std::string("something else\n") + line);
  EXPECT_FALSE(CheckedPieces().find(a));
  // A record of keys made otherwise (before XXH3) is started afresh.
  write(std::string("demarche-checked-pieces 3\n") + line);
  EXPECT_FALSE(CheckedPieces().find(a));
  write(std::string("demarche-checked-pieces 4\nnot a key\n") + line);
  EXPECT_FALSE(CheckedPieces().find(a));
  write(std::string("demarche-checked-pieces 4\n") + line);
  const std::filesystem::path good = folder.path() / "good";
  std::filesystem::rename(file, good);
  std::filesystem::create_symlink(good, file);
  EXPECT_FALSE(CheckedPieces().find(a));
}

TEST(CheckedPieces, AnInvalidPieceIsReportedOnEveryLoad) {
  const CacheFolder folder;
  const std::string rules =
      "event expulsion\n  prior: 0.03\nrule expulsion.t\n  type: expulsion\n  weight: 0.9\n"
      "  match: expel(led ~3 diplomats\n";
  for (int load = 0; load < 2; ++load) {
    const Loaded loaded = compile_rules({{"t.rules", rules}});
    ASSERT_FALSE(loaded.ok());
    std::string report;
    for (const Diagnostic& d : loaded.diagnostics) report += d.to_string();
    EXPECT_NE(report.find("E008"), std::string::npos) << report;
  }
}

}  // namespace
}  // namespace demarche::match
