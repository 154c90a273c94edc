// text::for_each_document_sentence: a document split a block of lines at a
// time gives exactly the spans of the whole document normalised and split
// at once (how Engine::segment worked before), whatever the block size.
#include "text/document_sentences.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/normalize.hpp"
#include "text/segment.hpp"

namespace demarche::text {
namespace {

std::vector<Span> whole_document_spans(std::string_view document) {
  const MatchText norm(document);
  std::vector<Span> spans = segment_sentences(norm.text());
  for (Span& s : spans) s = norm.original_span(s.begin, s.end);
  return spans;
}

std::vector<Span> block_spans(std::string_view document, std::size_t block_bytes) {
  std::vector<Span> spans;
  for_each_document_sentence(
      document, [&](Span s) { spans.push_back(s); }, block_bytes);
  return spans;
}

// Pieces that normalisation changes or drops (curly quotes, dashes, an
// ellipsis, no-break and zero-width spaces, a soft hyphen, invalid bytes),
// every kind of line break, blank lines, abbreviations and initials.
std::string random_document(std::mt19937& random, std::size_t pieces) {
  static const std::vector<std::string> kPieces = {
      "Paris expelled two envoys.",
      " Mr. Smith left for the U.S. on Jan. 18.",
      "\xe2\x80\x9cWe condemn it,\xe2\x80\x9d he said \xe2\x80\x94 twice\xe2\x80\xa6",
      " Caf\xc3\xa9\xc2\xa0noir.",
      "zero\xe2\x80\x8bwidth",
      "\xe2\x80\x8b",
      "soft\xc2\xadhyphen.",
      " bad \xff\xfe bytes.",
      "\xe2\x80",
      "\n",
      "\r\n",
      "\r",
      "\n\n",
      "  ",
      "\t",
      " 1. Add salt.",
      "\xef\xbb\xbf",
  };
  std::string document;
  for (std::size_t i = 0; i < pieces; ++i) document += kPieces[random() % kPieces.size()];
  return document;
}

TEST(DocumentSentences, BlocksOfLinesGiveTheSpansOfTheWholeDocument) {
  std::mt19937 random(1206);
  for (int round = 0; round < 200; ++round) {
    const std::string document = random_document(random, 1 + random() % 60);
    const std::vector<Span> expected = whole_document_spans(document);
    for (const std::size_t block :
         {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{64}, kSegmentBlockBytes}) {
      ASSERT_EQ(block_spans(document, block), expected)
          << "block " << block << ", document of " << document.size() << " bytes";
    }
  }
}

TEST(DocumentSentences, ALineLongerThanABlockIsSplitWhole) {
  const std::string document =
      "Paris expelled two envoys. Rome recalled its ambassador.\nIt ended.";
  const std::vector<Span> spans = block_spans(document, 4);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0], (Span{0, 26}));
  EXPECT_EQ(spans[1], (Span{27, 56}));
  EXPECT_EQ(spans[2], (Span{57, 66}));
}

TEST(DocumentSentences, EmptyAndBlankDocumentsHaveNone) {
  for (const std::string_view document : {"", " ", "\n\r\n \t\n", "\xe2\x80\x8b\n"}) {
    EXPECT_TRUE(block_spans(document, 1).empty()) << document;
    EXPECT_TRUE(block_spans(document, kSegmentBlockBytes).empty()) << document;
  }
}

}  // namespace
}  // namespace demarche::text
