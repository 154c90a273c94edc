// Finding the trigger of a piece of evidence and telling verb from noun and
// active from passive, from the words around it.
#include "triggers.hpp"

#include <array>

#include "lexicon.hpp"

namespace demarche_actors {
namespace {

using namespace std::string_view_literals;

enum class Use { kVerb, kNoun, kEither, kLeave, kPersonaNonGrata };

struct Entry {
  std::string_view word;  // '*' at the end: any word it begins
  Use use;
};

// Each list is tried in order, so nouns come before verbs sharing a prefix
// ("deportation" before "deport*").
constexpr std::array kExpulsionWords = {Entry{"expulsion*"sv, Use::kNoun},
                                        Entry{"ejection*"sv, Use::kNoun},
                                        Entry{"deportation*"sv, Use::kNoun},
                                        Entry{"closure*"sv, Use::kNoun},
                                        Entry{"expel*"sv, Use::kVerb},
                                        Entry{"eject*"sv, Use::kVerb},
                                        Entry{"deport*"sv, Use::kVerb},
                                        Entry{"kick*"sv, Use::kVerb},
                                        Entry{"throw"sv, Use::kVerb},
                                        Entry{"throws"sv, Use::kVerb},
                                        Entry{"threw"sv, Use::kVerb},
                                        Entry{"thrown"sv, Use::kVerb},
                                        Entry{"throwing"sv, Use::kVerb},
                                        Entry{"boot*"sv, Use::kVerb},
                                        Entry{"oust*"sv, Use::kVerb},
                                        Entry{"order"sv, Use::kVerb},
                                        Entry{"orders"sv, Use::kVerb},
                                        Entry{"ordered"sv, Use::kVerb},
                                        Entry{"ordering"sv, Use::kVerb},
                                        Entry{"told"sv, Use::kVerb},
                                        Entry{"tell"sv, Use::kVerb},
                                        Entry{"tells"sv, Use::kVerb},
                                        Entry{"telling"sv, Use::kVerb},
                                        Entry{"ask"sv, Use::kVerb},
                                        Entry{"asks"sv, Use::kVerb},
                                        Entry{"asked"sv, Use::kVerb},
                                        Entry{"asking"sv, Use::kVerb},
                                        Entry{"instruct*"sv, Use::kVerb},
                                        Entry{"requir*"sv, Use::kVerb},
                                        Entry{"request*"sv, Use::kVerb},
                                        Entry{"demand*"sv, Use::kVerb},
                                        Entry{"insist*"sv, Use::kVerb},
                                        Entry{"declar*"sv, Use::kVerb},
                                        Entry{"revok*"sv, Use::kVerb},
                                        Entry{"forc*"sv, Use::kVerb},
                                        Entry{"informed"sv, Use::kVerb},
                                        Entry{"notified"sv, Use::kVerb},
                                        Entry{"persona"sv, Use::kPersonaNonGrata},
                                        Entry{"personae"sv, Use::kPersonaNonGrata},
                                        Entry{"leave"sv, Use::kLeave},
                                        Entry{"leaves"sv, Use::kLeave},
                                        Entry{"leaving"sv, Use::kLeave},
                                        Entry{"depart*"sv, Use::kLeave},
                                        Entry{"unwelcome"sv, Use::kLeave},
                                        Entry{"welcome"sv, Use::kLeave}};

constexpr std::array kWithdrawalWords = {
    Entry{"withdrawal*"sv, Use::kNoun}, Entry{"pullout*"sv, Use::kNoun},
    Entry{"departure*"sv, Use::kNoun},  Entry{"evacuation*"sv, Use::kNoun},
    Entry{"removal*"sv, Use::kNoun},    Entry{"exit"sv, Use::kEither},
    Entry{"recall"sv, Use::kEither},    Entry{"withdr*"sv, Use::kVerb},
    Entry{"recall*"sv, Use::kVerb},     Entry{"pull"sv, Use::kVerb},
    Entry{"pulls"sv, Use::kVerb},       Entry{"pulled"sv, Use::kVerb},
    Entry{"pulling"sv, Use::kVerb},     Entry{"evacuat*"sv, Use::kVerb},
    Entry{"remov*"sv, Use::kVerb},      Entry{"bring"sv, Use::kVerb},
    Entry{"brings"sv, Use::kVerb},      Entry{"bringing"sv, Use::kVerb},
    Entry{"brought"sv, Use::kVerb},     Entry{"send"sv, Use::kVerb},
    Entry{"sends"sv, Use::kVerb},       Entry{"sent"sv, Use::kVerb},
    Entry{"sending"sv, Use::kVerb},     Entry{"call"sv, Use::kVerb},
    Entry{"calls"sv, Use::kVerb},       Entry{"called"sv, Use::kVerb},
    Entry{"calling"sv, Use::kVerb},     Entry{"quit*"sv, Use::kVerb},
    Entry{"leave"sv, Use::kVerb},       Entry{"leaves"sv, Use::kVerb},
    Entry{"leaving"sv, Use::kVerb},     Entry{"left"sv, Use::kVerb},
    Entry{"exit*"sv, Use::kVerb},       Entry{"depart*"sv, Use::kVerb},
    Entry{"return*"sv, Use::kVerb},     Entry{"clos*"sv, Use::kVerb},
    Entry{"shut*"sv, Use::kVerb},       Entry{"suspend*"sv, Use::kVerb},
    Entry{"denounc*"sv, Use::kVerb},    Entry{"terminat*"sv, Use::kVerb},
    Entry{"abandon*"sv, Use::kVerb}};

constexpr std::array kSanctionWords = {
    Entry{"sanction"sv, Use::kEither},   Entry{"sanctions"sv, Use::kEither},
    Entry{"embargo"sv, Use::kEither},    Entry{"embargoes"sv, Use::kEither},
    Entry{"ban"sv, Use::kEither},        Entry{"bans"sv, Use::kEither},
    Entry{"boycott"sv, Use::kEither},    Entry{"boycotts"sv, Use::kEither},
    Entry{"freeze"sv, Use::kEither},     Entry{"blacklist"sv, Use::kEither},
    Entry{"tariff*"sv, Use::kNoun},      Entry{"duties"sv, Use::kNoun},
    Entry{"restrictions"sv, Use::kNoun}, Entry{"sanctioned"sv, Use::kVerb},
    Entry{"sanctioning"sv, Use::kVerb},  Entry{"impos*"sv, Use::kVerb},
    Entry{"slap*"sv, Use::kVerb},        Entry{"levy"sv, Use::kVerb},
    Entry{"levies"sv, Use::kVerb},       Entry{"levied"sv, Use::kVerb},
    Entry{"froze"sv, Use::kVerb},        Entry{"frozen"sv, Use::kVerb},
    Entry{"freez*"sv, Use::kVerb},       Entry{"banned"sv, Use::kVerb},
    Entry{"banning"sv, Use::kVerb},      Entry{"bar"sv, Use::kVerb},
    Entry{"bars"sv, Use::kVerb},         Entry{"barred"sv, Use::kVerb},
    Entry{"barring"sv, Use::kVerb},      Entry{"blacklist*"sv, Use::kVerb},
    Entry{"boycott*"sv, Use::kVerb},     Entry{"embargoed"sv, Use::kVerb},
    Entry{"restrict*"sv, Use::kVerb},    Entry{"halt*"sv, Use::kVerb},
    Entry{"suspend*"sv, Use::kVerb},     Entry{"block*"sv, Use::kVerb},
    Entry{"cut"sv, Use::kVerb},          Entry{"cuts"sv, Use::kVerb},
    Entry{"cutting"sv, Use::kVerb},      Entry{"stop*"sv, Use::kVerb},
    Entry{"prohibit*"sv, Use::kVerb},    Entry{"clos*"sv, Use::kVerb},
    Entry{"shut*"sv, Use::kVerb},        Entry{"denied"sv, Use::kVerb},
    Entry{"deny*"sv, Use::kVerb},        Entry{"denies"sv, Use::kVerb},
    Entry{"added"sv, Use::kVerb},        Entry{"adds"sv, Use::kVerb},
    Entry{"adding"sv, Use::kVerb},       Entry{"placed"sv, Use::kVerb},
    Entry{"put*"sv, Use::kVerb},         Entry{"designat*"sv, Use::kVerb},
    Entry{"extend*"sv, Use::kVerb},      Entry{"renew*"sv, Use::kVerb},
    Entry{"tighten*"sv, Use::kVerb},     Entry{"target*"sv, Use::kVerb}};

constexpr std::array kCondemnationWords = {
    Entry{"condemnation*"sv, Use::kNoun}, Entry{"denunciation*"sv, Use::kNoun},
    Entry{"criticism*"sv, Use::kNoun},    Entry{"accusation*"sv, Use::kNoun},
    Entry{"allegation*"sv, Use::kNoun},   Entry{"outrage"sv, Use::kNoun},
    Entry{"rebuke"sv, Use::kEither},      Entry{"censure"sv, Use::kEither},
    Entry{"protest"sv, Use::kEither},     Entry{"condemn*"sv, Use::kVerb},
    Entry{"denounc*"sv, Use::kVerb},      Entry{"deplor*"sv, Use::kVerb},
    Entry{"decr*"sv, Use::kVerb},         Entry{"censur*"sv, Use::kVerb},
    Entry{"rebuk*"sv, Use::kVerb},        Entry{"castigat*"sv, Use::kVerb},
    Entry{"chastis*"sv, Use::kVerb},      Entry{"berat*"sv, Use::kVerb},
    Entry{"excoriat*"sv, Use::kVerb},     Entry{"reprimand*"sv, Use::kVerb},
    Entry{"lambast*"sv, Use::kVerb},      Entry{"slam*"sv, Use::kVerb},
    Entry{"blast*"sv, Use::kVerb},        Entry{"pillor*"sv, Use::kVerb},
    Entry{"critici*"sv, Use::kVerb},      Entry{"critical"sv, Use::kVerb},
    Entry{"hit"sv, Use::kVerb},           Entry{"hits"sv, Use::kVerb},
    Entry{"hitting"sv, Use::kVerb},       Entry{"lash*"sv, Use::kVerb},
    Entry{"rail"sv, Use::kVerb},          Entry{"rails"sv, Use::kVerb},
    Entry{"railed"sv, Use::kVerb},        Entry{"railing"sv, Use::kVerb},
    Entry{"vilif*"sv, Use::kVerb},        Entry{"smear*"sv, Use::kVerb},
    Entry{"accus*"sv, Use::kVerb},        Entry{"blam*"sv, Use::kVerb},
    Entry{"call"sv, Use::kVerb},          Entry{"calls"sv, Use::kVerb},
    Entry{"called"sv, Use::kVerb},        Entry{"calling"sv, Use::kVerb},
    Entry{"describ*"sv, Use::kVerb},      Entry{"label*"sv, Use::kVerb},
    Entry{"brand*"sv, Use::kVerb},        Entry{"term"sv, Use::kVerb},
    Entry{"terms"sv, Use::kVerb},         Entry{"termed"sv, Use::kVerb},
    Entry{"terming"sv, Use::kVerb},       Entry{"deem*"sv, Use::kVerb},
    Entry{"characteri*"sv, Use::kVerb},   Entry{"dub"sv, Use::kVerb},
    Entry{"dubs"sv, Use::kVerb},          Entry{"dubbed"sv, Use::kVerb},
    Entry{"protest*"sv, Use::kVerb}};

struct Vocabulary {
  const Entry* entries;
  std::size_t size;
};

Vocabulary vocabulary(EventKind kind) {
  switch (kind) {
    case EventKind::kExpulsion:
      return {kExpulsionWords.data(), kExpulsionWords.size()};
    case EventKind::kWithdrawal:
      return {kWithdrawalWords.data(), kWithdrawalWords.size()};
    case EventKind::kSanction:
      return {kSanctionWords.data(), kSanctionWords.size()};
    case EventKind::kOther:
      return {nullptr, 0};
    case EventKind::kCondemnation:
      break;
  }
  return {kCondemnationWords.data(), kCondemnationWords.size()};
}

const Entry* lookup(EventKind kind, std::string_view word) {
  const Vocabulary v = vocabulary(kind);
  for (std::size_t i = 0; i < v.size; ++i) {
    if (entry_matches(word, v.entries[i].word)) return &v.entries[i];
  }
  return nullptr;
}

// The mention whose tokens end right before token i, if any.
const Mention* mention_ending_at(const std::vector<Mention>& mentions, std::size_t i) {
  for (const Mention& m : mentions) {
    if (m.after == i) return &m;
  }
  return nullptr;
}

bool starts_mention(const std::vector<Mention>& mentions, std::size_t i) {
  for (const Mention& m : mentions) {
    if (m.first == i) return true;
  }
  return false;
}

// A word that is read as a noun or a verb by its neighbours: a verb after
// "to"/a modal, or right after a name with an object after it ("Britain
// sanctions five oligarchs"); a noun otherwise ("the sanctions", "US
// sanctions on Iran").
bool read_as_verb(const Text& text, const std::vector<Mention>& mentions, std::size_t i) {
  if (i == 0) return false;
  if (text.is_word(i - 1) && in_list(text.lower(i - 1), List::kVerbMarkers)) return true;
  // A determiner right after starts an object: "... and freeze all new trade".
  if (text.is_word(i + 1) && in_list(text.lower(i + 1), List::kDeterminers)) return true;
  const Mention* before = mention_ending_at(mentions, i);
  if (before == nullptr || before->possessive) return false;
  if (!text.is_word(i + 1)) return false;
  return !in_list(text.lower(i + 1), List::kNounFollowers) || starts_mention(mentions, i + 1);
}

bool is_participle(std::string_view word) {
  return word.ends_with("ed") || word.ends_with("en") || word.ends_with("wn") || word == "told" ||
         word == "left" || word == "sent" || word == "brought" || word == "put" || word == "shut" ||
         word == "cut" || word == "barred" || word == "froze";
}

bool passive_at(const Text& text, EventKind kind, std::size_t i) {
  if (!is_participle(text.lower(i))) return false;
  // "were (formally) expelled", "was not being sanctioned".
  for (std::size_t back = 1; back <= 4 && back <= i; ++back) {
    const std::size_t k = i - back;
    if (!text.is_word(k)) break;
    const std::string_view w = text.lower(k);
    if (in_list(w, List::kPassiveAuxiliaries)) return true;
    if (!in_list(w, List::kPassiveAdverbs)) break;
  }
  // "diplomats expelled by Britain".
  if (text.is(i + 1, "by")) return true;
  // A headline's or clause's reduced passive, "Russian diplomats expelled
  // from ...", "banks sanctioned over ...". Not for condemnation, where
  // "officials condemned the attack" is the usual active sentence; and only
  // when no object follows, since "Czech officials expelled two diplomats"
  // is active.
  if (kind == EventKind::kCondemnation || i == 0 || !text.is_word(i - 1) ||
      !in_list(text.lower(i - 1), List::kPatientNouns)) {
    return false;
  }
  return i + 1 >= text.size() || !text.is_word(i + 1) ||
         in_list(text.lower(i + 1), List::kAfterReducedPassive);
}

}  // namespace

std::optional<EventKind> event_kind(std::string_view type) {
  if (type == "expulsion") return EventKind::kExpulsion;
  if (type == "withdrawal") return EventKind::kWithdrawal;
  if (type == "condemnation") return EventKind::kCondemnation;
  if (type == "sanction") return EventKind::kSanction;
  if (!type.empty()) return EventKind::kOther;
  return std::nullopt;
}

Trigger find_trigger(const Text& text, const std::vector<Mention>& mentions, EventKind kind,
                     const std::vector<TokenRange>& pieces) {
  Trigger trigger;
  std::size_t first_word = text.size();
  for (const TokenRange& piece : pieces) {
    for (std::size_t i = piece.first; i < piece.last; ++i) {
      if (!text.is_word(i)) continue;
      if (first_word == text.size()) first_word = i;
      const Entry* entry = lookup(kind, text.lower(i));
      if (entry == nullptr) continue;
      trigger.token = i;
      switch (entry->use) {
        case Use::kVerb:
          trigger.form = TriggerForm::kVerb;
          break;
        case Use::kNoun:
          trigger.form = TriggerForm::kNoun;
          break;
        case Use::kEither:
          trigger.form = read_as_verb(text, mentions, i) ? TriggerForm::kVerb : TriggerForm::kNoun;
          break;
        case Use::kLeave:
          trigger.form = TriggerForm::kLeave;
          break;
        case Use::kPersonaNonGrata:
          // "declared the envoy persona non grata": the verb is the trigger,
          // with the envoy as its object.
          trigger.form = TriggerForm::kVerdict;
          for (std::size_t back = 1; back <= 20 && back <= i; ++back) {
            if (in_list(text.lower(i - back), List::kDeclareVerbs)) {
              trigger.token = i - back;
              trigger.form = TriggerForm::kVerb;
              break;
            }
          }
          break;
      }
      if (trigger.form == TriggerForm::kVerb)
        trigger.passive = passive_at(text, kind, trigger.token);
      return trigger;
    }
  }
  trigger.token = first_word == text.size() ? pieces.front().first : first_word;
  if (kind == EventKind::kOther) {
    // No vocabulary: the rule's first word, as a verb ("lodged a protest").
    trigger.form = TriggerForm::kVerb;
    trigger.passive = passive_at(text, kind, trigger.token);
    return trigger;
  }
  trigger.form = TriggerForm::kVerdict;
  return trigger;
}

}  // namespace demarche_actors
