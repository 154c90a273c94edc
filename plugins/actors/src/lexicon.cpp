// The word lists of lexicon.hpp. They were written for English news prose;
// each says in lexicon.hpp what it is for.
#include "lexicon.hpp"

#include <array>
#include <unordered_set>
#include <vector>

namespace demarche_actors {

namespace {

// What an entry of a list is: "word*" a prefix, "*word" a suffix, else a
// word (in that order of precedence: "*" alone is the empty prefix).
enum class EntryKind { kWord, kPrefix, kSuffix };

EntryKind kind_of(std::string_view entry) {
  if (!entry.empty() && entry.back() == '*') return EntryKind::kPrefix;
  if (!entry.empty() && entry.front() == '*') return EntryKind::kSuffix;
  return EntryKind::kWord;
}

bool in_list_linear(std::string_view word, WordList list) {
  for (std::string_view entry : list) {
    switch (kind_of(entry)) {
      case EntryKind::kPrefix:
        if (word.starts_with(entry.substr(0, entry.size() - 1))) return true;
        break;
      case EntryKind::kSuffix:
        if (word.ends_with(entry.substr(1))) return true;
        break;
      case EntryKind::kWord:
        if (word == entry) return true;
        break;
    }
  }
  return false;
}

// One of the named lists below, its words hashed and its '*' entries
// apart: reading a list entry by entry was a tenth of the plugin's and the
// engine's instructions on news sentences (callgrind), since every word
// around a mention is looked up in several lists of 20 to 60 words.
class ListIndex {
 public:
  explicit ListIndex(WordList list) : list_(list) {
    for (const std::string_view entry : list) {
      switch (kind_of(entry)) {
        case EntryKind::kPrefix:
          prefixes_.push_back(entry.substr(0, entry.size() - 1));
          break;
        case EntryKind::kSuffix:
          suffixes_.push_back(entry.substr(1));
          break;
        case EntryKind::kWord:
          words_.insert(entry);
          break;
      }
    }
  }

  bool indexes(WordList list) const {
    return list.data() == list_.data() && list.size() == list_.size();
  }

  bool contains(std::string_view word) const {
    if (words_.contains(word)) return true;
    for (const std::string_view prefix : prefixes_) {
      if (word.starts_with(prefix)) return true;
    }
    for (const std::string_view suffix : suffixes_) {
      if (word.ends_with(suffix)) return true;
    }
    return false;
  }

 private:
  WordList list_;
  std::unordered_set<std::string_view> words_;
  std::vector<std::string_view> prefixes_;
  std::vector<std::string_view> suffixes_;
};

const ListIndex* index_of(WordList list);

}  // namespace

bool in_list(std::string_view word, WordList list) {
  if (const ListIndex* index = index_of(list)) return index->contains(word);
  return in_list_linear(word, list);
}

namespace words {
namespace {

using namespace std::string_view_literals;

constexpr std::array kDeterminerList = {
    "the"sv,       "a"sv,       "an"sv,    "its"sv,     "their"sv, "his"sv,    "her"sv,
    "our"sv,       "this"sv,    "that"sv,  "these"sv,   "those"sv, "some"sv,   "all"sv,
    "both"sv,      "several"sv, "many"sv,  "two"sv,     "three"sv, "four"sv,   "five"sv,
    "six"sv,       "seven"sv,   "eight"sv, "nine"sv,    "ten"sv,   "dozen"sv,  "dozens"sv,
    "one"sv,       "more"sv,    "other"sv, "another"sv, "each"sv,  "every"sv,  "any"sv,
    "further"sv,   "fresh"sv,   "new"sv,   "senior"sv,  "top"sv,   "former"sv, "remaining"sv,
    "additional"sv};

constexpr std::array kNonSubjectPrepositionList = {
    "in"sv,         "to"sv,        "with"sv,  "against"sv, "on"sv,      "from"sv,
    "at"sv,         "for"sv,       "by"sv,    "into"sv,    "over"sv,    "towards"sv,
    "toward"sv,     "about"sv,     "than"sv,  "like"sv,    "between"sv, "among"sv,
    "including"sv,  "involving"sv, "near"sv,  "across"sv,  "through"sv, "within"sv,
    "without"sv,    "under"sv,     "after"sv, "before"sv,  "via"sv,     "regarding"sv,
    "concerning"sv, "visiting"sv,  "visit"sv, "inside"sv,  "outside"sv, "around"sv,
    "throughout"sv, "upon"sv};

constexpr std::array kSubordinatorList = {
    "after"sv,  "before"sv, "because"sv,  "since"sv, "while"sv,       "whereas"sv,  "although"sv,
    "though"sv, "when"sv,   "whenever"sv, "if"sv,    "unless"sv,      "until"sv,    "following"sv,
    "amid"sv,   "amidst"sv, "despite"sv,  "but"sv,   "retaliation"sv, "response"sv, "reaction"sv};

constexpr std::array kParentheticalStartList = {
    "a"sv,      "an"sv,      "the"sv,       "which"sv,  "who"sv,     "whose"sv,     "whom"sv,
    "where"sv,  "in"sv,      "on"sv,        "at"sv,     "after"sv,   "following"sv, "despite"sv,
    "amid"sv,   "itself"sv,  "once"sv,      "long"sv,   "already"sv, "also"sv,      "like"sv,
    "unlike"sv, "along"sv,   "together"sv,  "home"sv,   "then"sv,    "now"sv,       "for"sv,
    "with"sv,   "as"sv,      "according"sv, "citing"sv, "it"sv,      "he"sv,        "she"sv,
    "they"sv,   "however"sv, "meanwhile"sv};

constexpr std::array kObjectStopList = {
    "after"sv,  "because"sv, "since"sv,       "while"sv,    "whereas"sv,  "although"sv,
    "though"sv, "when"sv,    "if"sv,          "unless"sv,   "until"sv,    "following"sv,
    "amid"sv,   "despite"sv, "but"sv,         "which"sv,    "who"sv,      "whom"sv,
    "whose"sv,  "where"sv,   "saying"sv,      "citing"sv,   "accusing"sv, "claiming"sv,
    "adding"sv, "calling"sv, "retaliation"sv, "response"sv, "reaction"sv, "over"sv,
    "said"sv,   "says"sv,    "according"sv,   "told"sv,     "would"sv,    "will"sv,
    "could"sv,  "should"sv,  "might"sv,       "must"sv,
};

constexpr std::array kPassiveAuxiliaryList = {"was"sv,  "were"sv,  "is"sv,     "are"sv,
                                              "been"sv, "being"sv, "be"sv,     "get"sv,
                                              "gets"sv, "got"sv,   "gotten"sv, "getting"sv};

constexpr std::array kPassiveAdverbList = {
    "also"sv,      "not"sv,          "then"sv,       "all"sv,      "already"sv,    "now"sv,
    "later"sv,     "subsequently"sv, "reportedly"sv, "formally"sv, "officially"sv, "previously"sv,
    "summarily"sv, "ever"sv,         "never"sv,      "just"sv,     "both"sv,       "recently"sv,
    "being"sv,     "effectively"sv,  "allegedly"sv,  "*ly"sv};

constexpr std::array kPatientNounList = {
    "diplomat*"sv,       "ambassador*"sv, "envoy*"sv,         "consul*"sv,   "attache*"sv,
    "attaché*"sv,        "staff*"sv,      "personnel"sv,      "official"sv,  "officials"sv,
    "employees"sv,       "workers"sv,     "troops"sv,         "soldiers"sv,  "forces"sv,
    "peacekeepers"sv,    "journalist*"sv, "correspondent*"sv, "reporter*"sv, "nationals"sv,
    "citizens"sv,        "spies"sv,       "agents"sv,         "officers"sv,  "members"sv,
    "representative*"sv, "delegation*"sv, "mission*"sv,       "embass*"sv,   "consulate*"sv,
    "bank*"sv,           "compan*"sv,     "firm*"sv,          "entit*"sv,    "individuals"sv,
    "oligarch*"sv,       "asset*"sv,      "goods"sv,          "imports"sv,   "exports"sv,
    "airline*"sv,        "vessels"sv,     "ships"sv,          "leaders"sv,   "minister*"sv,
    "military"sv,        "charge"sv,      "chargé"sv};

constexpr std::array kSpeechVerbList = {"said"sv,      "says"sv,     "say"sv,       "told"sv,
                                        "stated"sv,    "added"sv,    "declared"sv,  "announced"sv,
                                        "insisted"sv,  "argued"sv,   "noted"sv,     "confirmed"sv,
                                        "according"sv, "believes"sv, "considers"sv, "considered"sv,
                                        "warned"sv,    "tweeted"sv,  "wrote"sv,     "stressed"sv};

constexpr std::array kReactionVerbList = {
    "condemn*"sv,  "protest*"sv, "denounc*"sv,  "critici*"sv, "deplor*"sv, "regret*"sv, "reject*"sv,
    "slam*"sv,     "respond*"sv, "retaliat*"sv, "react*"sv,   "demand*"sv, "call"sv,    "calls"sv,
    "called"sv,    "calling"sv,  "urg*"sv,      "request*"sv, "insist*"sv, "ask*"sv,    "want*"sv,
    "seek*"sv,     "sought"sv,   "press*"sv,    "decr*"sv,    "lament*"sv, "welcom*"sv, "oppos*"sv,
    "challeng*"sv, "appeal*"sv,  "dismiss*"sv,  "den*"sv,     "avoid*"sv,  "evad*"sv,   "escap*"sv,
    "face*"sv,     "facing"sv,   "fear*"sv,     "threat*"sv,  "warn*"sv};

constexpr std::array kReceivingVerbList = {
    "drew"sv,     "draw"sv,     "draws"sv,     "drawing"sv,   "drawn"sv,    "sparked"sv,
    "sparks"sv,   "prompted"sv, "prompts"sv,   "triggered"sv, "triggers"sv, "provoked"sv,
    "provokes"sv, "faced"sv,    "faces"sv,     "facing"sv,    "received"sv, "receives"sv,
    "earned"sv,   "earns"sv,    "attracted"sv, "attracts"sv,  "met"sv,      "meets"sv,
    "incurred"sv, "invited"sv};

constexpr std::array kNameFollowerList = {
    "convention"sv,    "conventions"sv, "agreement"sv,   "agreements"sv, "accord"sv,
    "accords"sv,       "statute"sv,     "club"sv,        "post"sv,       "times"sv,
    "protocol"sv,      "protocols"sv,   "declaration"sv, "treaty"sv,     "charter"sv,
    "principles"sv,    "consensus"sv,   "format"sv,      "process"sv,    "talks"sv,
    "summit"sv,        "conference"sv,  "deal"sv,        "pact"sv,       "climate"sv,
    "airport"sv,       "university"sv,  "ocean"sv,       "sea"sv,        "stock"sv,
    "exchange"sv,      "marathon"sv,    "olympics"sv,    "games"sv,      "memorandum"sv,
    "communique"sv,    "communiqué"sv,  "framework"sv,   "group"sv,      "initiative"sv,
    "correspondent"sv, "bureau"sv};

constexpr std::array kAgreementAdjectiveList = {
    "nuclear"sv, "peace"sv,     "trade"sv,   "arms"sv,    "grain"sv,    "security"sv,
    "gas"sv,     "ceasefire"sv, "climate"sv, "missile"sv, "migration"sv};

constexpr std::array kAgreementNounList = {"deal"sv,      "agreement"sv, "accord"sv,   "accords"sv,
                                           "treaty"sv,    "pact"sv,      "talks"sv,    "process"sv,
                                           "programme"sv, "program"sv,   "framework"sv};

constexpr std::array kPersonLikeKeyList = {
    "chad"sv,  "jordan"sv, "georgia"sv, "israel"sv,     "paris"sv,    "washington"sv,
    "lima"sv,  "sucre"sv,  "nassau"sv,  "wellington"sv, "santiago"sv, "america"sv,
    "india"sv, "kenya"sv,  "sofia"sv,   "victoria"sv,   "tripoli"sv,  "antigua"sv,
    "niger"sv, "turkey"sv, "china"sv,   "cuba"sv,       "peru"sv,     "mali"sv,
    "oman"sv,  "guinea"sv, "panama"sv,  "france"sv,     "russia"sv};

constexpr std::array kOfficialWordList = {
    "foreign"sv,        "ministry"sv,      "minister"sv,  "government"sv,  "president"sv,
    "prime"sv,          "defence"sv,       "defense"sv,   "armed"sv,       "army"sv,
    "navy"sv,           "air"sv,           "embassy"sv,   "ambassador"sv,  "interior"sv,
    "secretary"sv,      "parliament"sv,    "senate"sv,    "congress"sv,    "military"sv,
    "forces"sv,         "cabinet"sv,       "central"sv,   "state"sv,       "national"sv,
    "security"sv,       "council"sv,       "mission"sv,   "consulate"sv,   "envoy"sv,
    "premier"sv,        "king"sv,          "crown"sv,     "royal"sv,       "federal"sv,
    "supreme"sv,        "police"sv,        "border"sv,    "coast"sv,       "deputy"sv,
    "vice"sv,           "special"sv,       "chief"sv,     "foreign"sv,     "office"sv,
    "department"sv,     "treasury"sv,      "trade"sv,     "finance"sv,     "economy"sv,
    "intelligence"sv,   "revolutionary"sv, "junta"sv,     "authorities"sv, "permanent"sv,
    "representative"sv, "delegation"sv,    "monday"sv,    "tuesday"sv,     "wednesday"sv,
    "thursday"sv,       "friday"sv,        "saturday"sv,  "sunday"sv,      "january"sv,
    "february"sv,       "march"sv,         "april"sv,     "may"sv,         "june"sv,
    "july"sv,           "august"sv,        "september"sv, "october"sv,     "november"sv,
    "december"sv};

constexpr std::array kAmericaRegionList = {"latin"sv,   "south"sv,   "north"sv,   "central"sv,
                                           "native"sv,  "african"sv, "asian"sv,   "hispanic"sv,
                                           "mexican"sv, "irish"sv,   "italian"sv, "pan"sv};

constexpr std::array kAttitudePrefixList = {"pro"sv,  "anti"sv, "non"sv, "ex"sv,
                                            "post"sv, "pre"sv,  "neo"sv};

constexpr std::array kAgentNounList = {
    "government"sv, "governments"sv, "leader"sv,   "leaders"sv,  "leadership"sv, "president"sv,
    "regime"sv,     "authorities"sv, "ministry"sv, "actions"sv,  "action"sv,     "policy"sv,
    "policies"sv,   "behaviour"sv,   "behavior"sv, "conduct"sv,  "decision"sv,   "decisions"sv,
    "move"sv,       "moves"sv,       "role"sv,     "military"sv, "forces"sv,     "army"sv,
    "troops"sv,     "stance"sv,      "position"sv, "junta"sv,    "rulers"sv,     "practices"sv};

constexpr std::array kLeavingVerbList = {
    "quit"sv, "quits"sv, "quitting"sv, "leave"sv,   "leaves"sv,   "leaving"sv, "left"sv,
    "exit"sv, "exits"sv, "exited"sv,   "exiting"sv, "abandon*"sv, "depart*"sv};

constexpr std::array kDeclareVerbList = {"declare"sv,   "declares"sv, "declared"sv,
                                         "declaring"sv, "named"sv,    "deemed"sv};

}  // namespace

const WordList kDeterminers{kDeterminerList};
const WordList kNonSubjectPrepositions{kNonSubjectPrepositionList};
const WordList kSubordinators{kSubordinatorList};
const WordList kParentheticalStarts{kParentheticalStartList};
const WordList kObjectStops{kObjectStopList};
const WordList kPassiveAuxiliaries{kPassiveAuxiliaryList};
const WordList kPassiveAdverbs{kPassiveAdverbList};
const WordList kPatientNouns{kPatientNounList};
const WordList kSpeechVerbs{kSpeechVerbList};
const WordList kReactionVerbs{kReactionVerbList};
const WordList kReceivingVerbs{kReceivingVerbList};
const WordList kNameFollowers{kNameFollowerList};
const WordList kAgreementAdjectives{kAgreementAdjectiveList};
const WordList kAgreementNouns{kAgreementNounList};
const WordList kPersonLikeKeys{kPersonLikeKeyList};
const WordList kOfficialWords{kOfficialWordList};
const WordList kAmericaRegions{kAmericaRegionList};
const WordList kAttitudePrefixes{kAttitudePrefixList};
const WordList kAgentNouns{kAgentNounList};
const WordList kLeavingVerbs{kLeavingVerbList};
const WordList kDeclareVerbs{kDeclareVerbList};

}  // namespace words

namespace {

// The named lists long enough to be worth an index; any other list (a
// span of another file's array, or part of one) is read entry by entry.
const ListIndex* index_of(WordList list) {
  constexpr std::size_t kIndexedFrom = 8;
  static const std::vector<ListIndex> indexes = [] {
    std::vector<ListIndex> out;
    for (const WordList named : {words::kDeterminers,         words::kNonSubjectPrepositions,
                                 words::kSubordinators,       words::kParentheticalStarts,
                                 words::kObjectStops,         words::kPassiveAuxiliaries,
                                 words::kPassiveAdverbs,      words::kPatientNouns,
                                 words::kSpeechVerbs,         words::kReactionVerbs,
                                 words::kReceivingVerbs,      words::kNameFollowers,
                                 words::kAgreementAdjectives, words::kAgreementNouns,
                                 words::kPersonLikeKeys,      words::kOfficialWords,
                                 words::kAmericaRegions,      words::kAttitudePrefixes,
                                 words::kAgentNouns,          words::kLeavingVerbs,
                                 words::kDeclareVerbs}) {
      if (named.size() >= kIndexedFrom) out.emplace_back(named);
    }
    return out;
  }();
  if (list.size() < kIndexedFrom) return nullptr;
  for (const ListIndex& index : indexes) {
    if (index.indexes(list)) return &index;
  }
  return nullptr;
}

}  // namespace
}  // namespace demarche_actors
