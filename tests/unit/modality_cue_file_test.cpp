// The modality plugin's cue table (plugins/modality/data/cues.txt, read by
// plugins/modality/cue_file.cpp, compiled into this suite by its path): the
// embedded file is the source file and parses; names, options and defaults
// read as documented; a broken file is refused with line and column.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../../plugins/modality/cue_file.hpp"
#include "embedded_file.hpp"

namespace demarche_modality {
namespace {

TEST(ModalityCueFile, EmbeddedTableIsTheSourceFileAndParses) {
  demarche::testing::expect_embedded_is_source(embedded_cues(), "plugins/modality/data/cues.txt");
  std::string error;
  const auto cues = parse_cue_file(embedded_cues(), &error);
  ASSERT_TRUE(cues) << error;
  // Every class is there, and no '$' is left unreplaced.
  for (const Modality m :
       {Modality::kHypothetical, Modality::kNegated, Modality::kThreatened, Modality::kDemanded}) {
    EXPECT_TRUE(std::any_of(cues->begin(), cues->end(), [m](const CueSpec& c) {
      return c.modality == m;
    })) << name(m);
  }
  for (const CueSpec& cue : *cues) {
    for (const std::string& word : cue.words) EXPECT_EQ(word.find('$'), std::string::npos);
    EXPECT_EQ(cue.bridge.find('$'), std::string::npos);
  }
}

TEST(ModalityCueFile, ALineReadsAsDocumented) {
  std::string error;
  const auto cues = parse_cue_file(
      "# a comment\n"
      "define verbs \"ask|asks\"   # a comment after\n"
      "define whom \"$verbs its|their\"\n"
      "\n"
      "negated adjacent 2 \"not|never\" unless-next=\"only|just\"\n"
      "threatened  infinitive 3 \"$whom allies\"  bridge=4:\"$verbs|would\" lower-case\n"
      "hypothetical clause 0 \"if # not a comment\" first-word unless-previous=\"even\"\n"
      "demanded infinitive 1 \"call on\" bridge=6\n",
      &error);
  ASSERT_TRUE(cues) << error;
  ASSERT_EQ(cues->size(), 4u);
  CueSpec negated;
  negated.modality = Modality::kNegated;
  negated.scope = Scope::kAdjacent;
  negated.reach = 2;
  negated.words = {"not|never"};
  negated.not_before = "only|just";
  EXPECT_EQ((*cues)[0], negated);
  const CueSpec& threat = (*cues)[1];
  EXPECT_EQ(threat.modality, Modality::kThreatened);
  EXPECT_EQ(threat.scope, Scope::kInfinitive);
  EXPECT_EQ(threat.reach, 3u);
  EXPECT_EQ(threat.words, (std::vector<std::string>{"ask|asks", "its|their", "allies"}));
  EXPECT_EQ(threat.object_reach, 4u);
  EXPECT_EQ(threat.bridge, "ask|asks|would");
  EXPECT_TRUE(threat.lower_case_only);
  EXPECT_FALSE(threat.sentence_initial);
  const CueSpec& condition = (*cues)[2];
  EXPECT_EQ(condition.words, (std::vector<std::string>{"if", "#", "not", "a", "comment"}));
  EXPECT_TRUE(condition.sentence_initial);
  EXPECT_EQ(condition.not_after, "even");
  EXPECT_EQ((*cues)[3].bridge, "to");  // the default bridge
  EXPECT_EQ((*cues)[3].object_reach, 6u);
}

TEST(ModalityCueFile, ABrokenLineIsRefusedWithLineAndColumn) {
  const struct {
    const char* line;
    const char* error;
  } kBroken[] = {
      {"maybe near 2 \"x\"",
       "1: unknown class 'maybe' (hypothetical, negated, threatened, demanded, or define)"},
      {"negated far 2 \"x\"", "9: unknown scope 'far' (adjacent, near, infinitive, clause)"},
      {"negated near two \"x\"", "14: expected a number of words from 0 to 50, found 'two'"},
      {"negated near 51 \"x\"", "14: a reach is at most 50 words, not 51"},
      {"negated clause 2 \"if\"", "16: a clause cue reaches the whole clause: its reach is 0"},
      {"negated near 2", "1: expected: CLASS SCOPE REACH \"PHRASE\" [OPTION ...]"},
      {"negated near 2 x", "16: expected a quoted text, found 'x'"},
      {"negated near 2 \"x", "16: unclosed '\"'"},
      {"negated near 2 \"Not\"",
       "16: 'Not' has an upper-case letter (words are compared lower-cased)"},
      {"negated near 2 \"a||b\"", "16: 'a||b' has an empty word or alternative"},
      {"negated near 2 \"a  b\"", "16: 'a  b' has an empty word or alternative"},
      {"negated near 2 \"a|\"", "16: 'a|' has an empty word or alternative"},
      {"negated near 2 \"\"", "16: '' has an empty word or alternative"},
      {"negated near 2 \"x $nothing\"", "19: no name '$nothing' is defined above"},
      {"negated near 2 \"x\" bridge=2", "20: only an infinitive cue has a bridge"},
      {"negated infinitive 2 \"x\" bridge=x",
       "33: expected a number of words from 0 to 50, found 'x'"},
      {"negated infinitive 2 \"x\" bridge=2:\"a b\"",
       "35: 'a b' must be one word's alternatives, without spaces"},
      {"negated near 2 \"x\" unless-next=\"a b\"",
       "32: 'a b' must be one word's alternatives, without spaces"},
      {"negated near 2 \"x\" lower-case lower-case", "31: option 'lower-case' is given twice"},
      {"negated near 2 \"x\" unless=\"y\"",
       "20: unknown option 'unless=\"y\"' (bridge=N, bridge=N:\"WORDS\", unless-next=\"WORDS\", "
       "unless-previous=\"WORDS\", lower-case, first-word)"},
      {"define Verbs \"x\"", "8: a name is lower-case letters, digits and '-', not 'Verbs'"},
      {"define verbs", "1: expected: define NAME \"TEXT\""},
  };
  for (const auto& broken : kBroken) {
    std::string error;
    EXPECT_FALSE(parse_cue_file(std::string(broken.line) + "\n", &error)) << broken.line;
    EXPECT_EQ(error, std::string("cues.txt:1:") + broken.error) << broken.line;
  }
  std::string error;
  EXPECT_FALSE(parse_cue_file("define x \"a\"\n\ndefine x \"b\"\n", &error));
  EXPECT_EQ(error, "cues.txt:3:8: 'x' is defined twice");
  EXPECT_FALSE(parse_cue_file("# only a comment\n", &error));
  EXPECT_EQ(error, "cues.txt: no cue");
}

}  // namespace
}  // namespace demarche_modality
