#include "match/roles.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace demarche::match {
namespace {

// Words that make a mention next to them the sentence's speaker. A closed
// class, like the function words below, so it lives here rather than in a
// data file.
constexpr std::array<std::string_view, 26> kSaying = {
    "said",      "says",        "say",          "saying",    "told",       "tells",     "stated",
    "added",     "announced",   "declared",     "statement", "statements", "according", "insisted",
    "stressed",  "noted",       "wrote",        "tweeted",   "posted",     "remarked",  "commented",
    "spokesman", "spokeswoman", "spokesperson", "letter",    "letters"};

// Words of claiming: their speaker stands before them ("Baku charged that
// ..."); the name after one is what is claimed ("alleges that the
// government's argument ..."), so these count on the left only.
constexpr std::array<std::string_view, 12> kClaiming = {
    "claimed", "claims",   "charged",    "charges",    "alleged",  "alleges",
    "argued",  "asserted", "maintained", "complained", "contends", "contended"};

// Nouns that make a place's name part of another name ("the Iraq War", "the
// Vienna Convention", "the Washington Post", "the Chinese Communist Party",
// "the US Supreme Court"): a mention right before one, or before up to two
// capitalised words and then one, is not an actor. A closed class, like the
// words of saying.
constexpr std::array<std::string_view, 39> kNameHeads = {
    "war",      "wars",       "post",     "times",     "convention", "conventions", "agreement",
    "accord",   "accords",    "protocol", "treaty",    "charter",    "declaration", "consensus",
    "summit",   "conference", "deal",     "pact",      "airport",    "university",  "stock",
    "exchange", "marathon",   "olympics", "games",     "club",       "daily",       "herald",
    "tribune",  "journal",    "symphony", "orchestra", "zoo",        "party",       "court",
    "church",   "league",     "cup",      "museum"};

// Nouns that a mention after "of" belongs to without making it the actor:
// "the Supreme Court of Argentina", "the people of Iraq", "the University
// of Tokyo". A government, ministry or office of a state ("the Government
// of Kuwait", "the President of France") is the state and is not listed.
constexpr std::array<std::string_view, 14> kOfHeads = {
    "court",  "courts", "people", "peoples", "citizens", "residents", "university",
    "church", "party",  "museum", "academy", "bar",      "chamber",   "population"};

bool is_letter(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

bool equals_lower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(word[i])) != lower[i]) return false;
  }
  return true;
}

// The ASCII words (letter runs) of text[begin, end), lower-cased compares.
template <typename Visit>
bool any_word(std::string_view text, std::size_t begin, std::size_t end, Visit visit) {
  end = std::min(end, text.size());
  std::size_t i = begin;
  while (i < end) {
    while (i < end && !is_letter(text[i])) ++i;
    const std::size_t start = i;
    while (i < end && is_letter(text[i])) ++i;
    if (i > start && visit(text.substr(start, i - start))) return true;
  }
  return false;
}

bool has_semicolon(std::string_view text, std::size_t begin, std::size_t end) {
  return begin < end && text.substr(begin, end - begin).find(';') != std::string_view::npos;
}

// The byte offset `n` words to the left of `at` (or 0), and to the right
// of `at` (or the text's end), counting letter runs.
std::size_t words_left(std::string_view text, std::size_t at, std::size_t n) {
  std::size_t i = std::min(at, text.size());
  for (std::size_t k = 0; k < n && i > 0; ++k) {
    while (i > 0 && !is_letter(text[i - 1])) --i;
    while (i > 0 && is_letter(text[i - 1])) --i;
  }
  return i;
}

std::size_t words_right(std::string_view text, std::size_t at, std::size_t n) {
  std::size_t i = std::min(at, text.size());
  for (std::size_t k = 0; k < n && i < text.size(); ++k) {
    while (i < text.size() && !is_letter(text[i])) ++i;
    while (i < text.size() && is_letter(text[i])) ++i;
  }
  return i;
}

bool is_saying(std::string_view word) {
  return std::any_of(kSaying.begin(), kSaying.end(),
                     [&](std::string_view s) { return equals_lower(word, s); });
}

bool is_claiming(std::string_view word) {
  return std::any_of(kClaiming.begin(), kClaiming.end(),
                     [&](std::string_view s) { return equals_lower(word, s); });
}

bool is_saying_or_claiming(std::string_view word) {
  return is_saying(word) || is_claiming(word);
}

bool is_head(std::string_view word, const auto& heads) {
  return std::any_of(heads.begin(), heads.end(),
                     [&](std::string_view h) { return equals_lower(word, h); });
}

// The letter run that starts at `i` (empty if none does).
std::string_view word_at(std::string_view text, std::size_t i) {
  std::size_t end = i;
  while (end < text.size() && is_letter(text[end])) ++end;
  return text.substr(i, end - i);
}

// The letter run after the spaces at `i`, or empty when no space is there.
std::string_view next_word(std::string_view text, std::size_t i) {
  const std::size_t from = i;
  while (i < text.size() && text[i] == ' ') ++i;
  return i == from ? std::string_view() : word_at(text, i);
}

// A mention glued to a word by a hyphen ("pro-Russian", "Kremlin-backed";
// "a US-led force" aside), followed by a noun of kNameHeads (over at most
// two capitalised words), or after "of" that follows a noun of kOfHeads
// names something else.
bool names_something_else(std::string_view text, const Span& m) {
  if (m.begin > 0 && text[m.begin - 1] == '-') return true;
  if (m.end < text.size() && text[m.end] == '-') {
    return text.substr(m.end, 5) != "-led " && text.substr(m.end) != "-led";
  }
  std::size_t at = m.end;
  for (int skipped = 0; skipped <= 2; ++skipped) {
    const std::string_view next = next_word(text, at);
    if (next.empty()) break;
    if (is_head(next, kNameHeads)) return true;
    if (!std::isupper(static_cast<unsigned char>(next.front()))) break;
    at = static_cast<std::size_t>(next.data() + next.size() - text.data());
  }
  // "<head> of [the] <mention>".
  std::size_t n = 1;
  if (equals_lower(word_at(text, words_left(text, m.begin, n)), "the")) ++n;
  return equals_lower(word_at(text, words_left(text, m.begin, n)), "of") &&
         is_head(word_at(text, words_left(text, m.begin, n + 1)), kOfHeads);
}

// Punctuation that ends a speaker's phrase: "the embassy, he said" does not
// make the embassy the speaker.
bool breaks_phrase(char c) {
  return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"';
}

// A word of saying within kSpeakerNear words of the mention, on either side,
// with no punctuation between: "the ministry said", "said the ministry",
// "according to Valdoria".
bool saying_next_to(std::string_view text, const Span& m) {
  std::size_t left = words_left(text, m.begin, RoleReach::kSpeakerNear);
  for (std::size_t i = m.begin; i > left; --i) {
    if (breaks_phrase(text[i - 1])) {
      left = i;
      break;
    }
  }
  std::size_t right = words_right(text, m.end, RoleReach::kSpeakerNear);
  for (std::size_t i = m.end; i < right; ++i) {
    if (breaks_phrase(text[i])) {
      right = i;
      break;
    }
  }
  if (any_word(text, left, m.begin, is_saying) || any_word(text, m.end, right, is_saying))
    return true;
  // A word of claiming wants its speaker right before it: "Baku charged",
  // "the ministry has alleged", not "a leader but still claimed".
  const std::size_t near = std::min(right, words_right(text, m.end, RoleReach::kClaimerNear));
  return any_word(text, m.end, near, is_claiming);
}

// The subject of a word of saying that introduces the match: "Afghanistan
// summoned the ambassador and told him that the violation ...". The word
// of saying stands between the mention and the match, within
// kSubjectBefore words of the mention, with no ';' between.
bool says_before(std::string_view text, const Span& first, const Span& m) {
  if (m.end > first.begin) return false;
  const std::size_t reach =
      std::min(first.begin, words_right(text, m.end, RoleReach::kSubjectBefore));
  return !has_semicolon(text, m.end, reach) && any_word(text, m.end, reach, is_saying_or_claiming);
}

// A past participle of an act ("expelled", "thrown", "sent"), not of a
// state of mind, whose subject is the one who feels ("was disappointed by",
// "is opposed to"), and not an adjective ("was critical of").
bool is_action_participle(std::string_view w) {
  static constexpr std::array<std::string_view, 22> kStateOfMind = {
      "disappointed", "concerned", "worried",    "dismayed",  "outraged",   "appalled",
      "shocked",      "alarmed",   "angered",    "incensed",  "disturbed",  "saddened",
      "troubled",     "surprised", "frustrated", "offended",  "determined", "committed",
      "opposed",      "annoyed",   "irritated",  "displeased"};
  static constexpr std::array<std::string_view, 9> kIrregular = {
      "sent", "told", "put", "cut", "kept", "left", "shut", "set", "thrown"};
  auto any = [&](const auto& list) {
    return std::any_of(list.begin(), list.end(),
                       [&](std::string_view k) { return equals_lower(w, k); });
  };
  if (any(kStateOfMind)) return false;
  return (w.size() > 3 && (w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn"))) ||
         any(kIrregular);
}

// Whether the match is the participle of a passive: a form of "be" or
// "get" right before it, and its first word not an -ing form ("were
// expelled", not "have been expelling"). The subject of a passive is the
// one acted on, so it is no source.
bool is_passive(std::string_view text, const Span& first) {
  const std::size_t before = words_left(text, first.begin, 1);
  if (any_word(text, before, first.begin, [](std::string_view w) {
        for (std::string_view be :
             {"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "getting"}) {
          if (equals_lower(w, be)) return true;
        }
        return false;
      })) {
    std::size_t end = first.begin;
    while (end < first.end && is_letter(text[end])) ++end;
    return is_action_participle(text.substr(first.begin, end - first.begin));
  }
  return false;
}

// `subject_is_other`: the match starts with a mention that names something
// else ("the Supreme Court of Argentina ... criticized"): the rule's subject
// is taken, so no mention further left is its source.
bool fills_source(std::string_view text, const text::WordIndex& words, const Span& first,
                  const Span& last, const Span& m, bool subject_is_other) {
  // The agent of a passive inside the match: "were ordered by the
  // authorities to leave".
  if (m.begin >= first.end && m.end <= last.begin &&
      any_word(text, words_left(text, m.begin, 2), m.begin,
               [](std::string_view w) { return equals_lower(w, "by"); }))
    return true;
  // The match's own first word: a rule that starts with the actor ("{@state}
  // ~5 condemned") names it as the subject.
  if (m.begin == first.begin) return true;
  if (m.begin < first.begin && !subject_is_other && !is_passive(text, first)) {
    const std::size_t from = std::min(m.end, first.begin);
    if (words.words_between(from, first.begin) <= RoleReach::kSubjectBefore &&
        !has_semicolon(text, from, first.begin))
      return true;
  }
  if (m.begin >= last.end && words.words_between(last.end, m.begin) <= RoleReach::kAgentAfter &&
      !has_semicolon(text, last.end, m.begin) &&
      any_word(text, last.end, m.begin,
               [](std::string_view w) { return equals_lower(w, "by") || equals_lower(w, "from"); }))
    return true;
  return saying_next_to(text, m);
}

bool fills_target(std::string_view text, const text::WordIndex& words, const Span& first,
                  const Span& last, const Span& m) {
  if (m.begin >= first.begin && m.end <= last.end) return true;
  if (m.begin >= last.end) {
    return words.words_between(last.end, m.begin) <= RoleReach::kObjectAfter &&
           !has_semicolon(text, last.end, m.begin);
  }
  if (m.end <= first.begin) {
    return words.words_between(m.end, first.begin) <= RoleReach::kPassiveBefore &&
           !has_semicolon(text, m.end, first.begin);
  }
  return true;  // overlaps the match's edge
}

}  // namespace

bool role_filled(Role role, std::string_view text, const text::WordIndex& words,
                 const std::vector<Span>& chain, OccurrenceList& mentions) {
  if (chain.empty()) return false;
  const Span& first = chain.front();
  const Span& last = chain.back();
  bool subject_is_other = false;
  if (role == Role::kSource) {
    for (std::size_t i = 0;; ++i) {  // mentions come sorted by where they begin
      const Span* m = mentions.at(i);
      if (!m || m->begin > first.begin) break;
      if (m->begin == first.begin && names_something_else(text, *m)) subject_is_other = true;
    }
  }
  for (std::size_t i = 0;; ++i) {
    const Span* m = mentions.at(i);
    if (!m) return false;
    if (names_something_else(text, *m)) continue;
    bool filled = false;
    switch (role) {
      case Role::kSource:
        filled = fills_source(text, words, first, last, *m, subject_is_other);
        break;
      case Role::kSpeaker:
        filled = saying_next_to(text, *m) || says_before(text, first, *m);
        break;
      case Role::kTarget:
        filled = fills_target(text, words, first, last, *m);
        break;
    }
    if (filled) return true;
  }
}

}  // namespace demarche::match
