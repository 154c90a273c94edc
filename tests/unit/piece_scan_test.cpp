// Which set, if any, the compiler puts each piece in (rules/compiler.cpp,
// choose_piece_scans), and that classification is the same whichever way a
// piece is found.
#include <gtest/gtest.h>

#include <map>

#include "demarche/engine.hpp"
#include "rules/loader.hpp"
#include "rules/program.hpp"

namespace demarche::rules {
namespace {

using match::PieceScan;

class OneFile final : public SourceReader {
 public:
  explicit OneFile(std::string text) : text_(std::move(text)) {}
  std::string resolve(const std::string&, const std::string& target) const override {
    return target;
  }
  std::optional<std::string> read(const std::string&, std::string*) const override { return text_; }

 private:
  std::string text_;
};

constexpr const char* kRules = R"(event expulsion
  prior: 0.05
rule expulsion.test.expel
  type: expulsion
  weight: 0.9
  match: expelled ~3 envoys ~4 from ~2 embassy
  unless: threatened ~2 expelled
  unless: not ~2 expelled
  unless: envoys ~3 from ~1 school
  unless: if ~3 could
rule expulsion.test.common_only
  type: expulsion
  weight: 0.6
  match: the ~1 said
)";

// The scan of each piece, by the word it matches: piece_regex() puts the
// piece in the group after the leading boundary, "...])(word)(?:...".
std::map<std::string, PieceScan> scans_by_word(const Program& program) {
  std::map<std::string, PieceScan> out;
  for (std::size_t i = 0; i < program.piece_regexes.size(); ++i) {
    const std::string& re = program.piece_regexes[i];
    const std::size_t open = re.find("])(") + 3;
    out[re.substr(open, re.find(')', open) - open)] = program.piece_scan[i];
  }
  return out;
}

TEST(PieceScan, EachPieceIsFoundTheCheapestWayThatCanTell) {
  DiagnosticSink sink;
  const ParsedFiles files = load_sources({"t.rules"}, OneFile(kRules), sink);
  const Program program = compile_program(files, sink, /*lint=*/false);
  ASSERT_FALSE(sink.has_errors());
  ASSERT_EQ(program.piece_scan.size(), program.piece_regexes.size());
  const std::map<std::string, PieceScan> scans = scans_by_word(program);
  // Selective pieces of `match:` lines: every sentence.
  EXPECT_EQ(scans.at("expelled"), PieceScan::kEverySentence);
  EXPECT_EQ(scans.at("envoys"), PieceScan::kEverySentence);
  EXPECT_EQ(scans.at("embassy"), PieceScan::kEverySentence);
  // Selective `unless:` pieces: the on-demand set.
  EXPECT_EQ(scans.at("threatened"), PieceScan::kOnDemand);
  EXPECT_EQ(scans.at("school"), PieceScan::kOnDemand);
  // Common words of an `unless:` line with a selective piece, even one that
  // a `match:` line uses too: only searched for.
  EXPECT_EQ(scans.at("from"), PieceScan::kSearch);
  EXPECT_EQ(scans.at("not"), PieceScan::kSearch);
  // An `unless:` line of common words alone keeps them in the on-demand set.
  EXPECT_EQ(scans.at("if"), PieceScan::kOnDemand);
  EXPECT_EQ(scans.at("could"), PieceScan::kOnDemand);
  // A `match:` line of common words alone keeps them in the set, or nothing
  // would ever find it.
  EXPECT_EQ(scans.at("the"), PieceScan::kEverySentence);
  EXPECT_EQ(scans.at("said"), PieceScan::kEverySentence);
}

TEST(PieceScan, CommonWordsOfMatchLinesAreOnlySearchedFor) {
  DiagnosticSink sink;
  const ParsedFiles files = load_sources({"t.rules"}, OneFile(R"(event expulsion
  prior: 0.05
rule expulsion.test.to_leave
  type: expulsion
  weight: 0.9
  match: ordered ~4 to ~1 leave
)"),
                                         sink);
  const Program program = compile_program(files, sink, /*lint=*/false);
  ASSERT_FALSE(sink.has_errors());
  const std::map<std::string, PieceScan> scans = scans_by_word(program);
  EXPECT_EQ(scans.at("ordered"), PieceScan::kEverySentence);
  EXPECT_EQ(scans.at("to"), PieceScan::kSearch);
  EXPECT_EQ(scans.at("leave"), PieceScan::kEverySentence);
}

// A piece of thousands of names (a gazetteer class) slows every sentence's
// scan; the lighter piece of its sequence rules the sequence out, and the
// bulky one is then looked up, with the same result.
TEST(PieceScan, ABulkyPieceIsLookedUpWhereALighterOneCanTell) {
  auto names = [](const std::string& stem) {
    std::string out;
    for (int i = 0; i < 400; ++i) out += (i == 0 ? "" : "|") + stem + std::to_string(i);
    return out;
  };
  const std::string rules =
      "event expulsion\n  prior: 0.05\n"
      "define NAMES = " +
      names("Valdo") +
      "\n"
      "define OTHERS = " +
      names("Syldo") +
      "\n"
      "rule expulsion.test.named\n  type: expulsion\n  weight: 0.9\n"
      "  match: {NAMES} ~3 expelled\n"
      "rule expulsion.test.others\n  type: expulsion\n  weight: 0.8\n"
      "  match: {OTHERS} ~1 the\n";
  DiagnosticSink sink;
  const ParsedFiles files = load_sources({"t.rules"}, OneFile(rules), sink);
  const Program program = compile_program(files, sink, /*lint=*/false);
  ASSERT_FALSE(sink.has_errors());
  std::map<std::string, PieceScan> bulky;  // by the first name the piece holds
  for (std::size_t i = 0; i < program.piece_regexes.size(); ++i) {
    const std::string& re = program.piece_regexes[i];
    if (re.size() < 2000) continue;
    bulky[re.find("Valdo0") != std::string::npos ? "names" : "others"] = program.piece_scan[i];
  }
  ASSERT_EQ(bulky.size(), 2u);
  // "expelled" rules its sequence out: the names are looked up only then.
  EXPECT_EQ(bulky.at("names"), PieceScan::kSearch);
  // Next to a common word only, the bulky piece is what tells.
  EXPECT_EQ(bulky.at("others"), PieceScan::kEverySentence);
  const Loaded loaded = compile_rules({{"t.rules", rules}});
  ASSERT_TRUE(loaded.ok());
  const Engine& engine = *loaded.engine;
  EXPECT_FALSE(engine.classify_sentence("Valdo17 expelled two envoys.").events.empty());
  EXPECT_TRUE(engine.classify_sentence("Valdo17 welcomed two envoys.").events.empty());
  EXPECT_TRUE(engine.classify_sentence("Someone expelled two envoys.").events.empty());
  EXPECT_FALSE(engine.classify_sentence("Syldo3 the envoy.").events.empty());
}

// Every way a piece can be found, in sentences that fire, cancel or do
// neither: an `unless:` is caught whether its pieces sit in the on-demand
// set (threatened, school, and if and could, which have nothing else), are
// only searched for (not, from) or are shared with the rule's `match:`
// (envoys, expelled).
TEST(PieceScan, ClassificationDoesNotDependOnWhereAPieceIsFound) {
  const Loaded loaded = compile_rules({{"t.rules", kRules}});
  ASSERT_TRUE(loaded.ok());
  const Engine& engine = *loaded.engine;
  struct Case {
    const char* sentence;
    bool fires;
    bool cancelled;
  };
  const Case cases[] = {
      {"Ruritania expelled two envoys from the embassy.", true, false},
      {"Ruritania threatened and expelled two envoys from the embassy.", false, true},
      {"Ruritania has not expelled two envoys from its embassy.", false, true},
      {"Ruritania expelled two envoys from the school embassy.", false, true},
      {"Ruritania expelled two envoys working at the embassy.", false, false},
      {"If Ruritania could, it expelled two envoys from the embassy.", false, true},
  };
  for (const Case& c : cases) {
    const SentenceResult r = engine.classify_sentence(c.sentence);
    bool fires = false;
    for (const Event& e : r.events)
      for (const Evidence& ev : e.evidence) fires |= ev.rule_id == "expulsion.test.expel";
    bool cancelled = false;
    for (const Cancellation& x : r.cancelled) cancelled |= x.rule_id == "expulsion.test.expel";
    EXPECT_EQ(fires, c.fires) << c.sentence;
    EXPECT_EQ(cancelled, c.cancelled) << c.sentence;
  }
}

}  // namespace
}  // namespace demarche::rules
