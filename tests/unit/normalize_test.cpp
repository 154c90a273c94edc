#include "text/normalize.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.hpp"

namespace demarche::text {
namespace {

using namespace std::string_view_literals;

std::string norm(std::string_view original) {
  return normalize(original).text;
}

std::string original_of(std::string_view original, const NormalizedText& n, std::size_t begin,
                        std::size_t end) {
  const Span span = n.original_span(begin, end);
  return std::string(original.substr(span.begin, span.size()));
}

// The invariants every result must satisfy, whatever the input.
void expect_well_formed(std::string_view original, const NormalizedText& n) {
  ASSERT_EQ(n.to_original.size(), n.text.size() + 1);
  EXPECT_EQ(n.to_original.back(), original.size());
  EXPECT_LE(n.text.size(), original.size());
  EXPECT_TRUE(is_valid_utf8(n.text));
  for (std::size_t i = 1; i < n.to_original.size(); ++i) {
    EXPECT_LE(n.to_original[i - 1], n.to_original[i]) << i;
  }
  for (std::size_t i = 0; i < n.text.size(); ++i) {
    EXPECT_LT(n.to_original[i], original.size()) << i;
  }
}

TEST(Normalize, EmptyText) {
  const NormalizedText n = normalize("");
  EXPECT_EQ(n.text, "");
  EXPECT_EQ(n.to_original, std::vector<std::uint32_t>{0});
  EXPECT_EQ(n.original_span(0, 0), (Span{0, 0}));
}

TEST(Normalize, PlainAsciiIsCopiedWithIdentityMap) {
  const std::string_view original = "The envoy left on Monday.\nTalks resume (maybe) at 10:30!";
  const NormalizedText n = normalize(original);
  EXPECT_EQ(n.text, original);
  for (std::size_t i = 0; i <= original.size(); ++i) EXPECT_EQ(n.to_original[i], i);
  expect_well_formed(original, n);
}

TEST(Normalize, UnicodeSpacesBecomeSpace) {
  EXPECT_EQ(norm("a\u00A0b"), "a b");                    // NBSP
  EXPECT_EQ(norm("a\u2009b\u202Fc\u3000d"), "a b c d");  // thin, narrow no-break, ideographic
  EXPECT_EQ(norm("a\u2000b\u200Ac\u205Fd\u1680e"), "a b c d e");
}

TEST(Normalize, TabsAndControlsBecomeSpace) {
  EXPECT_EQ(norm("a\tb\x01"
                 "c\x7F"
                 "d\x1B"
                 "e"),
            "a b c d e");
  EXPECT_EQ(norm(std::string_view("a\0b", 3)), "a b");
  EXPECT_EQ(norm("a\u0085b"), "a b");  // C1 control (next line) is a control too
  EXPECT_EQ(norm("a\nb"), "a\nb");
}

TEST(Normalize, LineEndings) {
  EXPECT_EQ(norm("one\r\ntwo\rthree\nfour"), "one\ntwo\nthree\nfour");
  EXPECT_EQ(norm("a\r\r\nb"), "a\n\nb");
  EXPECT_EQ(norm("a\n\rb"), "a\n\nb");
  EXPECT_EQ(norm("\r"), "\n");
}

TEST(Normalize, CrlfMapsBackToBothBytes) {
  const std::string_view original = "ab\r\ncd";
  const NormalizedText n = normalize(original);
  ASSERT_EQ(n.text, "ab\ncd");
  EXPECT_EQ(n.to_original[2], 2u);
  EXPECT_EQ(n.to_original[3], 4u);
  EXPECT_EQ(original_of(original, n, 2, 3), "\r\n");
  EXPECT_EQ(original_of(original, n, 3, 5), "cd");
}

TEST(Normalize, CurlyQuotesAndPrimes) {
  EXPECT_EQ(norm("\u201CNo,\u201D she said, \u2018not now\u2019."), "\"No,\" she said, 'not now'.");
  EXPECT_EQ(norm("the envoy\u2019s car"), "the envoy's car");
  EXPECT_EQ(norm("\u201Alow\u201B \u201Elow\u201F"), "'low' \"low\"");
  EXPECT_EQ(norm("5\u2032 10\u2033"), "5' 10\"");
  EXPECT_EQ(norm("\u00ABNon\u00BB"), "\"Non\"");
}

TEST(Normalize, DashesBecomeHyphen) {
  EXPECT_EQ(norm("2019\u20132020"), "2019-2020");
  EXPECT_EQ(norm("talks \u2014 at last \u2014 began"), "talks - at last - began");
  EXPECT_EQ(norm("\u2010\u2011\u2012\u2013\u2014\u2015"), "------");
  EXPECT_EQ(norm("\u2212"
                 "5 \uFE58 \uFE63 \uFF0D"),
            "-5 - - -");
}

TEST(Normalize, EllipsisBecomesThreeStops) {
  const std::string_view original = "Wait\u2026 what";
  const NormalizedText n = normalize(original);
  ASSERT_EQ(n.text, "Wait... what");
  // All three stops come from the one character, and any part of them maps
  // back to all of it: an original span never cuts a character in two.
  EXPECT_EQ(n.to_original[4], 4u);
  EXPECT_EQ(n.to_original[5], 4u);
  EXPECT_EQ(n.to_original[6], 4u);
  EXPECT_EQ(original_of(original, n, 5, 6), "\u2026");
  EXPECT_EQ(original_of(original, n, 0, 5), "Wait\u2026");
  EXPECT_EQ(original_of(original, n, 6, 12), "\u2026 what");
  expect_well_formed(original, n);
}

TEST(Normalize, ZeroWidthAndSoftHyphenAreDropped) {
  EXPECT_EQ(norm("ne\u00ADgo\u00ADti\u00ADate"), "negotiate");
  EXPECT_EQ(norm("a\u200Bb\u200Cc\u200Dd\u2060e"), "abcde");
  EXPECT_EQ(norm("\uFEFFHeadline"), "Headline");
}

TEST(Normalize, DroppedCharactersStayInsideTheSpanOfWhatSurroundsThem) {
  const std::string_view original = "\uFEFFsoft\u00ADware";
  const NormalizedText n = normalize(original);
  ASSERT_EQ(n.text, "software");
  // A leading byte order mark is outside every span; a character dropped
  // inside a word is inside the word's span.
  EXPECT_EQ(n.original_span(0, 8), (Span{3, original.size()}));
  EXPECT_EQ(original_of(original, n, 0, 8), "soft\u00ADware");
  EXPECT_EQ(original_of(original, n, 4, 8), "ware");
  expect_well_formed(original, n);
}

TEST(Normalize, InvalidBytesBecomeOneSpaceEach) {
  const std::string_view original =
      "ab\xFF\xFE"
      "cd\xE2\x82"
      "ef\xC3";
  const NormalizedText n = normalize(original);
  EXPECT_EQ(n.text, "ab  cd  ef ");
  expect_well_formed(original, n);
  // Each space maps back to its own byte.
  EXPECT_EQ(n.to_original[2], 2u);
  EXPECT_EQ(n.to_original[3], 3u);
  EXPECT_EQ(n.to_original[6], 6u);
  EXPECT_EQ(n.to_original[7], 7u);
  EXPECT_EQ(n.to_original[10], 10u);
  EXPECT_EQ(original_of(original, n, 4, 6), "cd");
  EXPECT_EQ(original_of(original, n, 6, 7), "\xE2");
}

TEST(Normalize, OtherNonAsciiIsCopiedByteForByte) {
  const std::string_view original =
      "Z\u00FCrich, \u0391\u03B8\u03AE\u03BD\u03B1, \u6771\u4EAC, \U0001F54A";
  const NormalizedText n = normalize(original);
  EXPECT_EQ(n.text, original);
  for (std::size_t i = 0; i <= original.size(); ++i) EXPECT_EQ(n.to_original[i], i);
}

TEST(Normalize, CaseIsKept) {
  EXPECT_EQ(norm("MiXeD \u00C9t\u00E9"), "MiXeD \u00C9t\u00E9");
}

TEST(Normalize, MappedSpanShowsTheOriginalWords) {
  const std::string_view original =
      "The\u00A0minister called it \u201Can \u2018unacceptable\u2019 move\u201D \u2014 twice\u2026";
  const NormalizedText n = normalize(original);
  ASSERT_EQ(n.text, "The minister called it \"an 'unacceptable' move\" - twice...");
  const std::size_t quote = n.text.find('"');
  const std::size_t close = n.text.rfind('"') + 1;
  EXPECT_EQ(original_of(original, n, quote, close), "\u201Can \u2018unacceptable\u2019 move\u201D");
  const std::size_t twice = n.text.find("twice");
  EXPECT_EQ(original_of(original, n, twice, n.text.size()), "twice\u2026");
  EXPECT_EQ(original_of(original, n, 0, 12), "The\u00A0minister");
  EXPECT_EQ(original_of(original, n, 3, 4), "\u00A0");
}

TEST(Normalize, OriginalSpanOfEmptyRangeAndClamping) {
  const std::string_view original = "a\u00A0b";
  const NormalizedText n = normalize(original);
  EXPECT_EQ(n.original_span(2, 2), (Span{3, 3}));
  EXPECT_EQ(n.original_span(3, 3), (Span{4, 4}));
  EXPECT_EQ(n.original_span(0, 99), (Span{0, 4}));
  EXPECT_EQ(NormalizedText{}.original_span(0, 0), (Span{0, 0}));
}

// Positions of the normalised text where a range may start or end without
// cutting a character or a replacement in two.
std::vector<std::size_t> cut_points(const NormalizedText& n) {
  std::vector<std::size_t> cuts;
  for (std::size_t i = 0; i <= n.text.size(); ++i) {
    const bool utf8_boundary =
        i == n.text.size() || (static_cast<unsigned char>(n.text[i]) & 0xC0) != 0x80;
    const bool new_source =
        i == 0 || i == n.text.size() || n.to_original[i] != n.to_original[i - 1];
    if (utf8_boundary && new_source) cuts.push_back(i);
  }
  return cuts;
}

// For every range between cut points, the original span holds exactly the
// bytes that normalise to the range: normalising them again gives the range
// back, neighbouring ranges meet without gap or overlap, and the whole text
// maps to everything after any leading dropped characters.
void expect_round_trip(std::string_view original) {
  const NormalizedText n = normalize(original);
  expect_well_formed(original, n);
  const std::vector<std::size_t> cuts = cut_points(n);
  for (std::size_t a = 0; a < cuts.size(); ++a) {
    for (std::size_t b = a; b < cuts.size(); ++b) {
      const Span span = n.original_span(cuts[a], cuts[b]);
      ASSERT_LE(span.begin, span.end);
      ASSERT_LE(span.end, original.size());
      EXPECT_EQ(norm(original.substr(span.begin, span.size())),
                n.text.substr(cuts[a], cuts[b] - cuts[a]))
          << "range " << cuts[a] << ".." << cuts[b];
      if (b + 1 < cuts.size()) {
        EXPECT_EQ(span.end, n.original_span(cuts[b], cuts[b + 1]).begin);
      }
    }
  }
  EXPECT_EQ(n.original_span(0, n.text.size()).end, original.size());
}

TEST(Normalize, OffsetMapRoundTrips) {
  expect_round_trip(
      "\uFEFF\u201CLe d\u00E9part\u201D\u00A0\u2014 c\u2019est\u2026 fini.\r\n"
      "Na\u00EFve\u200B co\u00ADop \xFF\xC3(\xE2\x82) \u6771\u4EAC\t\U0001F54A\r");
  expect_round_trip("\u2026\u2026");
  expect_round_trip("\r\n\r\n");
  expect_round_trip("\u200B\u200B");
}

// Texts glued from ASCII, controls, stray and truncated UTF-8 bytes and the
// characters normalisation folds. Deterministic: a failure reproduces.
std::vector<std::string> random_texts(std::uint32_t seed, int count) {
  std::mt19937 rng(seed);
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           " ",
                                           "\n",
                                           "\r",
                                           "\t",
                                           ".",
                                           "\xFF",
                                           "\x80",
                                           "\xC3",
                                           "\xE2\x82",
                                           "\xC3\xA9",
                                           "\u00A0",
                                           "\u2019",
                                           "\u201C",
                                           "\u2014",
                                           "\u2026",
                                           "\u200B",
                                           "\u00AD",
                                           "\uFEFF",
                                           "\u6771",
                                           "\U0001F54A",
                                           std::string(1, '\0')};
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 24);
  std::vector<std::string> texts(static_cast<std::size_t>(count));
  for (std::string& text : texts) {
    for (int k = length(rng); k > 0; --k) text += pieces[pick(rng)];
  }
  return texts;
}

TEST(Normalize, RandomBytesStayWellFormedAndRoundTrip) {
  for (const std::string& original : random_texts(20240607, 200)) {
    SCOPED_TRACE(testing::PrintToString(original));
    expect_round_trip(original);
  }
}

TEST(Normalize, IsIdempotent) {
  const std::string once = norm("\u201CA\u00A0b\u2014c\u2026\u201D\r\n\xFF\u200Bd\u2019e");
  EXPECT_EQ(norm(once), once);
}

TEST(MatchText, PlainAsciiIsMatchedInPlace) {
  const std::string original = "Ruritania expelled two envoys.\nTalks resume at 10:30!";
  const MatchText match(original);
  EXPECT_EQ(match.text().data(), original.data());  // no copy
  EXPECT_EQ(match.text(), original);
  EXPECT_EQ(match.original_span(10, 18), (Span{10, 18}));
  EXPECT_EQ(match.original_span(50, 99), (Span{50, original.size()}));  // clamped
}

TEST(MatchText, EveryByteThatNormalizeWouldChangeIsFolded) {
  // The edges of the bytes copied as they are: ' ' and '~' are, DEL and the
  // controls other than '\n' are not, wherever they fall in a long text.
  const std::string plain(200, 'x');
  for (std::size_t at : {0, 63, 64, 199}) {
    for (const char c : {'\x1F', '\x7F', '\t', '\r', '\x80'}) {
      std::string text = plain;
      text[at] = c;
      const MatchText match(text);
      EXPECT_EQ(match.text(), normalize(text).text) << at << " " << int(c);
      EXPECT_NE(match.text().data(), text.data()) << at << " " << int(c);
    }
  }
  const std::string edges = " ~\n" + plain;
  EXPECT_EQ(MatchText(edges).text().data(), edges.data());
}

TEST(MatchText, AgreesWithNormalizeOnEveryText) {
  std::vector<std::string> texts = random_texts(7, 200);
  texts.push_back("Plain ASCII, as most news is.");
  for (const std::string& original : texts) {
    SCOPED_TRACE(testing::PrintToString(original));
    const MatchText match(original);
    const NormalizedText n = normalize(original);
    ASSERT_EQ(match.text(), n.text);
    for (std::size_t b = 0; b <= n.text.size(); ++b) {
      for (std::size_t e = b; e <= n.text.size(); ++e) {
        ASSERT_EQ(match.original_span(b, e), n.original_span(b, e)) << b << ", " << e;
      }
    }
  }
}

}  // namespace
}  // namespace demarche::text
