#include "cues.hpp"

#include <array>

namespace demarche_modality {

namespace {

// Words after an infinitive's "to" within which a second infinitive
// coordinated with it ("to cut off gas supplies and expel") is reached.
constexpr std::size_t kCoordinatedInfinitiveReach = 8;

// Words of decision: a threat or demand further left has been acted on.
bool is_decision(std::string_view w) {
  constexpr std::array<std::string_view, 21> kWords = {
      "decided", "decides", "decision", "agreed",    "agrees",    "voted",     "began",
      "begun",   "started", "starts",   "announced", "announces", "approved",  "approves",
      "adopted", "adopts",  "signed",   "ordered",   "orders",    "confirmed", "confirms"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// Prepositions that start a reason or circumstance: "threatened sanctions
// over the illegal annexation" does not threaten the annexation's
// condemnation.
bool is_barrier(std::string_view w) {
  return w == "over" || w == "amid" || w == "despite" || w == "regarding" || w == "concerning" ||
         w == "following" || w == "during";
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

}  // namespace

bool word_matches(std::string_view alternatives, std::string_view word) {
  // Read once, byte by byte, and compared in full only where the length and
  // first letter agree: most calls turn every alternative away, and finding
  // each '|' with a library call and comparing each alternative was a
  // fifth of the plugin's instructions (callgrind, generated news).
  const char* alt = alternatives.data();
  const char* const end = alt + alternatives.size();
  for (;;) {
    const char* bar = alt;
    while (bar != end && *bar != '|') ++bar;
    const auto size = static_cast<std::size_t>(bar - alt);
    if (size > 0 && *alt == '*') {
      const std::string_view suffix(alt + 1, size - 1);
      if (word.size() > suffix.size() && word.ends_with(suffix)) return true;
    } else if (size == word.size() && (size == 0 || *alt == word.front()) &&
               std::string_view(alt, size) == word) {
      return true;
    }
    if (bar == end) return false;
    alt = bar + 1;
  }
}

bool is_transparent(std::string_view w) {
  constexpr std::array<std::string_view, 40> kWords = {
      "be",       "been",   "being",       "have",     "has",        "had",         "get",
      "got",      "yet",    "immediately", "formally", "officially", "even",        "actually",
      "directly", "also",   "ever",        "again",    "to",         "publicly",    "explicitly",
      "openly",   "fully",  "completely",  "entirely", "really",     "necessarily", "currently",
      "now",      "still",  "further",     "so",       "far",        "soon",        "already",
      "clearly",  "firmly", "strongly",    "swiftly",  "roundly"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// A lower-case -ly word of five letters or more: "strongly", "roundly",
// "swiftly" ("only", "Italy" and "rally" are not).
bool is_manner_adverb(const Token& token) {
  const std::string_view w = token.text;
  return !token.capitalized && w.size() >= 5 && w.ends_with("ly") && w != "rally" &&
         w != "supply" && w != "apply" && w != "reply" && w != "family";
}

bool is_coordinator(std::string_view w) {
  return w == "and" || w == "or";
}

bool is_negator(std::string_view w) {
  return w == "not" || w == "never" || w == "no" || w == "cannot" || w == "nor" || w == "neither" ||
         (w.size() > 3 && w.ends_with("n't"));
}

CueTable::CueTable(std::vector<Cue> cues) {
  for (Cue& cue : cues) {
    const std::size_t index = cues_.size();
    bool suffix = false;
    for (std::string_view alt : split(cue.words.front(), '|')) {
      if (!alt.empty() && alt.front() == '*') {
        suffix = true;
      } else {
        std::vector<std::size_t>& list = by_first_word_[std::string(alt)];
        if (list.empty() || list.back() != index) list.push_back(index);
      }
    }
    if (suffix) by_suffix_.push_back(index);
    cues_.push_back(std::move(cue));
  }
}

std::optional<CueMatch> CueTable::match(const Cue& cue, const Window& w, std::size_t at) const {
  const std::vector<Token>& t = *w.tokens;
  const std::vector<bool>& in_span = *w.in_span;
  if (cue.sentence_initial && at != w.first_word) return std::nullopt;
  if (cue.lower_case_only && t[at].capitalized) return std::nullopt;
  if (!cue.not_after.empty() && at > 0 && t[at - 1].is_word() &&
      word_matches(cue.not_after, t[at - 1].text)) {
    return std::nullopt;
  }
  // The phrase: consecutive words, all before the trigger and outside the match.
  // A final "to" may be the trigger's own first word, as in a rule that
  // matches "to recall" after "plans".
  std::size_t last = at;
  bool ends_in_trigger = false;
  for (std::size_t k = 0; k < cue.words.size(); ++k) {
    const std::size_t i = at + k;
    const bool final_to = k + 1 == cue.words.size() && i == w.trigger && t[i].is("to");
    if (final_to) {
      if (!word_matches(cue.words[k], "to")) return std::nullopt;
      ends_in_trigger = true;
      break;
    }
    if (i >= w.trigger || !t[i].is_word() || in_span[i] || !w.in_clause(i) ||
        !word_matches(cue.words[k], t[i].text)) {
      return std::nullopt;
    }
    last = i;
  }
  if (ends_in_trigger) return CueMatch{cue.modality, at, last};
  if (!cue.not_before.empty() && last + 1 < t.size() && t[last + 1].is_word() &&
      word_matches(cue.not_before, t[last + 1].text)) {
    return std::nullopt;
  }

  // Counts the words in (from, to), or fails when one is not allowed.
  // Words between the cue and the trigger. In an adjacent cue only
  // auxiliaries and adverbs may stand there, and a stack of manner adverbs
  // counts as none ("must be clearly and strongly rebuked"), so that how a
  // thing is said does not push the verb out of the modal's reach.
  auto gap = [&](std::size_t from, std::size_t to,
                 bool transparent_only) -> std::optional<std::size_t> {
    std::size_t words = 0;
    for (std::size_t i = from + 1; i < to; ++i) {
      if (!t[i].is_word() || !w.in_clause(i)) continue;
      if (transparent_only) {
        if (is_manner_adverb(t[i])) continue;
        if (is_coordinator(t[i].text) && i > 0 && i + 1 < to && is_manner_adverb(t[i - 1]) &&
            is_manner_adverb(t[i + 1]))
          continue;
        if (!is_transparent(t[i].text)) return std::nullopt;
      } else if (is_barrier(t[i].text)) {
        return std::nullopt;
      }
      ++words;
    }
    return words;
  };

  CueMatch m{cue.modality, at, last};
  switch (cue.scope) {
    case Scope::kClause:
      return m;
    case Scope::kAdjacent:
    case Scope::kNear: {
      const auto words = gap(last, w.trigger, cue.scope == Scope::kAdjacent);
      if (!words || *words > cue.reach) return std::nullopt;
      return m;
    }
    case Scope::kInfinitive: {
      // The bridge ("to", "would") may be the trigger's own first word, as
      // in a rule that matches "to recall".
      std::size_t objects = 0;
      for (std::size_t i = last + 1; i <= w.trigger && i < t.size(); ++i) {
        if (!t[i].is_word() || !w.in_clause(i)) continue;
        if (word_matches(cue.bridge, t[i].text)) {
          if (objects > cue.object_reach) return std::nullopt;
          const auto after =
              i == w.trigger ? std::optional<std::size_t>(0) : gap(i, w.trigger, false);
          // A second infinitive coordinated with the first ("threatened to
          // cut off gas supplies and expel the envoys") is in the cue's
          // reach as much as the first: "and" (or "or") right before the
          // trigger, "to" as the bridge, and no barrier between. So is a
          // second verb of a mandative that-clause ("suggested that the
          // cabinet suspend the deal and impose sanctions").
          const bool coordinated = after && (t[i].is("to") || t[i].is("that")) &&
                                   w.trigger > i + 1 && is_coordinator(t[w.trigger - 1].text) &&
                                   *after <= cue.reach + kCoordinatedInfinitiveReach;
          if (!after || (*after > cue.reach && !coordinated)) return std::nullopt;
          if (!gap(last, i, false)) return std::nullopt;
          if (i < w.trigger) m.last = i;
          return m;
        }
        if (i == w.trigger) break;
        ++objects;
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<CueMatch> CueTable::nearest(const Window& w) const {
  const std::vector<Token>& t = *w.tokens;
  bool decided = false;
  for (std::size_t at = w.trigger; at-- > w.lower;) {
    if (!t[at].is_word() || (*w.in_span)[at] || !w.in_clause(at)) continue;
    std::optional<CueMatch> found;
    auto try_cue = [&](std::size_t index) {
      const Cue& cue = cues_[index];
      if (found) return;
      if (decided &&
          (cue.modality == Modality::kThreatened || cue.modality == Modality::kDemanded)) {
        return;
      }
      found = match(cue, w, at);
    };
    if (const auto it = by_first_word_.find(t[at].text); it != by_first_word_.end()) {
      for (std::size_t index : it->second) try_cue(index);
    }
    for (std::size_t index : by_suffix_) {
      if (word_matches(cues_[index].words.front(), t[at].text)) try_cue(index);
    }
    if (found) {
      // A negated threat, plan or demand ("did not threaten to", "has no
      // plans to") is a negation: look left over auxiliaries for a negator.
      if (found->modality != Modality::kNegated) {
        std::size_t skipped = 0;
        for (std::size_t i = found->first; i-- > w.lower && skipped <= 2;) {
          if (t[i].kind == Token::Kind::kComma || !w.in_clause(i)) continue;
          if (!t[i].is_word()) break;
          if (is_negator(t[i].text)) {
            const bool not_only = i + 1 < t.size() && (t[i + 1].is("only") || t[i + 1].is("just"));
            if (!not_only) {
              found->modality = Modality::kNegated;
              found->first = i;
            }
            break;
          }
          if (!is_transparent(t[i].text)) break;
          ++skipped;
        }
      }
      return found;
    }
    if (is_decision(t[at].text)) decided = true;
  }
  return std::nullopt;
}

}  // namespace demarche_modality
