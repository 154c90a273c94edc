#include "text/segment.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalize.hpp"

namespace demarche::text {
namespace {

using Sentences = std::vector<std::string>;

// Segments the normalised form of `original` and returns the sentence texts.
Sentences split(std::string_view original) {
  const std::string text = normalize(original).text;
  Sentences out;
  for (const Span& s : segment_sentences(text)) out.push_back(text.substr(s.begin, s.size()));
  return out;
}

TEST(Segment, EmptyAndBlankText) {
  EXPECT_TRUE(segment_sentences("").empty());
  EXPECT_TRUE(segment_sentences("   ").empty());
  EXPECT_TRUE(segment_sentences("\n\n \n").empty());
}

TEST(Segment, SpansAreTrimmedOffsets) {
  const std::string_view text = "  The talks ended.   Both sides left.  ";
  const std::vector<Span> spans = segment_sentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (Span{2, 18}));
  EXPECT_EQ(spans[1], (Span{21, 37}));
}

TEST(Segment, BasicTerminators) {
  EXPECT_EQ(
      split("The talks ended. Both sides left! Will they return? Nobody knows"),
      (Sentences{"The talks ended.", "Both sides left!", "Will they return?", "Nobody knows"}));
  EXPECT_EQ(split("Really?! Yes."), (Sentences{"Really?!", "Yes."}));
}

TEST(Segment, NoSplitWithoutFollowingSpace) {
  EXPECT_EQ(split("See example.com/page.html for details."),
            (Sentences{"See example.com/page.html for details."}));
}

TEST(Segment, Decimals) {
  EXPECT_EQ(split("Aid rose 3.5 percent to $1.2 billion. Critics said 0.5 was enough."),
            (Sentences{"Aid rose 3.5 percent to $1.2 billion.", "Critics said 0.5 was enough."}));
}

TEST(Segment, NextWordInLowerCaseContinues) {
  EXPECT_EQ(split("The vote is set for 5 p.m. and may slip."),
            (Sentences{"The vote is set for 5 p.m. and may slip."}));
  EXPECT_EQ(split("He said the deal was done. and then left."),
            (Sentences{"He said the deal was done. and then left."}));
  EXPECT_EQ(split("Was it over? nobody could tell."),
            (Sentences{"Was it over? nobody could tell."}));
}

TEST(Segment, NonAsciiCapitalsAndSmallLetters) {
  EXPECT_EQ(split("The envoy arrived. \u00C9mile Durand met him."),
            (Sentences{"The envoy arrived.", "\u00C9mile Durand met him."}));
  EXPECT_EQ(split("The word was long. \u00E9tonnamment, it passed."),
            (Sentences{"The word was long. \u00E9tonnamment, it passed."}));
  EXPECT_EQ(split("The convoy left. \u0141\u00F3d\u017A welcomed it."),
            (Sentences{"The convoy left.", "\u0141\u00F3d\u017A welcomed it."}));
}

TEST(Segment, TitlesNeverEndASentence) {
  for (const std::string_view title :
       {"Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Col.", "Lt.", "Sgt.", "Gov.", "Sen.", "Rep.", "Prof.",
        "Capt.", "Adm.", "Maj.", "Rev."}) {
    const std::string text =
        "The talks with " + std::string(title) + " Okafor went well. They ended.";
    EXPECT_EQ(split(text).size(), 2u) << text;
  }
  EXPECT_EQ(split("Lt.-Gen. Okafor spoke."), (Sentences{"Lt.-Gen. Okafor spoke."}));
  EXPECT_EQ(split("The case Okafor v. Brandt ended."),
            (Sentences{"The case Okafor v. Brandt ended."}));
}

TEST(Segment, SuffixesEndASentenceOnlyBeforeAnOpener) {
  for (const std::string_view suffix : {"St.", "Jr.", "Inc.", "Corp.", "Ltd.", "Co.", "Bros."}) {
    const std::string joined = "The office of Brandt " + std::string(suffix) + " Holdings closed.";
    EXPECT_EQ(split(joined).size(), 1u) << joined;
    const std::string split_here =
        "The office of Brandt " + std::string(suffix) + " The staff left.";
    EXPECT_EQ(split(split_here).size(), 2u) << split_here;
  }
  EXPECT_EQ(split("Pedro Okafor Jr. It was his first visit."),
            (Sentences{"Pedro Okafor Jr.", "It was his first visit."}));
}

TEST(Segment, NumberedAbbreviationsBeforeDigits) {
  EXPECT_EQ(split("Resolution No. 5 was adopted. It passed."),
            (Sentences{"Resolution No. 5 was adopted.", "It passed."}));
  EXPECT_EQ(split("The firm said no. 5 staff were hurt."),
            (Sentences{"The firm said no.", "5 staff were hurt."}));
  EXPECT_EQ(split("See p. 12 and Art. 4 of the accord."),
            (Sentences{"See p. 12 and Art. 4 of the accord."}));
  for (const std::string_view month : {"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
                                       "Sep.", "Sept.", "Oct.", "Nov.", "Dec."}) {
    const std::string text = "The envoy arrived on " + std::string(month) + " 3 to talk. He left.";
    EXPECT_EQ(split(text).size(), 2u) << text;
  }
  // Before a word the month may well end the sentence.
  EXPECT_EQ(split("The envoy arrived in Jan. The talks began later."),
            (Sentences{"The envoy arrived in Jan.", "The talks began later."}));
}

TEST(Segment, Initials) {
  EXPECT_EQ(split("J. R. Okafor spoke first."), (Sentences{"J. R. Okafor spoke first."}));
  EXPECT_EQ(split("Then J. A. Okafor spoke."), (Sentences{"Then J. A. Okafor spoke."}));
  EXPECT_EQ(split("U.S. officials declined to comment."),
            (Sentences{"U.S. officials declined to comment."}));
  EXPECT_EQ(split("The envoy met the U.N. mission head."),
            (Sentences{"The envoy met the U.N. mission head."}));
  EXPECT_EQ(split("The U.S. Embassy stayed open."), (Sentences{"The U.S. Embassy stayed open."}));
  EXPECT_EQ(split("Sanctions, e.g. Asset freezes, followed."),
            (Sentences{"Sanctions, e.g. Asset freezes, followed."}));
}

TEST(Segment, InitialsBeforeASentenceOpenerSplit) {
  for (const std::string_view opener :
       {"The", "It", "He", "She", "They", "We", "This", "In", "But", "A"}) {
    const std::string text =
        "The delegation left the U.S. " + std::string(opener) + " next day was calm.";
    EXPECT_EQ(split(text).size(), 2u) << text;
  }
  EXPECT_EQ(split("The delegation flew out of the U.K. The talks moved to Oslo."),
            (Sentences{"The delegation flew out of the U.K.", "The talks moved to Oslo."}));
}

TEST(Segment, Ellipsis) {
  EXPECT_EQ(split("We waited... Then the doors opened."),
            (Sentences{"We waited...", "Then the doors opened."}));
  EXPECT_EQ(split("We waited... and waited."), (Sentences{"We waited... and waited."}));
  EXPECT_EQ(split("We waited\u2026 Then it ended."), (Sentences{"We waited...", "Then it ended."}));
  EXPECT_EQ(split("It cost... 40 million."), (Sentences{"It cost... 40 million."}));
  // An ellipsis that opens a sentence does not make a sentence of its own.
  EXPECT_EQ(split("... Then silence."), (Sentences{"... Then silence."}));
}

TEST(Segment, ClosingQuotesBelongToTheirSentence) {
  EXPECT_EQ(split("\"We are leaving.\" The minister said nothing more."),
            (Sentences{"\"We are leaving.\"", "The minister said nothing more."}));
  EXPECT_EQ(split("\u201CWe go!\u201D he said."), (Sentences{"\"We go!\" he said."}));
  EXPECT_EQ(split("\"Why?\" She asked it twice."), (Sentences{"\"Why?\"", "She asked it twice."}));
  EXPECT_EQ(split("She called it 'over.' Talks ended."),
            (Sentences{"She called it 'over.'", "Talks ended."}));
  EXPECT_EQ(split("\"It is over,\" the envoy said on Monday. \"We will go home.\""),
            (Sentences{"\"It is over,\" the envoy said on Monday.", "\"We will go home.\""}));
  EXPECT_EQ(split("He said \"no\". Then he left."),
            (Sentences{"He said \"no\".", "Then he left."}));
}

TEST(Segment, ClosingBrackets) {
  EXPECT_EQ(split("(The vote was close.) Officials disagreed."),
            (Sentences{"(The vote was close.)", "Officials disagreed."}));
  EXPECT_EQ(split("The envoy (who had flown in.) left. [Edited.] Done."),
            (Sentences{"The envoy (who had flown in.) left.", "[Edited.]", "Done."}));
}

TEST(Segment, LineBreaksAlwaysEndASentence) {
  EXPECT_EQ(split("Envoy expelled after row\nThe envoy left on Friday. Talks stalled."),
            (Sentences{"Envoy expelled after row", "The envoy left on Friday.", "Talks stalled."}));
  EXPECT_EQ(split("Talks with Gen.\nOkafor resumed"),
            (Sentences{"Talks with Gen.", "Okafor resumed"}));
  EXPECT_EQ(split("first line\nsecond line"), (Sentences{"first line", "second line"}));
}

TEST(Segment, BlankLinesAndCrlf) {
  EXPECT_EQ(split("\r\n\r\n  Headline here  \r\n\r\n\tBody text. More text.\r\n\r\n"),
            (Sentences{"Headline here", "Body text.", "More text."}));
}

TEST(Segment, NumberedListItemIsNotASentence) {
  EXPECT_EQ(split("1. Withdraw the troops.\n2. Reopen the embassy."),
            (Sentences{"1. Withdraw the troops.", "2. Reopen the embassy."}));
  EXPECT_EQ(split("  3. Keep the embassy open."), (Sentences{"3. Keep the embassy open."}));
  EXPECT_EQ(split("The count reached 12. Then it stopped."),
            (Sentences{"The count reached 12.", "Then it stopped."}));
}

// Invariants for any input: in order, disjoint, non-empty, trimmed, one line each.
TEST(Segment, SpansAreOrderedTrimmedAndNonEmpty) {
  const std::string text = normalize(
                               "  Mr. A. went... to the U.S.  \"Yes!\" (No.)\n\n"
                               " . ! ? ... \"\" () \n"
                               "x. Y. z? ... Q\u2026 \u00A0End")
                               .text;
  std::size_t previous_end = 0;
  for (const Span& s : segment_sentences(text)) {
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(s.end, text.size());
    EXPECT_GE(s.begin, previous_end);
    previous_end = s.end;
    const std::string_view sentence = std::string_view(text).substr(s.begin, s.size());
    EXPECT_NE(sentence.front(), ' ');
    EXPECT_NE(sentence.back(), ' ');
    EXPECT_EQ(sentence.find('\n'), std::string_view::npos);
  }
}

// Folds both sides the same way before comparing: the labelled rows may differ
// from the raw article in whitespace only.
std::string comparable(std::string_view original) {
  const std::string text = normalize(original).text;
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// End to end on the seed article: every labelled sentence must come out of
// the raw text as one sentence. Extra sentences (captions, page boilerplate)
// are allowed.
TEST(Segment, SeedArticleYieldsEveryLabelledSentence) {
  const std::filesystem::path dir = std::filesystem::path(DEMARCHE_SHARED_DATA) / "seed";
  const std::filesystem::path article = dir / "france24-denmark-mali.txt";
  const std::filesystem::path labels = dir / "france24-denmark-mali.tsv";
  if (!std::filesystem::exists(article) || !std::filesystem::exists(labels)) {
    GTEST_SKIP() << "seed article not found under " << dir << " (shared data is not checked out)";
  }

  const NormalizedText normalized = normalize(read_file(article));
  std::vector<std::string> produced;
  for (const Span& s : segment_sentences(normalized.text)) {
    produced.push_back(comparable(std::string_view(normalized.text).substr(s.begin, s.size())));
  }

  std::istringstream rows(read_file(labels));
  std::string row;
  std::getline(rows, row);  // header: id, text, labels, note
  int checked = 0;
  while (std::getline(rows, row)) {
    if (row.empty() || row == "\r") continue;
    const std::size_t tab1 = row.find('\t');
    const std::size_t tab2 = row.find('\t', tab1 + 1);
    ASSERT_NE(tab1, std::string::npos) << row;
    const std::string id = row.substr(0, tab1);
    const std::string expected = comparable(row.substr(tab1 + 1, tab2 - tab1 - 1));
    ++checked;
    EXPECT_NE(std::find(produced.begin(), produced.end(), expected), produced.end())
        << "labelled sentence " << id << " was not produced as one sentence";
  }
  EXPECT_GT(checked, 0) << "no labelled rows in " << labels;
}

}  // namespace
}  // namespace demarche::text
