// `source:` and `target:`: a rule fires only where an actor of its classes
// stands where the one who acts (or is acted on) stands (match/roles.hpp,
// docs/rule-language.md "Actors").
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <fstream>
#include <iterator>
#include <map>
#include <random>

#include "demarche/engine.hpp"
#include "match/literal_piece.hpp"
#include "match/roles.hpp"
#include "rules/gazetteer.hpp"

namespace demarche {
namespace {

const char* const kGazetteer =
    "code\tkind\tname\taliases\n"
    "VAL\tstate\tValdoria\tValdorian|Valdorians|Ostburg\n"
    "SYL\tstate\tSyldavia\tSyldavian|US\n"
    "UNO\tigo\tUnited Nations\tUN\n"
    "-\tofficial\tministry\tforeign ministry|spokesman|officials\n";

Loaded load(const std::string& rule_keys, const std::string& gazetteer = kGazetteer) {
  const std::string rules =
      "gazetteer \"actors.tsv\"\n"
      "event condemnation\n"
      "  prior: 0.05\n"
      "rule condemnation.verb.condemn\n"
      "  type: condemnation\n"
      "  weight: 0.9\n"
      "  match: condemn(?:s|ed|ing|ation)?\n" +
      rule_keys;
  return compile_rules({{"test.rules", rules}, {"actors.tsv", gazetteer}});
}

std::string report_of(const Loaded& loaded) {
  std::string report;
  for (const Diagnostic& d : loaded.diagnostics) report += d.to_string() + "\n";
  return report;
}

bool fires(const Engine& engine, const std::string& sentence) {
  const SentenceResult r = engine.classify_sentence(sentence);
  return !r.events.empty();
}

TEST(ActorRoles, SourceNeedsAnActorBeforeTheVerbOrAsAgentOrSpeaker) {
  const Loaded loaded = load("  source: state igo official\n");
  ASSERT_TRUE(loaded.ok()) << report_of(loaded);
  const Engine& e = *loaded.engine;
  EXPECT_TRUE(fires(e, "Valdoria condemned the raid."));
  EXPECT_TRUE(fires(e, "The foreign ministry in Ostburg on Monday condemned the raid."));
  EXPECT_TRUE(fires(e, "The raid was condemned by the UN."));
  EXPECT_TRUE(fires(e, "The raid drew condemnation from Syldavian officials."));
  EXPECT_TRUE(fires(e, "\"We condemn this raid,\" the spokesman said."));
  EXPECT_TRUE(fires(e, "According to Valdoria, the neighbours condemned the raid."));
  EXPECT_FALSE(fires(e, "The critic condemned the novel."));
  EXPECT_FALSE(fires(e, "The barn was condemned last winter."));
  // A speaker is next to the word of saying, not across a comma from it.
  EXPECT_FALSE(fires(e, "The band condemned the hall near the ministry, he said."));
  // Too far before the verb, or behind a ';'.
  EXPECT_FALSE(fires(e, "Valdoria was quiet; the neighbours condemned the raid."));
  EXPECT_FALSE(fires(e,
                     "Valdoria hosted a long and very tiring meeting about roads, rivers, "
                     "bridges, farms and schools, and the mayor condemned the plan."));
  // After the verb without "by" or "from": the one condemned, not the one who condemns.
  EXPECT_FALSE(fires(e, "The villagers condemned Valdoria."));
}

TEST(ActorRoles, TheSubjectOfAPassiveIsNoSource) {
  const Loaded loaded = load("  source: state igo official\n");
  ASSERT_TRUE(loaded.ok()) << report_of(loaded);
  const Engine& e = *loaded.engine;
  // "Valdoria ... was condemned": Valdoria is the one condemned.
  EXPECT_FALSE(fires(e, "Valdoria was condemned for the raid."));
  EXPECT_FALSE(fires(e, "The Syldavian envoy, who had been condemned twice, left."));
  // A progressive is no passive, and a passive keeps its agent and speaker.
  EXPECT_TRUE(fires(e, "Valdoria has been condemning the raid for weeks."));
  EXPECT_TRUE(fires(e, "The raid was condemned by Valdoria."));
  EXPECT_TRUE(fires(e, "The raid was condemned, the foreign ministry said."));
}

TEST(ActorRoles, ClaimingWantsItsSpeakerRightBeforeIt) {
  const Loaded loaded = load("  source: state igo official\n");
  ASSERT_TRUE(loaded.ok()) << report_of(loaded);
  const Engine& e = *loaded.engine;
  EXPECT_TRUE(fires(e, "The raid, Valdoria has alleged, drew condemnation everywhere."));
  EXPECT_FALSE(fires(e, "The critic condemned the plan and alleged that Valdoria lied."));
  EXPECT_FALSE(fires(e, "The critic condemned a ministry but still claimed the plan was fine."));
}

TEST(ActorRoles, SpeakerNeedsTheOneWhoSaysItNotTheOneWhoActs) {
  const Loaded loaded = load("  speaker: state igo official\n");
  ASSERT_TRUE(loaded.ok()) << report_of(loaded);
  const Engine& e = *loaded.engine;
  EXPECT_TRUE(fires(e, "The raid deserves condemnation, the foreign ministry said."));
  EXPECT_TRUE(fires(e, "Valdoria said the raid deserves condemnation."));
  EXPECT_TRUE(fires(e, "According to the UN, the raid deserves condemnation."));
  // The subject of a word of saying that introduces the match.
  EXPECT_TRUE(fires(
      e, "Valdoria summoned the envoy on Friday and told him the raid deserves condemnation."));
  // An actor in the match's own clause, with nobody saying it.
  EXPECT_FALSE(fires(e, "Valdoria deserves condemnation for the raid."));
  EXPECT_FALSE(fires(e, "The raid by Syldavia deserves condemnation, the critic wrote."));
}

TEST(ActorRoles, SpeakerIsReportedAsTheMissingRole) {
  const Loaded loaded = load("  speaker: state igo official\n");
  ASSERT_TRUE(loaded.ok()) << report_of(loaded);
  const SentenceResult r = loaded.engine->classify_sentence("Valdoria deserves condemnation.");
  EXPECT_TRUE(r.events.empty());
  ASSERT_EQ(r.cancelled.size(), 1u);
  EXPECT_EQ(r.cancelled[0].missing_role, "speaker");
}

TEST(ActorRoles, APassiveAgentInsideTheMatchIsTheSource) {
  const std::string rules =
      "gazetteer \"actors.tsv\"\n"
      "event expulsion\n"
      "  prior: 0.03\n"
      "rule expulsion.order.leave\n"
      "  type: expulsion\n"
      "  weight: 0.9\n"
      "  match: ordered ~6 to leave\n"
      "  source: state official\n";
  const Loaded loaded = compile_rules({{"test.rules", rules}, {"actors.tsv", kGazetteer}});
  ASSERT_TRUE(loaded.ok()) << report_of(loaded);
  const Engine& e = *loaded.engine;
  EXPECT_TRUE(fires(e, "Two reporters were ordered by the Valdorian officials to leave."));
  EXPECT_FALSE(
      fires(e, "Two reporters were ordered by their editors to leave the Valdorian town."));
}

TEST(ActorRoles, AMentionThatIsPartOfAnotherNameIsNoActor) {
  const Loaded loaded = load("  source: state\n");
  ASSERT_TRUE(loaded.ok());
  const Engine& e = *loaded.engine;
  EXPECT_FALSE(fires(e, "The paper opposed the Valdoria War and condemned the strike."));
  EXPECT_FALSE(fires(e, "The Ostburg Post condemned the strike."));
  EXPECT_FALSE(fires(e, "A pro-Valdoria blogger condemned the strike."));
  EXPECT_FALSE(fires(e, "The Valdoria-backed militia condemned the strike."));
  EXPECT_TRUE(fires(e, "The Valdoria-led coalition condemned the strike."));
  EXPECT_TRUE(fires(e, "Valdoria Tuesday condemned the strike."));
  // A head after up to two capitalised words, or before "of".
  EXPECT_FALSE(fires(e, "The Valdorian Communist Party condemned the strike."));
  EXPECT_FALSE(fires(e, "The Supreme Court of Valdoria condemned the strike."));
  EXPECT_FALSE(fires(e, "The people of Valdoria condemned the strike."));
  EXPECT_TRUE(fires(e, "The Government of Valdoria condemned the strike."));
  EXPECT_TRUE(fires(e, "The Valdorian Foreign Minister condemned the strike."));
}

TEST(ActorRoles, ARuleThatStartsWithItsActorNamesItsSubject) {
  const std::string rules =
      "gazetteer \"actors.tsv\"\n"
      "event condemnation\n"
      "  prior: 0.05\n"
      "rule condemnation.verb.condemn_subject\n"
      "  type: condemnation\n"
      "  weight: 0.9\n"
      "  source: state\n"
      "  match: {@state} ~5 condemned\n";
  const Loaded loaded = compile_rules({{"test.rules", rules}, {"actors.tsv", kGazetteer}});
  ASSERT_TRUE(loaded.ok()) << report_of(loaded);
  const Engine& e = *loaded.engine;
  EXPECT_TRUE(fires(e, "Valdoria on Monday condemned the strike."));
  // The subject the rule starts with is a court, so the state named
  // further left is not its source either.
  EXPECT_FALSE(
      fires(e, "Syldavian lawyers and the Supreme Court of Valdoria condemned the strike."));
  EXPECT_FALSE(fires(e, "The Valdoria War was condemned by historians."));
}

TEST(ActorRoles, KeysWithCapitalsMatchAsWrittenLowerCaseKeysInAnyCase) {
  const Loaded loaded = load("  source: state official\n");
  ASSERT_TRUE(loaded.ok());
  const Engine& e = *loaded.engine;
  EXPECT_FALSE(fires(e, "Let us condemn the noise."));  // "us" is not "US"
  EXPECT_TRUE(fires(e, "The US condemned the raid."));
  EXPECT_TRUE(fires(e, "The Foreign Ministry condemned the raid."));
}

TEST(ActorRoles, AKeyWhoseCapitalIsNotAsciiMatchesAsWrittenToo) {
  const std::string gazetteer = std::string(kGazetteer) + "TUR\tstate\tTurkey\tÇavuşoğlu|Élysée\n";
  const Loaded loaded = load("  source: state\n", gazetteer);
  ASSERT_TRUE(loaded.ok()) << report_of(loaded);
  const Engine& e = *loaded.engine;
  EXPECT_TRUE(fires(e, "Çavuşoğlu condemned the raid."));
  EXPECT_FALSE(fires(e, "çavuşoğlu condemned the raid."));
  EXPECT_TRUE(fires(e, "The Élysée condemned the raid."));
  EXPECT_FALSE(fires(e, "The élysée condemned the raid."));
}

TEST(ActorClasses, KeysOutsideLatin1AreLookedUpNotSearchedByRegex) {
  // Case-insensitive, "Çavuşoğlu" would be refused by the word lookup (which
  // folds case only within Latin-1), and the whole class with it.
  const std::string pattern =
      rules::actor_keys_pattern({"Çavuşoğlu", "Erdoğan", "foreign minister"});
  EXPECT_NE(pattern.find("(?-i:Çavuşoğlu)"), std::string::npos) << pattern;
  EXPECT_NE(match::LiteralPiece::build(pattern, false), nullptr) << pattern;
}

// Keys are quoted by hand, without a string each, exactly as
// RE2::QuoteMeta quotes them (the cache keys of the pieces depend on it):
// every byte value, at random places, in keys of capitals or not.
TEST(ActorClasses, KeysAreQuotedAsRe2QuotesThem) {
  std::mt19937 random(13);
  for (int round = 0; round < 300; ++round) {
    std::string key;
    const int length = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < length; ++i) key += static_cast<char>(random() % 256);
    if (round < 256) key += static_cast<char>(round);  // every byte at least once
    const std::string pattern = rules::actor_keys_pattern({key});
    const std::string quoted = RE2::QuoteMeta(key);
    EXPECT_TRUE(pattern == "(?i:" + quoted + ")" || pattern == "(?-i:" + quoted + ")")
        << "key of " << key.size() << " bytes: " << pattern;
  }
}

// Each class of the shipped gazetteer is one piece; one key the word lookup
// cannot take would leave the whole class to RE2 on every sentence, which
// once made the shipped rules twice as slow.
TEST(ActorClasses, EveryShippedClassIsLookedUp) {
  std::ifstream in(std::string(DEMARCHE_SOURCE_DIR) + "/rules/actors.tsv", std::ios::binary);
  ASSERT_TRUE(in) << "rules/actors.tsv";
  const rules::GazetteerText file{"actors.tsv", {std::istreambuf_iterator<char>(in), {}}, {}};
  rules::DiagnosticSink sink;
  const std::vector<rules::ActorKey> keys = rules::parse_gazetteer(file, sink);
  ASSERT_FALSE(sink.has_errors());
  std::map<std::string, std::vector<std::string>> by_kind;
  for (const rules::ActorKey& k : keys) by_kind[k.kind].push_back(k.key);
  ASSERT_EQ(by_kind.size(), 3u);
  for (auto& [kind, kind_keys] : by_kind) {
    EXPECT_NE(match::LiteralPiece::build(rules::actor_keys_pattern(kind_keys), false), nullptr)
        << kind << ": a key the lookup refuses (see literal_piece.hpp)";
  }
}

TEST(ActorRoles, TargetNeedsAnActorInOrAfterTheMatchOrJustBeforeIt) {
  const Loaded loaded = load("  target: state\n");
  ASSERT_TRUE(loaded.ok());
  const Engine& e = *loaded.engine;
  EXPECT_TRUE(fires(e, "The ministry condemned Valdoria's shelling of the port."));
  EXPECT_TRUE(fires(e, "Valdoria was condemned for the shelling."));
  EXPECT_FALSE(fires(e, "The ministry condemned the shelling of the port."));
}

TEST(ActorRoles, AMatchWithoutItsActorIsReportedWithTheMissingRole) {
  const Loaded loaded = load("  source: state\n");
  ASSERT_TRUE(loaded.ok());
  const SentenceResult r = loaded.engine->classify_sentence("The critic condemned the novel.");
  ASSERT_EQ(r.cancelled.size(), 1u);
  EXPECT_EQ(r.cancelled[0].rule_id, "condemnation.verb.condemn");
  EXPECT_EQ(r.cancelled[0].missing_role, "source");
  EXPECT_TRUE(r.cancelled[0].unless_spans.empty());
  ASSERT_EQ(r.cancelled[0].spans.size(), 1u);
  EXPECT_EQ(r.cancelled[0].spans[0], (Span{11, 20}));
}

TEST(ActorRoles, AnUnknownClassIsAnErrorThatListsTheKnownOnes) {
  const Loaded loaded = load("  source: state goverment\n");
  ASSERT_FALSE(loaded.ok());
  const std::string report = report_of(loaded);
  EXPECT_NE(report.find("test.rules:8:17: error[E012]"), std::string::npos) << report;
  EXPECT_NE(report.find("unknown actor class 'goverment'"), std::string::npos) << report;
  EXPECT_NE(report.find("igo, official, state"), std::string::npos) << report;
  const Loaded speaker = load("  speaker: igo goverment\n");
  ASSERT_FALSE(speaker.ok());
  EXPECT_NE(report_of(speaker).find("test.rules:8:16: error[E012]"), std::string::npos)
      << report_of(speaker);
}

TEST(ActorRoles, ARoleWithoutAVisibleGazetteerIsAnError) {
  const std::string rules =
      "event condemnation\n"
      "  prior: 0.05\n"
      "rule condemnation.verb.condemn\n"
      "  type: condemnation\n"
      "  weight: 0.9\n"
      "  match: condemned\n"
      "  source: state\n";
  const Loaded loaded = compile_rules({{"test.rules", rules}});
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(report_of(loaded).find("test.rules:7:11: error[E019]"), std::string::npos)
      << report_of(loaded);
}

TEST(ActorRoles, AMalformedGazetteerRowIsLocated) {
  const Loaded loaded = load("  source: state\n",
                             "code\tkind\tname\taliases\nVAL\tstate\tValdoria\n"
                             "SYL\tState\tSyldavia\t\nUNO\tigo\tUnited Nations\tUN||U.N.\n");
  ASSERT_FALSE(loaded.ok());
  const std::string report = report_of(loaded);
  EXPECT_NE(report.find("actors.tsv:2:1: error[E018]: gazetteer: 3 tab-separated columns"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("actors.tsv:3:5: error[E018]: gazetteer: kind must be"), std::string::npos)
      << report;
  EXPECT_NE(report.find("actors.tsv:4:27: error[E018]: gazetteer: an empty alias"),
            std::string::npos)
      << report;
}

TEST(ActorRoles, AMissingGazetteerIsAnImportError) {
  const std::string rules =
      "gazetteer \"nowhere.tsv\"\n"
      "event condemnation\n"
      "  prior: 0.05\n";
  const Loaded loaded = compile_rules({{"test.rules", rules}});
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(report_of(loaded).find("error[E013]: cannot read gazetteer"), std::string::npos);
}

// role_filled on its own, with the reaches at their edges.
bool source_at(const std::string& text, Span mention, Span match) {
  match::SpanList mentions({mention});
  const text::WordIndex words(text);
  return match::role_filled(match::Role::kSource, text, words, {match}, mentions);
}

TEST(ActorRoles, SubjectReachIsTwelveWords) {
  // "X w1 ... wN condemned": N words between the mention and the verb.
  auto sentence = [](int n) {
    std::string s = "X";
    for (int i = 0; i < n; ++i) s += " w";
    return s + " condemned";
  };
  for (int n : {0, 12, 13}) {
    const std::string s = sentence(n);
    const std::size_t verb = s.find("condemned");
    EXPECT_EQ(source_at(s, {0, 1}, {verb, verb + 9}), n <= 12) << n;
  }
}

TEST(ActorRoles, AgentAfterNeedsByOrFromWithinSixWords) {
  const std::string s = "It was condemned on Monday by X.";
  EXPECT_TRUE(source_at(s, {30, 31}, {7, 16}));
  const std::string far = "It was condemned on a very long and dull Monday by X.";
  EXPECT_FALSE(source_at(far, {51, 52}, {7, 16}));
  const std::string object = "It condemned the town of X.";
  EXPECT_FALSE(source_at(object, {25, 26}, {3, 12}));
}

}  // namespace
}  // namespace demarche

namespace demarche {
namespace {

Loaded load_match(const std::string& match_line) {
  const std::string rules =
      "gazetteer \"actors.tsv\"\n"
      "event condemnation\n"
      "  prior: 0.05\n"
      "rule condemnation.verb.condemn\n"
      "  type: condemnation\n"
      "  weight: 0.9\n"
      "  match: " +
      match_line + "\n";
  return compile_rules({{"test.rules", rules}, {"actors.tsv", kGazetteer}});
}

TEST(ActorClasses, AKindIsADefinitionInPatterns) {
  const Loaded loaded = load_match("(?:{@state}|{@official}) ~2 condemned");
  ASSERT_TRUE(loaded.ok()) << report_of(loaded);
  const Engine& e = *loaded.engine;
  EXPECT_TRUE(fires(e, "Valdoria condemned the raid."));
  EXPECT_TRUE(fires(e, "The Valdorian foreign ministry condemned the raid."));
  EXPECT_FALSE(fires(e, "The critic condemned the novel."));
  // Keys keep their case whatever the rule's: "US" is not "us".
  EXPECT_TRUE(fires(e, "The US condemned the raid."));
  EXPECT_FALSE(fires(e, "All of us condemned the noise."));
  const SentenceResult r = e.classify_sentence("Ostburg condemned the raid.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].evidence[0].spans, (std::vector<Span>{{0, 7}, {8, 17}}));
}

TEST(ActorClasses, AnUnknownKindIsAnUndefinedReference) {
  const Loaded loaded = load_match("{@person} ~2 condemned");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(report_of(loaded).find("error[E004]: unknown actor class {@person}"), std::string::npos)
      << report_of(loaded);
}

}  // namespace
}  // namespace demarche

#include "match/titled_names.hpp"

namespace demarche {
namespace {

TEST(TitledNames, ANameAfterATitleIsHarvestedWholeAndBySurname) {
  const match::TitledNames names("(?i:foreign minister)|(?i:spokesman)");
  std::vector<std::string> found;
  names.harvest("Foreign Minister Jean-Paul Le Brun spoke on Monday.", &found);
  names.harvest("The spokesman, Ali Traore, said nothing.", &found);
  names.harvest("The spokesman Tuesday declined to comment.", &found);
  names.harvest("Foreign Minister Jean-Paul Le Brun spoke again.", &found);
  EXPECT_EQ(found, (std::vector<std::string>{"Jean-Paul Le Brun", "Brun", "Ali Traore", "Traore"}));
}

TEST(TitledNames, NamesAreFoundAsWholeWordsLongestFirst) {
  const std::string text = "Moret and Le Moret, but not Morets.";
  EXPECT_EQ(match::find_names(text, {"Moret", "Le Moret"}), (std::vector<Span>{{0, 5}, {10, 18}}));
}

TEST(TitledNames, InADocumentANameIntroducedByATitleIsAnOfficialLater) {
  const Loaded loaded = load("  source: state official\n");
  ASSERT_TRUE(loaded.ok()) << report_of(loaded);
  const Engine& e = *loaded.engine;
  const std::string document =
      "The spokesman Ali Traore arrived late. \"We condemn the raid,\" Traore said.";
  const std::vector<SentenceResult> with_title = e.classify_document(document);
  ASSERT_EQ(with_title.size(), 2u);
  EXPECT_EQ(with_title[1].events.size(), 1u);
  // Without the sentence that gave the title, the name is nobody.
  EXPECT_TRUE(e.classify_sentence("\"We condemn the raid,\" Traore said.").events.empty());
  // A name that follows no title stays nobody in a document too.
  const std::vector<SentenceResult> without =
      e.classify_document("Ali Traore arrived late. \"We condemn the raid,\" Traore said.");
  ASSERT_EQ(without.size(), 2u);
  EXPECT_TRUE(without[1].events.empty());
}

TEST(TitledNames, TheDocumentCallbackCarriesThemToo) {
  const Loaded loaded = load("  source: state official\n");
  ASSERT_TRUE(loaded.ok()) << report_of(loaded);
  const std::string document =
      "The spokesman Ali Traore arrived late. \"We condemn the raid,\" Traore said.\n"
      "Nobody else spoke. Traore condemned it again.";
  std::vector<std::size_t> events;
  loaded.engine->classify_document(document,
                                   [&](SentenceResult&& r) { events.push_back(r.events.size()); });
  EXPECT_EQ(events, (std::vector<std::size_t>{0, 1, 0, 1}));
}

}  // namespace
}  // namespace demarche
