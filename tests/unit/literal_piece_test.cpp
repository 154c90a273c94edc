// Pieces found by word lookup (match/literal_piece.hpp) against the same
// pieces found by their RE2 regex: random finite patterns in the syntax the
// expansion takes (classes, (?i), (?-i:...), ?, ??, {n,m}, non-ASCII
// letters, punctuation), random text around their words, every start
// position. Also the assumptions the lookup rests on: which characters RE2's
// case folding matches to an ASCII or Latin-1 letter.
#include "match/literal_piece.hpp"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "match/finite_language.hpp"
#include "match/piece_set.hpp"
#include "match/sentence_words.hpp"
#include "random_text.hpp"
#include "re2_quirks.hpp"

namespace demarche::match {
namespace {

using cli::testing::append_utf8;

std::string utf8(char32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return out;
}

std::string wrap_pattern(const std::string& pattern) {
  std::string out("(");
  out.append(pattern);
  out.append(")\n");
  return out;
}

// Every code point RE2 matches with `pattern` (one character), scanning one
// text that holds them all.
std::vector<char32_t> matched_code_points(const std::string& pattern) {
  static const std::string all = [] {
    std::string text;
    for (char32_t cp = 1; cp < 0x110000; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      append_utf8(text, cp);
      text += '\n';
    }
    return text;
  }();
  const RE2 re(wrap_pattern(pattern));
  std::vector<char32_t> out;
  re2::StringPiece input(all);
  re2::StringPiece match;
  while (RE2::FindAndConsume(&input, re, &match)) {
    const std::string bytes(match.data(), match.size());
    for (char32_t cp = 1; cp < 0x110000; ++cp) {
      if (utf8(cp) == bytes) {
        out.push_back(cp);
        break;
      }
    }
  }
  return out;
}

TEST(FiniteLanguage, ExpandsInLeftmostFirstOrder) {
  const std::optional<FiniteLanguage> language = expand_finite("expel(?:s|led)?", false);
  ASSERT_TRUE(language);
  std::vector<std::string> strings;
  for (const SetString& s : language->strings) {
    std::string text;
    for (const char16_t id : s) text += static_cast<char>(language->sets[id]._Find_first());
    strings.push_back(text);
  }
  EXPECT_EQ(strings, (std::vector<std::string>{"expels", "expelled", "expel"}));
  ASSERT_TRUE(expand_finite("a??b", false));
  EXPECT_EQ(expand_finite("a??b", false)->strings.size(), 2u);
  EXPECT_EQ(expand_finite("a??b", false)->strings[0].size(), 1u);  // lazy: without 'a' first
}

TEST(FiniteLanguage, RefusesWhatIsNotAFiniteListOfStrings) {
  for (const char* pattern : {"a*b*", "(?:a+|b)c*", "a*?", "a+?", "(?:ab)*", "(?:a|b)+", "a{2,}",
                              ".", "\\p{Greek}", "(?i)\\p{Lu}", "^a", "a$", "[^a]", "\\bx",
                              "(?s:a)", "(?U)a?", "\\x41", "[[:alpha:]]", "\\D"}) {
    EXPECT_FALSE(expand_finite(pattern, true)) << pattern;
  }
  // RE2 reads a count with a leading zero as literal text (found by fuzz_lookup).
  EXPECT_FALSE(expand_finite("a{01,2}", false));
  EXPECT_FALSE(expand_finite("a{1,02}", false));
  // This RE2 knows named groups only as (?P<name>...) (also found by fuzz_lookup).
  EXPECT_FALSE(expand_finite("(?<n>a)", false));
  EXPECT_TRUE(expand_finite("(?P<n>a)", false));
  // A run: one position repeated, once a string, at its end or within it.
  for (const char* pattern : {"a*", "ab+", "x\\pL*", "(?:a|b[c-]*)", "\\p{Lu}\\pL*", "a*b",
                              "(?:a|b[c-]*)d", "UN (?:\\pL+ )?agency"}) {
    EXPECT_TRUE(expand_finite(pattern, false)) << pattern;
  }
  EXPECT_FALSE(expand_finite("(?:a|b|c|d){8}", false, FiniteLimits{1000, 200}))
      << "65,536 strings are over the limit";
  EXPECT_FALSE(expand_finite("(?:abcdef|ghijkl){3}", false, FiniteLimits{1000, 200, 100}))
      << "8 strings of 18 positions are over a limit of 100 positions in all";
  EXPECT_TRUE(expand_finite("(?:abcdef|ghijkl){3}", false, FiniteLimits{1000, 200, 144}));
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "(?:";
  deep += "a";
  for (int i = 0; i < 300; ++i) deep += ")";
  EXPECT_FALSE(expand_finite(deep, false)) << "nesting deeper than the parser allows";
}

TEST(LiteralPiece, CaseFoldingOfAsciiLettersIsWhatTheLookupAssumes) {
  // Only 'k' and 's' fold to characters outside ASCII; the lookup hands
  // text holding those (U+212A, U+017F) to the regex.
  for (char c = 'a'; c <= 'z'; ++c) {
    std::vector<char32_t> expected{static_cast<char32_t>(c - 'a' + 'A'), static_cast<char32_t>(c)};
    if (c == 'k') expected.push_back(0x212A);
    if (c == 's') expected.push_back(0x017F);
    EXPECT_EQ(matched_code_points(std::string("(?i)") + c), expected) << c;
  }
}

TEST(LiteralPiece, CaseFoldingOfLatin1LettersIsWhatTheExpansionAssumes) {
  for (char32_t cp = 0xC0; cp <= 0xFE; ++cp) {
    const std::optional<FiniteLanguage> language = expand_finite(utf8(cp), true);
    if (!language) continue;                      // refused under (?i): keeps its regex
    if (language->strings.size() == 1) continue;  // caseless: the next test
    ASSERT_EQ(language->strings.size(), 2u) << std::hex << static_cast<unsigned>(cp);
    std::vector<char32_t> expected{cp, cp < 0xE0 ? cp + 0x20 : cp - 0x20};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(matched_code_points("(?i)" + utf8(cp)), expected)
        << std::hex << static_cast<unsigned>(cp);
  }
  EXPECT_FALSE(expand_finite(utf8(0xE5), true)) << "U+00E5 also folds to U+212B ANGSTROM SIGN";
  EXPECT_FALSE(expand_finite(utf8(0xB5), true)) << "U+00B5 folds to Greek mu";
  EXPECT_TRUE(expand_finite(utf8(0xE5), false)) << "case-sensitive, it is only itself";
}

TEST(LiteralPiece, CaselessCharactersAreWhatTheExpansionAssumes) {
  std::vector<char32_t> caseless;
  for (char32_t cp = 0x80; cp < 0x2100; ++cp) {
    const std::optional<FiniteLanguage> language = expand_finite(utf8(cp), true);
    if (language && language->strings.size() == 1) caseless.push_back(cp);
  }
  EXPECT_GT(caseless.size(), 100u);
  for (const char32_t cp : caseless) {
    EXPECT_EQ(matched_code_points("(?i)" + utf8(cp)), std::vector<char32_t>{cp})
        << std::hex << static_cast<unsigned>(cp);
  }
}

// A random pattern in the syntax the expansion takes, over a few words.
class PatternMaker {
 public:
  explicit PatternMaker(std::mt19937& random) : random_(random) {}

  // A pattern, sometimes ending in a tail or holding a Unicode class.
  std::string piece() {
    static const std::vector<std::string> tails{"\\pL*",   "[ab]*", "\\d+",   "[a-]*",
                                                "\\p{Lu}", "\\pL+", "[é]?s*", "\\s*"};
    std::string out = pattern();
    if (pick(3) == 0) out = wrap("(?:", out, ")") + tails[static_cast<std::size_t>(pick(8))];
    return out;
  }

  std::string pattern(int depth = 0) {
    std::string out = alternative(depth);
    const int more = pick(3) == 0 ? 1 + pick(3) : 0;
    for (int i = 0; i < more; ++i) {
      out += '|';
      out += alternative(depth);
    }
    return out;
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }

  // Appends rather than operator+, which GCC 12 warns about (-Wrestrict,
  // a false positive).
  static std::string wrap(const char* before, const std::string& inside, const char* after) {
    std::string out(before);
    out.append(inside);
    out.append(after);
    return out;
  }

  std::string alternative(int depth) {
    std::string out;
    const int atoms = 1 + pick(4);
    for (int i = 0; i < atoms; ++i) out += atom(depth);
    return out;
  }

  std::string atom(int depth) {
    static const std::vector<std::string> words{"ab",  "a",   "b",  "ba",  "Ab",     "k",
                                                "s",   "é",   "É",  "a b", "a-b",    "a\\.",
                                                "\\-", "b'a", "_a", "1",   "\u2019s"};
    static const std::vector<std::string> classes{"[ab]", "[Aa]", "[a-c]", "[- ]", "[s-]",
                                                  "[eé]", "\\d",  "\\s",   "[kK]", "\\w"};
    std::string out;
    switch (pick(depth < 2 ? 6 : 4)) {
      case 0:
      case 1:
        out = words[static_cast<std::size_t>(pick(static_cast<int>(words.size())))];
        break;
      case 2:
        out = classes[static_cast<std::size_t>(pick(static_cast<int>(classes.size())))];
        // Sometimes a run within the pattern ("(?:\pL+ )?agency").
        if (pick(5) == 0) out += pick(2) == 0 ? "*" : "+";
        break;
      case 3:
        out = " ";
        break;
      case 4:
        out = wrap("(?:", pattern(depth + 1), ")");
        break;
      default: {
        static const std::vector<const char*> opens{"(?i:", "(?-i:", "("};
        out = wrap(opens[static_cast<std::size_t>(pick(3))], pattern(depth + 1), ")");
      }
    }
    switch (pick(8)) {
      case 0:
        return wrap("(?:", out, ")?");
      case 1:
        return wrap("(?:", out, ")??");
      case 2:
        return wrap("(?:", out, "){1,2}");
      case 3:
        return wrap("(?:", out, "){0,2}?");
      default:
        return out;
    }
  }

  std::mt19937& random_;
};

// Text made of the patterns' words and characters, boundaries and folds.
std::string random_sentence(std::mt19937& random) {
  static const std::vector<std::string> parts{"a",        "b",  "ab", "ba",     "A",
                                              "B",        "aB", "AB", "k",      "K",
                                              "s",        "S",  " ",  " ",      "-",
                                              ".",        "'",  "_",  "1",      "é",
                                              "É",        "e",  "c",  "\u2019", "\xE2\x84\xAA",
                                              "\xC5\xBF", "x",  ",",  "\t"};
  std::string out;
  const int n = std::uniform_int_distribution<int>(0, 14)(random);
  for (int i = 0; i < n; ++i) {
    out += parts[std::uniform_int_distribution<std::size_t>(0, parts.size() - 1)(random)];
  }
  return out;
}

// Builds a PieceSet with or without the lookups (DEMARCHE_MATCHER=re2 turns
// them off, as it does for the whole matcher).
std::unique_ptr<PieceSet> piece_set(const std::string& regex, bool lookups) {
  if (lookups) {
    ::unsetenv("DEMARCHE_MATCHER");
  } else {
    ::setenv("DEMARCHE_MATCHER", "re2", 1);
  }
  auto set = std::make_unique<PieceSet>(std::vector<std::string>{regex},
                                        std::vector<PieceScan>{PieceScan::kSearch}, 64 << 20);
  ::unsetenv("DEMARCHE_MATCHER");
  return set;
}

TEST(LiteralPiece, FindsWhatTheRegexFindsOnRandomPatternsAndText) {
  std::mt19937 random(20261206);
  PatternMaker maker(random);
  int looked_up = 0;
  for (int p = 0; p < 1500; ++p) {
    const std::string pattern = maker.piece();
    const bool case_insensitive = random() % 2 == 0;
    const std::string regex =
        piece_regex(PieceSpec{re2_quirks::as_re2_should_read_it(pattern), case_insensitive, true});
    if (!RE2(regex, RE2::Quiet).ok()) continue;
    const auto with = piece_set(regex, true);
    const auto without = piece_set(regex, false);
    if (LiteralPiece::build(pattern, case_insensitive)) ++looked_up;
    for (int t = 0; t < 40; ++t) {
      const std::string text = random_sentence(random);
      for (std::size_t from = 0; from <= text.size(); ++from) {
        ASSERT_EQ(with->find_from(0, text, from), without->find_from(0, text, from))
            << "pattern " << regex << "\ntext '" << text << "' from " << from;
      }
    }
  }
  EXPECT_GT(looked_up, 500) << "most random patterns should be lookups, or this tests little";
}

// A run within a string, as the shipped withdrawal rules' treaties have it
// ("UN (?:\pL+ )?agency"): looked up under its first word, with the word
// between found as RE2's greedy \pL+ finds it, and RE2 asked where a
// non-ASCII letter stands in the run.
TEST(LiteralPiece, ARunWithinAStringIsFoundAsRe2FindsIt) {
  const std::string pattern =
      "(?:treaty|(?:UN|world) (?:\\pL+ )?(?:agency|bod(?:y|ies))|world bank)";
  const std::unique_ptr<const LiteralPiece> built = LiteralPiece::build(pattern, true);
  ASSERT_TRUE(built);
  const std::string regex = piece_regex(PieceSpec{pattern, true, true});
  const auto with = piece_set(regex, true);
  const auto without = piece_set(regex, false);
  const std::vector<std::pair<std::string, std::optional<Span>>> cases = {
      {"It left the UN refugee agency.", Span{12, 29}},
      {"It left the UN agency.", Span{12, 21}},
      {"the World Health body said", Span{4, 21}},
      {"a world bank loan", Span{2, 12}},
      {"a world bankers' body", std::nullopt},  // \\pL+ stops at the apostrophe
      {"the UN's agency", std::nullopt},
      {"the UN refugee agencyx", std::nullopt},
      {"UN  agency", std::nullopt},
      {"UN1 agency", std::nullopt},
  };
  for (const auto& [text, expected] : cases) {
    EXPECT_EQ(without->find_from(0, text, 0), expected) << text;
    Span found;
    EXPECT_EQ(built->find_from(text, 0, &found),
              expected ? LiteralPiece::Answer::kFound : LiteralPiece::Answer::kNotFound)
        << text;
    if (expected) {
      EXPECT_EQ(found, *expected) << text;
    }
    for (std::size_t from = 0; from <= text.size(); ++from) {
      EXPECT_EQ(with->find_from(0, text, from), without->find_from(0, text, from)) << text;
    }
  }
  // A run within a string holds word characters only: "-a-a-a..." before a
  // rest that fails would otherwise be read from each of its word starts.
  EXPECT_FALSE(LiteralPiece::build("a[a-]*b", false));
  EXPECT_FALSE(LiteralPiece::build("a\\s*b", false));
  EXPECT_TRUE(LiteralPiece::build("a[a-]*", false)) << "at the end, a run is read once a start";
  EXPECT_TRUE(LiteralPiece::build("a\\w*b", false));
  // A non-ASCII letter in the run: \pL holds it, so RE2 is asked.
  const std::string accented = "the UN r\u00E9fugi\u00E9 agency";
  Span found;
  EXPECT_EQ(built->find_from(accented, 0, &found), LiteralPiece::Answer::kAskRegex);
  EXPECT_EQ(with->find_from(0, accented, 0), without->find_from(0, accented, 0));
  EXPECT_TRUE(without->find_from(0, accented, 0));
}

// The cache of built lookups (literal_cache.hpp) stores them as bytes: a
// lookup read back finds exactly what the built one finds, and writes the
// same bytes again.
TEST(LiteralPiece, ReadBackFromBytesFindsWhatTheBuiltOneFinds) {
  std::mt19937 random(20261207);
  PatternMaker maker(random);
  int read_back = 0;
  for (int p = 0; p < 1500; ++p) {
    const std::string pattern = maker.piece();
    const bool case_insensitive = random() % 2 == 0;
    const std::unique_ptr<const LiteralPiece> built =
        LiteralPiece::build(pattern, case_insensitive);
    if (!built) continue;
    const std::string bytes = built->to_bytes();
    const std::unique_ptr<const LiteralPiece> copy = LiteralPiece::from_bytes(bytes);
    ASSERT_TRUE(copy) << pattern;
    ASSERT_EQ(copy->to_bytes(), bytes) << pattern;
    ++read_back;
    for (int t = 0; t < 20; ++t) {
      const std::string text = random_sentence(random);
      for (std::size_t from = 0; from <= text.size(); ++from) {
        Span a;
        Span b;
        const LiteralPiece::Answer answer = built->find_from(text, from, &a);
        ASSERT_EQ(copy->find_from(text, from, &b), answer) << pattern << " in '" << text << "'";
        if (answer == LiteralPiece::Answer::kFound) {
          ASSERT_EQ(a, b) << pattern;
        }
      }
    }
  }
  EXPECT_GT(read_back, 500);
}

// Bytes that are not a lookup's (cut short, one byte changed, or bytes
// scrambled) give null, or a lookup whose every index was checked: never a
// crash when it is used.
TEST(LiteralPiece, FromBytesRefusesDamagedRecords) {
  const std::unique_ptr<const LiteralPiece> built =
      LiteralPiece::build("(?:expel(?:s|led)?|[Aa]sset[s-]?|russophob\\pL*|km \\d+|é[eé]t)", true);
  ASSERT_TRUE(built);
  const std::string bytes = built->to_bytes();
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    EXPECT_FALSE(LiteralPiece::from_bytes(bytes.substr(0, size))) << size;
  }
  EXPECT_FALSE(LiteralPiece::from_bytes(bytes + '\0'));
  std::mt19937 random(7);
  const auto use = [&](const LiteralPiece& piece) {
    for (const char* text : {"expelled assets", "Russophobia, km 12", "été", "a-b asset-"}) {
      for (std::size_t from = 0; from <= std::string_view(text).size(); ++from) {
        Span found;
        piece.find_from(text, from, &found);
      }
    }
  };
  int refused = 0;
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    for (const unsigned char change : {0x01, 0x80, 0xFF}) {
      std::string damaged = bytes;
      damaged[at] = static_cast<char>(damaged[at] ^ change);
      if (const auto piece = LiteralPiece::from_bytes(damaged)) {
        use(*piece);
      } else {
        ++refused;
      }
    }
  }
  EXPECT_GT(refused, 0);
  for (int i = 0; i < 2000; ++i) {
    std::string noise = bytes;
    for (int k = 0; k < 4; ++k) noise[random() % noise.size()] = static_cast<char>(random());
    if (const auto piece = LiteralPiece::from_bytes(noise)) use(*piece);
  }
}

// Where array `which` of a record starts (literal_piece_bytes.cpp: two
// 32-bit fields, then each array as a 32-bit count, zeros up to a multiple
// of 8 bytes and its elements), and how many elements it has.
struct ArrayInRecord {
  std::size_t at;
  std::uint32_t count;
};
ArrayInRecord array_in_record(const std::string& bytes, int which) {
  constexpr std::size_t kElementSizes[] = {32, 1, 2, 4, 4, 1, 16, 4, 4, 8};
  std::size_t at = 8;
  for (int i = 0;; ++i) {
    std::uint32_t count = 0;
    std::memcpy(&count, bytes.data() + at, sizeof count);
    at += sizeof count;
    at += (8 - at % 8) % 8;
    if (i == which) return {at, count};
    at += count * kElementSizes[i];
  }
}

// The first-word index is stored, not made again: a record whose slots
// name an entry that is not there, or leave no slot empty (a probe for an
// absent word would never end), is refused.
TEST(LiteralPiece, FromBytesRefusesAFirstWordIndexThatCouldReadOutOfBoundsOrLoop) {
  const std::unique_ptr<const LiteralPiece> built =
      LiteralPiece::build("(?:expel(?:s|led)?|asset|oust(?:ed)?)", true);
  ASSERT_TRUE(built);
  const std::string bytes = built->to_bytes();
  ASSERT_TRUE(LiteralPiece::from_bytes(bytes));
  const ArrayInRecord entries = array_in_record(bytes, 6);
  const ArrayInRecord slots = array_in_record(bytes, 8);
  ASSERT_EQ(entries.count, 6u);  // each first word whole: expel, expels, ... ousted
  ASSERT_GE(slots.count, 2 * entries.count);
  const auto with_slots = [&](const std::function<std::uint32_t(std::uint32_t)>& slot) {
    std::string changed = bytes;
    for (std::uint32_t i = 0; i < slots.count; ++i) {
      const std::uint32_t value = slot(i);
      std::memcpy(changed.data() + slots.at + 4 * i, &value, sizeof value);
    }
    return changed;
  };
  EXPECT_FALSE(LiteralPiece::from_bytes(with_slots([](std::uint32_t) { return 1u; })));
  EXPECT_FALSE(LiteralPiece::from_bytes(
      with_slots([&](std::uint32_t i) { return i == 0 ? entries.count + 1 : 0u; })));
  // Slots naming real entries, one empty: read, and a search ends.
  const std::unique_ptr<const LiteralPiece> odd = LiteralPiece::from_bytes(
      with_slots([&](std::uint32_t i) { return i + 1 < slots.count ? i % entries.count + 1 : 0; }));
  ASSERT_TRUE(odd);
  Span found;
  odd->find_from("they were not ousted at all", 0, &found);
}

// A record read from bytes that do not start at a multiple of 8 (a copy is
// made first) is the same lookup.
TEST(LiteralPiece, FromBytesReadsARecordAtAnyAddress) {
  const std::unique_ptr<const LiteralPiece> built =
      LiteralPiece::build("(?:expel(?:s|led)?|[Aa]sset[s-]?|russophob\\pL*)", true);
  ASSERT_TRUE(built);
  const std::string bytes = built->to_bytes();
  for (std::size_t shift = 0; shift < 8; ++shift) {
    const std::string padded = std::string(shift, '#') + bytes;
    const std::unique_ptr<const LiteralPiece> copy =
        LiteralPiece::from_bytes(std::string_view(padded).substr(shift));
    ASSERT_TRUE(copy) << shift;
    EXPECT_EQ(copy->to_bytes(), bytes) << shift;
    Span found;
    EXPECT_EQ(copy->find_from("the assets were expelled", 0, &found), LiteralPiece::Answer::kFound);
    EXPECT_EQ(found, (Span{4, 10}));
  }
}

TEST(LiteralPiece, AsksTheRegexWhereRe2FoldsKAndSBeyondAscii) {
  const std::unique_ptr<const LiteralPiece> piece = LiteralPiece::build("kiss", true);
  ASSERT_TRUE(piece);
  Span found;
  EXPECT_EQ(piece->find_from("a KISS", 0, &found), LiteralPiece::Answer::kFound);
  EXPECT_EQ(found, (Span{2, 6}));
  EXPECT_EQ(piece->find_from("a \xE2\x84\xAAiss", 0, &found), LiteralPiece::Answer::kAskRegex);
  const std::unique_ptr<const LiteralPiece> plain = LiteralPiece::build("tree", true);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->find_from("a \xE2\x84\xAAiss", 0, &found), LiteralPiece::Answer::kNotFound);
}

}  // namespace
}  // namespace demarche::match

namespace demarche::match {
namespace {

TEST(LiteralPiece, LongTextsAreReadDirectlyWithTheSameAnswers) {
  // Over SentenceWords::kMaxText the lookup scans the text itself.
  std::mt19937 random(7);
  std::string text;
  while (text.size() < 3 * SentenceWords::kMaxText) text += random_sentence(random) + " ";
  for (const char* pattern : {"ab|a(?:-b)?", "(?i:s)[eé]?", "b\\.|_a"}) {
    const std::string regex = piece_regex(PieceSpec{pattern, true, true});
    const auto with = piece_set(regex, true);
    const auto without = piece_set(regex, false);
    std::size_t from = 0;
    int found = 0;
    while (true) {
      const std::optional<Span> expected = without->find_from(0, text, from);
      ASSERT_EQ(with->find_from(0, text, from), expected) << pattern << " from " << from;
      if (!expected) break;
      ++found;
      from = PieceSet::resume_after(*expected);
    }
    EXPECT_GT(found, 10) << pattern;
  }
}

// A long text's K and ſ are looked for once per TextFolds, not once per
// search (a sentence of megabytes took minutes, found by fuzzing), with the
// same answers: the regex is asked wherever the text holds one, also when
// the searches share what was found, and a reset one looks again.
TEST(LiteralPiece, ALongTextsFoldsAreFoundOncePerTextWithTheSameAnswers) {
  const std::unique_ptr<const LiteralPiece> piece = LiteralPiece::build("kiss", true);
  ASSERT_TRUE(piece);
  std::string plain;
  while (plain.size() < 2 * SentenceWords::kMaxText) plain += "they kiss and part. ";
  const std::string kelvin = plain + "\xE2\x84\xAAiss";
  Span found;
  LiteralPiece::TextFolds folds;
  std::size_t from = 0;
  int kisses = 0;
  while (piece->find_from(plain, from, &found, &folds) == LiteralPiece::Answer::kFound) {
    ++kisses;
    from = PieceSet::resume_after(found);
  }
  EXPECT_EQ(kisses, static_cast<int>(plain.size() / 20));
  folds.reset();
  EXPECT_EQ(piece->find_from(kelvin, 0, &found, &folds), LiteralPiece::Answer::kAskRegex);
  EXPECT_EQ(piece->find_from(kelvin, 100, &found, &folds), LiteralPiece::Answer::kAskRegex);
  EXPECT_EQ(piece->find_from(kelvin, 0, &found), LiteralPiece::Answer::kAskRegex);
  // And the piece set, which asks RE2 then, finds the last one too.
  const std::string regex = piece_regex(PieceSpec{"kiss", true, true});
  const auto set = piece_set(regex, true);
  std::vector<Span> all;
  set->occurrences(0, kelvin, &all);
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all.back().end, kelvin.size());
}

}  // namespace
}  // namespace demarche::match
