// Reading a sentence's structure around actor mentions (structure.hpp).
#include "structure.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

namespace demarche_actors {
namespace {

// How far right of the trigger its object is looked for, in tokens.
constexpr std::size_t kObjectWindow = 20;
// How far right of the trigger a "said X" attribution is looked for.
constexpr std::size_t kAttributionWindow = 40;

}  // namespace

SentenceReader::SentenceReader(const Text& text, const std::vector<Mention>& mentions,
                               const std::vector<Actor>& actors)
    : text_(text), mentions_(mentions), actors_(actors), owner_(text.size(), kNone) {
  for (std::size_t m = 0; m < mentions_.size(); ++m) {
    for (std::size_t k = mentions_[m].first; k < mentions_[m].after; ++k) owner_[k] = m;
  }
}

std::size_t SentenceReader::governor_token(std::size_t m) const {
  std::size_t k = mentions_[m].first;
  for (int steps = 0; steps < 5 && k > 0; ++steps) {
    --k;
    const bool joiner = text_.is_punct(k, ',') || text_.is(k, "and") || text_.is(k, "or");
    if (joiner && k > 0 && owner_[k - 1] != kNone && owner_[k - 1] < m) {
      return governor_token(owner_[k - 1]);
    }
    if (!text_.is_word(k)) return kNone;
    if (owner_[k] != kNone) return kNone;  // "Russia's and China's", "US and EU"
    const std::string_view w = text_.lower(k);
    const bool number =
        std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!number && !in_list(w, List::kDeterminers)) return k;
  }
  return kNone;
}

std::string_view SentenceReader::governor(std::size_t m) const {
  const std::size_t k = governor_token(m);
  if (k == kNone) return {};
  if (text_.lower(k) == "of" && k > 0 && text_.is(k - 1, "out")) return "from";
  return text_.lower(k);
}

bool SentenceReader::is_preposition(std::string_view word) {
  return word == "of" || in_list(word, List::kNonSubjectPrepositions);
}

std::size_t SentenceReader::left_limit(std::size_t t) const {
  for (std::size_t k = t; k-- > 0;) {
    if (owner_[k] != kNone) continue;
    if (hard_break(k)) return k + 1;
    if (!is_subordinator(k)) continue;
    // A subordinate clause opens at k. Either t is in it, or it ended at
    // a comma before t ("After Russia expelled ..., Estonia expelled"), or
    // it is a parenthesis after a comma ("Russia, after ..., expelled"),
    // which subject_before() skips.
    const bool parenthesis = k > 0 && text_.is_punct(k - 1, ',');
    std::size_t comma = kNone;
    for (std::size_t c = k + 1; c < t; ++c) {
      if (text_.is_punct(c, ',') && owner_[c] == kNone) {
        comma = c;
        break;
      }
    }
    if (comma == kNone) return k + 1;
    if (!parenthesis) return comma + 1;
  }
  return 0;
}

std::size_t SentenceReader::right_limit(std::size_t t, bool stop_at_and) const {
  const std::size_t end = std::min(text_.size(), t + 1 + kObjectWindow);
  for (std::size_t k = t + 1; k < end; ++k) {
    if (owner_[k] != kNone) continue;
    if (hard_break(k) || text_.is_punct(k, ',') || text_.is_punct(k, '(') ||
        text_.is_punct(k, '.') || (text_.is_punct(k, '"') && !text_.token(k).space_before)) {
      return k;
    }
    if (word_in(k, List::kObjectStops)) return k;
    // A relative "that" after a noun ("the countries that sanctioned
    // Russia"), not the "that" of "demanded that" or "said that".
    if (text_.is(k, "that") && owner_[k] == kNone && k > t + 1 && text_.is_word(k - 1) &&
        owner_[k - 1] == kNone && !word_in(k - 1, List::kSpeechVerbs) &&
        !word_in(k - 1, List::kReactionVerbs) && !text_.lower(k - 1).ends_with("ed")) {
      return k;
    }
    if (text_.is(k, "and") || text_.is(k, "or")) {
      // Always for condemnation; otherwise when a second verb follows
      // ("freezes their assets and forbids Canadians to trade with them").
      if (stop_at_and) return k;
      const std::string_view next = text_.lower(k + 1);
      // A word in -s is a verb only with an object after it ("prohibits
      // Americans", "bans their"), else a plural ("and landings of").
      const bool object_next =
          text_.is_word(k + 2) &&
          (owner_[k + 2] != kNone || in_list(text_.lower(k + 2), List::kDeterminers));
      const bool verb_like = text_.is_word(k + 1) && owner_[k + 1] == kNone &&
                             (next.ends_with("ed") || (next.ends_with("s") && object_next)) &&
                             !in_list(next, List::kPatientNouns) &&
                             !in_list(next, List::kDeterminers);
      if (verb_like) return k;
    }
  }
  return end;
}

std::size_t SentenceReader::subject_before(std::size_t t, const SubjectQuery& query) const {
  const bool noun_trigger = query.noun_trigger;
  const std::vector<std::size_t>& exclude = query.exclude;
  const std::size_t left = left_limit(t);
  std::vector<std::pair<std::size_t, std::size_t>> skipped;  // token ranges [a, b)
  std::size_t comma = kNone;
  for (std::size_t k = left; k < t; ++k) {
    if (owner_[k] != kNone) continue;
    if (text_.is_punct(k, ',')) {
      // ", following ...," and ", in response to ...," are asides
      // wherever they stand; ", a NATO member," only after a mention,
      // since "In February, the ... ambassador" opens the subject.
      const bool aside =
          comma != kNone && (is_subordinator(comma + 1) ||
                             (text_.is_word(comma + 1) && is_preposition(text_.lower(comma + 1))));
      const bool apposition = comma != kNone && comma > 0 && owner_[comma - 1] != kNone &&
                              word_in(comma + 1, List::kParentheticalStarts);
      if (aside || apposition) {
        skipped.emplace_back(comma, k + 1);
      }
      comma = k;
    } else if (text_.is_punct(k, '(')) {
      std::size_t close = k + 1;
      while (close < t && !text_.is_punct(close, ')')) ++close;
      if (close < t) skipped.emplace_back(k, close + 1);
    }
  }
  // "X condemned Y and (has) expelled ...", "X expelled Y's envoy,
  // accusing him of ...", "X said ... that it would expel ...": the verb
  // shares the clause's first subject, so look left of the "and", comma
  // or pronoun only, and take the leftmost subject there.
  const std::size_t pivot = shared_subject_pivot(t, left, noun_trigger);
  const std::size_t limit = pivot == kNone ? t : pivot;
  std::size_t leftmost = kNone;
  for (std::size_t m = mentions_.size(); m-- > 0;) {
    const Mention& mention = mentions_[m];
    if (mention.after > limit || mention.first < left) continue;
    if (std::find(exclude.begin(), exclude.end(), m) != exclude.end()) continue;
    const bool in_skipped = std::any_of(skipped.begin(), skipped.end(), [&](const auto& range) {
      return mention.first >= range.first && mention.first < range.second;
    });
    if (in_skipped) continue;
    if (query.passive_patient && clause_and_between(m, limit)) continue;
    // A preposition left of the clause is not this mention's governor
    // ("after France imposed ...").
    const std::size_t g = governor_token(m);
    const bool outside = g == kNone || g < left;
    bool subject = outside || !in_list(governor(m), List::kNonSubjectPrepositions);
    // "in retaliation for Poland's expulsion of ...": a possessive right
    // before a noun trigger is its doer whatever governs it.
    if (noun_trigger && mention.possessive && t - mention.after <= 3) subject = true;
    if (!subject) continue;
    if (pivot == kNone) {
      // "Two Czech officials said that the envoy had criticised ...":
      // a speaker left of a reported clause is not its subject.
      if (!noun_trigger && !query.speaker_ok && speech_clause_between(mention.after, t)) {
        return kNone;
      }
      return owner_of(m);
    }
    // The clause's first subject stands at its start or after "of" ("the
    // government of Mali"), not after a verb ("... to expel the Canadian
    // ambassador and freeze ...").
    if (outside || governor(m) == "of" || mention.possessive) leftmost = m;
  }
  return leftmost;
}

bool SentenceReader::inside_quotes(std::size_t t) const {
  bool inside = false;
  for (std::size_t k = 0; k < t; ++k) {
    if (text_.is_punct(k, '"')) inside = !inside;
  }
  return inside;
}

bool SentenceReader::clause_and_between(std::size_t m, std::size_t t) const {
  for (std::size_t k = mentions_[m].after; k < t; ++k) {
    if (owner_[k] != kNone || !(text_.is(k, "and") || text_.is(k, "or"))) continue;
    const std::size_t next = text_.is(k + 1, "the") ? k + 2 : k + 1;
    if (next >= text_.size() || owner_[next] == kNone) return true;
  }
  return false;
}

std::size_t SentenceReader::opening_subject(std::size_t t) const {
  const std::size_t left = left_limit(t);
  for (std::size_t m = 0; m < mentions_.size(); ++m) {
    const Mention& mention = mentions_[m];
    if (mention.first < left) continue;
    if (mention.after > t) break;
    const std::size_t g = governor_token(m);
    if ((g == kNone || g < left) && !mention.possessive) return m;
    return kNone;
  }
  return kNone;
}

std::size_t SentenceReader::shared_subject_pivot(std::size_t t, std::size_t left,
                                                 bool noun_trigger) const {
  // ", accusing ...", and the second verb of "expelled the ambassador,
  // withdrew its own and ..." (no subject between comma and verb).
  if (t > left && text_.is_punct(t - 1, ',') && !noun_trigger &&
      (text_.lower(t).ends_with("ing") || (t >= 2 && owner_[t - 2] == kNone))) {
    return t - 1;
  }
  if (noun_trigger) {
    while (t > left && word_in(t - 1, List::kDeterminers)) --t;
    if (t > left && text_.is_word(t - 1) && owner_[t - 1] == kNone) --t;
  }
  for (std::size_t k = t; k-- > left;) {
    if (owner_[k] != kNone) break;
    if (text_.is(k, "and") || is_subject_pronoun(k)) return k;
    if (!word_in(k, List::kVerbGlue)) break;
  }
  return kNone;
}

bool SentenceReader::is_subject_pronoun(std::size_t k) const {
  return text_.is(k, "it") || text_.is(k, "they") || text_.is(k, "he") || text_.is(k, "she");
}

std::size_t SentenceReader::modifier_before(std::size_t t) const {
  for (std::size_t m = mentions_.size(); m-- > 0;) {
    const Mention& mention = mentions_[m];
    if (mention.after > t) continue;
    if (t - mention.after > 4) return kNone;
    for (std::size_t k = mention.after; k < t; ++k) {
      if (!modifier_word(k)) return kNone;
    }
    return m;
  }
  return kNone;
}

bool SentenceReader::word_between(std::size_t m, std::size_t t, List list) const {
  for (std::size_t k = mentions_[m].after; k < t; ++k) {
    if (word_in(k, list)) return true;
  }
  return false;
}

std::size_t SentenceReader::word_before(std::size_t t, std::size_t left, List list) const {
  for (std::size_t k = t; k-- > left;) {
    if (word_in(k, list)) return k;
  }
  return kNone;
}

std::size_t SentenceReader::attribution(std::size_t t,
                                        const std::vector<std::size_t>& exclude) const {
  const std::size_t end = std::min(text_.size(), t + kAttributionWindow);
  for (std::size_t k = t + 1; k < end; ++k) {
    if (!word_in(k, List::kAttributionVerbs)) continue;
    std::size_t best = kNone;
    std::size_t best_distance = kNone;
    for (std::size_t m = 0; m < mentions_.size(); ++m) {
      const Mention& mention = mentions_[m];
      if (mention.first <= t || std::find(exclude.begin(), exclude.end(), m) != exclude.end()) {
        continue;
      }
      const std::size_t distance =
          mention.first > k ? mention.first - k : (k >= mention.after ? k - mention.after : kNone);
      if (distance > 5) continue;
      const std::string_view g = governor(m);
      const bool according = g == "to" && text_.is(k, "according");
      if (!according && in_list(g, List::kNonSubjectPrepositions)) continue;
      if (!set_off(t, mention.first)) continue;
      if (distance < best_distance) {
        best = m;
        best_distance = distance;
      }
    }
    if (best != kNone) return best;
  }
  return kNone;
}

std::vector<std::size_t> SentenceReader::group(std::size_t m) const {
  if (m == kNone) return {};
  std::size_t lo = m;
  std::size_t hi = m;
  bool conjunction = false;
  while (lo > 0 && link(lo - 1, lo, conjunction)) --lo;
  while (hi + 1 < mentions_.size() && link(hi, hi + 1, conjunction)) ++hi;
  if (!conjunction) return {m};
  std::vector<std::size_t> members;
  for (std::size_t k = lo; k <= hi; ++k) members.push_back(k);
  return members;
}

bool SentenceReader::hard_break(std::size_t k) const {
  if (text_.is_punct(k, ';')) return true;
  // A dash with spaces around it, or a double dash: a clause break, not a compound.
  if (text_.is_punct(k, '-')) {
    const bool spaced =
        text_.token(k).space_before && (k + 1 >= text_.size() || text_.token(k + 1).space_before);
    return spaced || text_.is_punct(k + 1, '-') || text_.is_punct(k - 1, '-');
  }
  return false;
}

bool SentenceReader::modifier_word(std::size_t k) const {
  if (text_.is_punct(k, '-')) return !text_.token(k).space_before;
  if (!text_.is_word(k) || owner_[k] != kNone) return false;
  // Part of a hyphenated compound ("tit-for-tat").
  if ((k > 0 && text_.is_punct(k - 1, '-') && !text_.token(k).space_before) ||
      (text_.is_punct(k + 1, '-') && !text_.token(k + 1).space_before)) {
    return true;
  }
  const std::string_view w = text_.lower(k);
  if (in_list(w, List::kDeterminers)) return true;
  if (w == "and" || w == "or" || w == "but" || w == "that" || w == "to") return false;
  return !w.ends_with("ed") && !w.ends_with("ing") && !w.ends_with("s") && !is_preposition(w) &&
         !in_list(w, List::kPassiveAuxiliaries) && !in_list(w, List::kSpeechVerbs) &&
         !in_list(w, List::kReactionVerbs);
}

std::string_view SentenceReader::preposition_before_noun(std::size_t t) const {
  // Look through determiners, and through an adjective that follows one,
  // participles included ("over the unprecedented sanctions"), but not
  // through a verb ("on Tuesday ordered the expulsion").
  std::size_t k = t;
  for (int steps = 0; steps < 4 && k > 0; ++steps) {
    const std::size_t w = k - 1;
    if (!text_.is_word(w) || owner_[w] != kNone || is_preposition(text_.lower(w))) break;
    const bool determiner = in_list(text_.lower(w), List::kDeterminers);
    const bool adjective = w > 0 && word_in(w - 1, List::kDeterminers);
    if (!determiner && !adjective) break;
    --k;
  }
  if (k > 0 && text_.is_word(k - 1) && owner_[k - 1] == kNone &&
      is_preposition(text_.lower(k - 1))) {
    return text_.lower(k - 1);
  }
  return {};
}

bool SentenceReader::speech_clause_between(std::size_t from, std::size_t to) const {
  for (std::size_t k = from; k < to; ++k) {
    if (word_in(k, List::kReportingVerbs)) return true;
    if ((text_.is(k, "announced") || text_.is(k, "declared")) && text_.is(k + 1, "that")) {
      return true;
    }
  }
  return false;
}

std::size_t SentenceReader::owner_of(std::size_t m) const {
  if (m > 0 && mentions_[m - 1].possessive && mentions_[m - 1].after == mentions_[m].first) {
    return m - 1;
  }
  return m;
}

bool SentenceReader::is_subordinator(std::size_t k) const {
  if (!text_.is_word(k)) return false;
  if (text_.is(k, "as")) return k == 0 || text_.is_punct(k - 1, ',');
  return in_list(text_.lower(k), List::kSubordinators);
}

bool SentenceReader::set_off(std::size_t from, std::size_t to) const {
  for (std::size_t k = from + 1; k < to; ++k) {
    if (owner_[k] == kNone && (text_.is_punct(k, ',') || text_.is_punct(k, '"'))) return true;
  }
  return false;
}

bool SentenceReader::link(std::size_t a, std::size_t b, bool& conjunction) const {
  const std::size_t from = mentions_[a].after;
  const std::size_t to = mentions_[b].first;
  if (to <= from || to - from > 3) return false;
  bool has_conjunction = false;
  bool has_comma = false;
  for (std::size_t k = from; k < to; ++k) {
    if (text_.is_punct(k, ',')) {
      has_comma = true;
    } else if (text_.is(k, "and") || text_.is(k, "or") || text_.is_punct(k, '&')) {
      has_conjunction = true;
    } else if (text_.is(k, "as") && text_.is(k + 1, "well") && text_.is(k + 2, "as") &&
               k + 3 == to) {
      has_conjunction = true;
      break;
    } else if (!text_.is(k, "the")) {
      return false;
    }
  }
  if (!has_conjunction && !has_comma) return false;
  conjunction = conjunction || has_conjunction;
  return true;
}

}  // namespace demarche_actors
