// The shipped `actors` plugin (plugins/actors/): loaded as the binary loads
// it, with the shipped rules, so that each test reads like a sentence fed to
// `demarche classify`. The sentences are written for these tests.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "demarche/engine.hpp"
#include "demarche/plugins.hpp"

namespace demarche {
namespace {

const Engine& engine() {
  static const Engine with_actors = [] {
    const Loaded loaded = load_rules({std::string(DEMARCHE_SOURCE_DIR) + "/rules"});
    if (!loaded.ok()) throw std::runtime_error("the shipped rules do not load");
    const auto set = load_plugins({std::string(DEMARCHE_SHIPPED_PLUGINS) + "/actors.so"});
    if (set->plugins.size() != 1) {
      throw std::runtime_error("actors.so refused: " + set->reports.at(0).reason);
    }
    return loaded.engine->with_plugins(set);
  }();
  return with_actors;
}

// What the plugin said about the sentence's event of `type`: "SOURCE>TARGET"
// with "?" for a role it left out, or "no event" when the rules found none.
std::string roles(const std::string& sentence, const std::string& type) {
  const SentenceResult result = engine().classify_sentence(sentence);
  EXPECT_TRUE(result.plugin_faults.empty()) << result.plugin_faults.at(0).message;
  for (const Event& event : result.events) {
    if (event.type != type) continue;
    std::string source = "?";
    std::string target = "?";
    for (const Attribute& attribute : event.attributes) {
      EXPECT_EQ(attribute.plugin, "actors");
      if (attribute.key == "source") source = attribute.value;
      if (attribute.key == "target") target = attribute.value;
    }
    return source + ">" + target;
  }
  return "no event";
}

TEST(ActorsPlugin, LoadsFromTheShippedFolderWithItsDescriptor) {
  const auto set = load_plugins({std::string(DEMARCHE_SHIPPED_PLUGINS) + "/actors.so"});
  ASSERT_EQ(set->reports.size(), 1u);
  EXPECT_TRUE(set->reports[0].loaded) << set->reports[0].reason;
  EXPECT_EQ(set->reports[0].name, "actors");
}

// The gazetteer is compiled in: every state row of rules/actors.tsv (at least
// the 193 UN members) is recognised by its name, with its code.
TEST(ActorsPlugin, EveryStateOfTheGazetteerIsTaggedByItsName) {
  std::ifstream in(std::string(DEMARCHE_SOURCE_DIR) + "/rules/actors.tsv");
  ASSERT_TRUE(in) << "rules/actors.tsv not found";
  std::string line;
  std::getline(in, line);  // header
  int states = 0;
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string code, kind, name;
    std::getline(row, code, '\t');
    std::getline(row, kind, '\t');
    std::getline(row, name, '\t');
    if (kind != "state") continue;
    ++states;
    EXPECT_EQ(roles(name + " expelled two diplomats.", "expulsion"), code + ">?") << name;
  }
  EXPECT_GE(states, 193);
}

TEST(ActorsPlugin, TagsDemonymsCapitalsMetonymsAndAcronyms) {
  EXPECT_EQ(roles("The Russian foreign ministry condemned the strike.", "condemnation"), "RUS>?");
  EXPECT_EQ(roles("Moscow expelled two diplomats.", "expulsion"), "RUS>?");
  EXPECT_EQ(roles("The Kremlin condemned the strike.", "condemnation"), "RUS>?");
  EXPECT_EQ(roles("The White House condemned the strike.", "condemnation"), "USA>?");
  EXPECT_EQ(roles("The U.S. expelled two diplomats.", "expulsion"), "USA>?");
  EXPECT_EQ(roles("NATO condemned the strike.", "condemnation"), "NAT>?");
  EXPECT_EQ(roles("The UN Security Council condemned the strike.", "condemnation"), "UNS>?");
}

TEST(ActorsPlugin, TagsPossessivesAndPluralDemonyms) {
  EXPECT_EQ(roles("Oslo expelled Russia's ambassador.", "expulsion"), "NOR>RUS");
  // A curly apostrophe is a possessive too.
  EXPECT_EQ(roles("Oslo expelled Russia\u2019s ambassador.", "expulsion"), "NOR>RUS");
  EXPECT_EQ(roles("Oslo expelled the Philippines' ambassador.", "expulsion"), "NOR>PHL");
  EXPECT_EQ(roles("Norway expelled 15 Russian diplomats.", "expulsion"), "NOR>RUS");
}

TEST(ActorsPlugin, TheLongestNameWins) {
  EXPECT_EQ(roles("The Democratic Republic of the Congo expelled two diplomats.", "expulsion"),
            "COD>?");
  EXPECT_EQ(roles("The Republic of the Congo expelled two diplomats.", "expulsion"), "COG>?");
  EXPECT_EQ(roles("South Sudan expelled two diplomats.", "expulsion"), "SSD>?");
  EXPECT_EQ(roles("Papua New Guinea expelled two diplomats.", "expulsion"), "PNG>?");
  EXPECT_EQ(roles("The United States of America expelled two diplomats.", "expulsion"), "USA>?");
}

TEST(ActorsPlugin, AmbiguousWordsNeedTheirCapitalAndTheirContext) {
  // "us" is not the US, "china" is not China.
  EXPECT_EQ(roles("Let us condemn the strike, the ministers said.", "condemnation"), "?>?");
  // Names of people and things that contain a country's name.
  EXPECT_EQ(roles("Michael Jordan condemned the decision.", "condemnation"), "?>?");
  EXPECT_EQ(roles("Prime Minister Georgia Ferris condemned the strike.", "condemnation"), "?>?");
  EXPECT_EQ(roles("Paris Hilton condemned the decision.", "condemnation"), "?>?");
  EXPECT_EQ(roles("Ukraine condemned the breach of the Vienna Convention.", "condemnation"),
            "UKR>?");
  // Not the state: a region, an attitude, a treaty.
  EXPECT_EQ(roles("Latin American leaders condemned the strike.", "condemnation"), "?>?");
  EXPECT_EQ(roles("Pro-Russian officials condemned the decision.", "condemnation"), "?>?");
  EXPECT_EQ(roles("Jordan condemned the decision.", "condemnation"), "JOR>?");
  EXPECT_EQ(roles("In Chad, officials condemned the decision.", "condemnation"), "?>?");
}

TEST(ActorsPlugin, ActiveVoice) {
  EXPECT_EQ(roles("Ecuador expelled Peru's ambassador on Monday.", "expulsion"), "ECU>PER");
  EXPECT_EQ(roles("Kenya expelled the Somali ambassador.", "expulsion"), "KEN>SOM");
  EXPECT_EQ(roles("Sweden expelled three diplomats of Iran.", "expulsion"), "SWE>IRN");
  EXPECT_EQ(roles("Germany condemned Russia's annexation of the peninsula.", "condemnation"),
            "DEU>RUS");
  EXPECT_EQ(roles("Japan accused China of violating its airspace.", "condemnation"), "JPN>CHN");
}

TEST(ActorsPlugin, PassiveVoice) {
  EXPECT_EQ(roles("Peru's diplomats were expelled by Ecuador after a dispute.", "expulsion"),
            "ECU>PER");
  EXPECT_EQ(roles("Two Iranian diplomats were expelled from Sweden on Tuesday.", "expulsion"),
            "SWE>IRN");
  EXPECT_EQ(roles("Belarus was sanctioned by the European Union over the crackdown.", "sanction"),
            "EEC>BLR");
}

TEST(ActorsPlugin, OrderedToLeave) {
  EXPECT_EQ(roles("Niger ordered France's troops to leave the country.", "expulsion"), "NER>FRA");
  EXPECT_EQ(roles("Bamako gave the French ambassador 72 hours to leave.", "expulsion"), "MLI>FRA");
}

TEST(ActorsPlugin, WithdrewItsTroopsFrom) {
  EXPECT_EQ(roles("France withdrew its troops from Mali last year.", "withdrawal"), "FRA>MLI");
  EXPECT_EQ(roles("The U.S. recalled its ambassador to Niger for consultations.", "withdrawal"),
            "USA>NER");
  EXPECT_EQ(roles("The withdrawal of French troops from Niger ended in December.", "withdrawal"),
            "FRA>NER");
  EXPECT_EQ(roles("Burkina Faso quit ECOWAS in January.", "withdrawal"), "BFA>WAS");
  // A treaty named after a place is not a target.
  EXPECT_EQ(roles("The United States withdrew from the Paris climate agreement.", "withdrawal"),
            "USA>?");
}

TEST(ActorsPlugin, SanctionsOnAndAgainst) {
  EXPECT_EQ(roles("Canada imposed sanctions on Venezuela's vice president.", "sanction"),
            "CAN>VEN");
  EXPECT_EQ(roles("The EU slapped new sanctions against Belarus.", "sanction"), "EEC>BLR");
  EXPECT_EQ(roles("US sanctions on Cuba remain in place.", "sanction"), "USA>CUB");
  EXPECT_EQ(roles("Britain sanctions five Russian oligarchs.", "sanction"), "GBR>RUS");
}

TEST(ActorsPlugin, ListsOfActorsAreJoinedWithPlus) {
  EXPECT_EQ(roles("Estonia, Latvia and Lithuania expelled Russian diplomats.", "expulsion"),
            "EST+LVA+LTU>RUS");
  EXPECT_EQ(roles("Washington imposed sanctions on Moscow and Minsk.", "sanction"), "USA>RUS+BLR");
}

TEST(ActorsPlugin, TwoEventsInOneSentenceGetTheirOwnRoles) {
  const std::string sentence =
      "Slovakia expelled two Russian diplomats after Canada imposed sanctions on Iran.";
  EXPECT_EQ(roles(sentence, "expulsion"), "SVK>RUS");
  EXPECT_EQ(roles(sentence, "sanction"), "CAN>IRN");
}

TEST(ActorsPlugin, SubjectsAcrossAppositionsAndCoordination) {
  EXPECT_EQ(roles("Estonia, a NATO member, expelled a Russian diplomat.", "expulsion"), "EST>RUS");
  EXPECT_EQ(
      roles("The Kremlin condemned the move and expelled two Latvian diplomats.", "expulsion"),
      "RUS>LVA");
  EXPECT_EQ(roles("Chad said on Friday that it would expel the German ambassador.", "expulsion"),
            "TCD>DEU");
}

TEST(ActorsPlugin, SpeakersDecisionsAndOwners) {
  // A speaker is the source of a passive it reports, not the subject of
  // an active one.
  EXPECT_EQ(roles("Britain said two Russian diplomats were expelled.", "expulsion"), "GBR>RUS");
  EXPECT_EQ(
      roles("Two Czech officials said that the envoy had criticised the ruling.", "condemnation"),
      "?>?");
  // Who welcomed or regretted a decision did not take it.
  EXPECT_EQ(roles("Norway welcomed the decision to expel the Syrian envoy.", "expulsion"), "?>SYR");
  EXPECT_EQ(roles("Poland regrets the decision of Belarus to expel Poland's consul.", "expulsion"),
            "BLR>POL");
  // "Kenya's UN ambassador" speaks for Kenya.
  EXPECT_EQ(roles("Kenya's UN ambassador condemned the strike.", "condemnation"), "KEN>?");
  // One actor named on both sides: the nearer reading wins.
  EXPECT_EQ(roles("The Indian ministry denounced the step as an attack on India's interests.",
                  "condemnation"),
            "IND>?");
  // The second of a row of verbs shares the first one's subject.
  EXPECT_EQ(roles("Estonia expelled the Russian ambassador, withdrew its own envoy from Moscow "
                  "and closed its embassy.",
                  "withdrawal"),
            "EST>RUS");
}

TEST(ActorsPlugin, UnknownOrUnclearActorsGetNoAnnotation) {
  // The rules find the events; nobody named is in the gazetteer.
  EXPECT_EQ(roles("Borduria expelled the Syldavian ambassador.", "expulsion"), "?>?");
  EXPECT_EQ(roles("The government condemned the attack.", "condemnation"), "?>?");
  // The victims of what is condemned are not its target.
  EXPECT_EQ(roles("Argentina condemned the attack on the Israeli embassy.", "condemnation"),
            "ARG>?");
  // No event, no annotation (and no fault).
  EXPECT_EQ(roles("France and Mali signed a trade deal.", "expulsion"), "no event");
}

TEST(ActorsPlugin, GivesNoEvidenceSoConfidencesAreTheRulesAlone) {
  const std::string sentence = "Ecuador expelled Peru's ambassador on Monday.";
  const Loaded rules_only = load_rules({std::string(DEMARCHE_SOURCE_DIR) + "/rules"});
  ASSERT_TRUE(rules_only.ok());
  const SentenceResult alone = rules_only.engine->classify_sentence(sentence);
  const SentenceResult with = engine().classify_sentence(sentence);
  ASSERT_EQ(alone.events.size(), with.events.size());
  for (std::size_t i = 0; i < with.events.size(); ++i) {
    EXPECT_EQ(alone.events[i].confidence, with.events[i].confidence);
    for (const Evidence& e : with.events[i].evidence) EXPECT_NE(e.rule_id, "plugin:actors");
  }
}

// process() keeps no state: sentences classified from several threads at
// once read exactly as they do one at a time.
TEST(ActorsPlugin, ConcurrentSentencesReadTheSameAsSerialOnes) {
  const std::vector<std::string> sentences = {
      "Ecuador expelled Peru's ambassador on Monday.",
      "France withdrew its troops from Mali last year.",
      "The EU slapped new sanctions against Belarus.",
      "Japan accused China of violating its airspace.",
  };
  std::vector<std::string> serial;
  for (const std::string& s : sentences) {
    const SentenceResult r = engine().classify_sentence(s);
    std::string all;
    for (const Event& e : r.events) {
      for (const Attribute& a : e.attributes) all += e.type + ":" + a.key + "=" + a.value + ";";
    }
    serial.push_back(all);
  }
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const Engine own = engine().with_own_matcher_state();
      for (int round = 0; round < 50; ++round) {
        for (std::size_t i = 0; i < sentences.size(); ++i) {
          const SentenceResult r = own.classify_sentence(sentences[i]);
          std::string all;
          for (const Event& e : r.events) {
            for (const Attribute& a : e.attributes) {
              all += e.type + ":" + a.key + "=" + a.value + ";";
            }
          }
          if (all != serial[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace demarche
