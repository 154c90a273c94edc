#include "detect.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "clause.hpp"
#include "word_sets.hpp"

namespace demarche_modality {
namespace {

struct Piece {
  std::size_t first = 0;  // tokens of one matched span, inclusive
  std::size_t last = 0;
};

std::string quote(std::string_view original, std::size_t begin, std::size_t end) {
  // Appended rather than `"'" + std::string(...)`: GCC 12 at -O3 reports a
  // false -Wrestrict on the latter.
  std::string out = "'";
  out += original.substr(begin, end - begin);
  out += '\'';
  return out;
}

Finding make_finding(const Analysis& a, Modality m, std::size_t first, std::size_t last,
                     std::string how = {}) {
  const demarche::Span span{a.tokens[first].begin, a.tokens[last].end};
  if (how.empty()) how = quote(a.original, span.begin, span.end);
  return Finding{m, span, std::string(name(m)) + ": " + how, {}};
}

bool is_question_opener(const Token& t) {
  return in_set(t.text, WordSet::kQuestionOpeners);
}

// Auxiliaries that make a clause's event depend on a condition that follows
// ("will impose ... if"); past tenses do not ("imposed sanctions if" is rare
// and then usually habitual).
bool is_conditional_auxiliary(const Token& t) {
  if (!t.is_word()) return false;
  if (t.is("may")) return !t.capitalized;
  return t.is("will") || t.is("would") || t.is("shall") || t.is("could") || t.is("might") ||
         t.is("can") || t.text.ends_with("'ll") || t.text.ends_with("'d");
}

// Rule 3: "... will impose sanctions if ...". The condition opens the next
// clause ("if" and "unless" always open one, clause.hpp), or is "provided
// that" later in the same clause.
std::optional<Finding> condition_after(const Analysis& a, const Piece& first, const Piece& last) {
  const auto& t = a.tokens;
  std::optional<std::size_t> auxiliary;
  for (std::size_t i = a.clause_start[first.first]; i <= last.last; ++i) {
    if (a.clause[i] == a.clause[first.first] && is_conditional_auxiliary(t[i])) auxiliary = i;
  }
  // The event as the subject of a passive: "an embargo would be declared
  // unless ...". Only a passive: in "the sanctions will stay unless
  // ..." the sanctions are in force and the condition is on their staying.
  const std::size_t after = last.last + 1;
  if (!auxiliary && after + 2 < t.size() && is_conditional_auxiliary(t[after]) &&
      t[after + 1].is("be") && t[after + 2].is_word() &&
      (t[after + 2].text.ends_with("ed") || t[after + 2].text.ends_with("en"))) {
    auxiliary = after;
  }
  if (!auxiliary) return std::nullopt;
  std::size_t words = 0;
  for (std::size_t i = last.last + 1; i < t.size() && words < 15; ++i) {
    if (t[i].kind == Token::Kind::kStop) break;
    if (!t[i].is_word()) continue;
    ++words;
    const bool next_clause = a.clause[i] != a.clause[last.last];
    const bool conditional =
        (next_clause && (t[i].is("if") || t[i].is("unless"))) ||
        ((t[i].is("provided") || t[i].is("providing")) && i + 1 < t.size() && t[i + 1].is("that"));
    const bool concessive = i > 0 && (t[i - 1].is("even") || t[i - 1].is("as"));
    if (conditional && !concessive) {
      const std::string how = quote(a.original, t[*auxiliary].begin, t[*auxiliary].end) + " ... " +
                              quote(a.original, t[i].begin, t[i].end);
      return make_finding(a, Modality::kHypothetical, i, i, how);
    }
    if (next_clause) break;
  }
  return std::nullopt;
}

// The last modal or future auxiliary of the match's clause before its last
// piece ("will", "would", ...), which makes the clause depend on a condition.
std::optional<std::size_t> clause_auxiliary(const Analysis& a, const Piece& first,
                                            const Piece& last) {
  const int own = a.clause[first.first];
  std::optional<std::size_t> auxiliary;
  for (std::size_t i = a.clause_start[first.first]; i < last.first; ++i) {
    if (a.clause[i] == own && is_conditional_auxiliary(a.tokens[i])) auxiliary = i;
  }
  return auxiliary;
}

// Rule 3, the other order: "If Syldavia invades, the bloc will impose
// sanctions", "Valdoria, if attacked, will withdraw ...". The if-clause ends
// at its comma (clause.hpp), so its "if" is no cue in the main clause; the
// main clause is conditional when the nearest other clause before the match
// opened with "if" or "unless", and the main clause has a modal or future
// auxiliary before the match's last piece.
std::optional<Finding> condition_before(const Analysis& a, const Piece& first, const Piece& last) {
  const auto& t = a.tokens;
  const int own = a.clause[first.first];
  const std::optional<std::size_t> auxiliary = clause_auxiliary(a, first, last);
  if (!auxiliary) return std::nullopt;
  for (std::size_t i = first.first; i-- > 0;) {
    if (a.clause[i] == own || t[i].kind == Token::Kind::kComma) continue;
    if (t[i].kind == Token::Kind::kStop) return std::nullopt;
    std::size_t opener = a.clause_start[i];
    while (opener < t.size() && !t[opener].is_word()) ++opener;
    if (opener >= t.size() || !(t[opener].is("if") || t[opener].is("unless"))) return std::nullopt;
    const std::string how = quote(a.original, t[opener].begin, t[opener].end) + " ... " +
                            quote(a.original, t[*auxiliary].begin, t[*auxiliary].end);
    return make_finding(a, Modality::kHypothetical, opener, opener, how);
  }
  return std::nullopt;
}

bool is_be(const Token& w) {
  return w.is("was") || w.is("were") || w.is("is") || w.is("are") || w.is("been") || w.is("be") ||
         w.is("being");
}

// Adverbs of a generic statement: "such bans are typically aimed at ...".
bool is_generic_adverb(const Token& w) {
  return w.is_word() && in_set(w.text, WordSet::kGenericAdverbs);
}

// Rules 4 and 5: the match as the subject of a supposition, or a passive
// right after the match that says what became of it
// ("were denied", "were vetoed"), or a prediction or option of it ("more
// sanctions are expected", "a pullout is being weighed", "sanctions are
// likely").
std::optional<Finding> passive_after(const Analysis& a, const Piece& last) {
  struct Participle {
    std::string_view words;  // one or two words
    Modality modality;
  };
  constexpr std::array<Participle, 42> kParticiples = {{
      {"denied", Modality::kNegated},        {"refuted", Modality::kNegated},
      {"vetoed", Modality::kNegated},        {"blocked", Modality::kNegated},
      {"lifted", Modality::kNegated},        {"eased", Modality::kNegated},
      {"reversed", Modality::kNegated},      {"overturned", Modality::kNegated},
      {"rescinded", Modality::kNegated},     {"scrapped", Modality::kNegated},
      {"shelved", Modality::kNegated},       {"cancelled", Modality::kNegated},
      {"canceled", Modality::kNegated},      {"postponed", Modality::kNegated},
      {"called off", Modality::kNegated},    {"ruled out", Modality::kNegated},
      {"threatened", Modality::kThreatened}, {"proposed", Modality::kThreatened},
      {"planned", Modality::kThreatened},    {"considered", Modality::kThreatened},
      {"mooted", Modality::kThreatened},     {"discussed", Modality::kThreatened},
      {"demanded", Modality::kDemanded},     {"requested", Modality::kDemanded},
      {"called for", Modality::kDemanded},   {"urged", Modality::kDemanded},
      {"sought", Modality::kDemanded},       {"recommended", Modality::kDemanded},
      {"expected", Modality::kThreatened},   {"anticipated", Modality::kThreatened},
      {"predicted", Modality::kThreatened},  {"forecast", Modality::kThreatened},
      {"envisaged", Modality::kThreatened},  {"weighed", Modality::kThreatened},
      {"mulled", Modality::kThreatened},     {"debated", Modality::kThreatened},
      {"floated", Modality::kThreatened},    {"suggested", Modality::kThreatened},
      {"likely", Modality::kThreatened},     {"possible", Modality::kThreatened},
      {"imminent", Modality::kThreatened},   {"unlikely", Modality::kNegated},
  }};
  const auto& t = a.tokens;
  std::size_t words = 0;
  for (std::size_t i = last.last + 1; i < t.size() && words < 8; ++i) {
    if (a.clause[i] != a.clause[last.last]) break;
    if (!t[i].is_word()) continue;
    ++words;
    if (in_set(t[i].text, WordSet::kRelativePronouns)) break;
    // The match as the subject of a supposition: "an expulsion of the envoys
    // would be a mistake", "a boycott would have hurt the farmers".
    // Not "the pull-out would be finished by May": a participle after "would
    // be" tells when or how the event happens, not whether.
    const bool participle_next =
        i + 2 < t.size() && t[i + 1].is("be") && in_set(t[i + 2].text, WordSet::kCompletionWords);
    if (words <= 3 && in_set(t[i].text, WordSet::kSuppositionModals) && i + 1 < t.size() &&
        in_set(t[i + 1].text, WordSet::kBeOrHave) && !(t[i].is("would") && participle_next)) {
      // "might be put in place" is a possibility, as for every could/might.
      return make_finding(a, t[i].is("would") ? Modality::kHypothetical : Modality::kThreatened, i,
                          i + 1);
    }
    if (!is_be(t[i])) continue;
    std::size_t p = i + 1;
    while (p < t.size() && t[p].is_word() && (is_be(t[p]) || is_transparent(t[p].text))) ++p;
    // "Such bans are typically aimed at ...": what a measure is for, said in
    // general. Other verbs after the adverb ("sanctions imposed in May are
    // usually renewed") say something general about measures in force.
    if (p + 1 < t.size() && is_generic_adverb(t[p]) && t[p + 1].is_word() &&
        in_set(t[p + 1].text, WordSet::kPurposeParticiples)) {
      return make_finding(a, Modality::kHypothetical, i, p + 1);
    }
    for (const Participle& part : kParticiples) {
      const std::size_t space = part.words.find(' ');
      const std::string_view w1 = part.words.substr(0, space);
      if (p >= t.size() || !t[p].is(w1)) continue;
      std::size_t end = p;
      if (space != std::string_view::npos) {
        if (p + 1 >= t.size() || !t[p + 1].is(part.words.substr(space + 1))) continue;
        end = p + 1;
      }
      // "were denied entry" is a sanction, not a denial.
      if (end + 1 < t.size() && t[end + 1].is_word() &&
          in_set(t[end + 1].text, WordSet::kDeniedThings)) {
        continue;
      }
      // "The pullout is expected to end by June" predicts what
      // follows from the event, not the event; "sanctions are expected to be
      // imposed" predicts the event itself.
      if (in_set(part.words, WordSet::kPredictionParticiples) && end + 2 < t.size() &&
          t[end + 1].is("to") && !t[end + 2].is("be")) {
        continue;
      }
      return make_finding(a, part.modality, i, end);
    }
  }
  return std::nullopt;
}

// Rule 6: words after the match, in its clause, that make it one option
// among others or a supposition rather than an event:
//   "a drawdown among other options", "sanctions remain on the table",
//   "... under consideration", "could be imposed" -> threatened;
//   "sanctions against Valdoria would have wrecked the ceasefire" (the event
//   as the subject of a counterfactual), "is only lawful with ..." (a
//   condition stated in general) -> hypothetical;
//   "an embargo would cripple its economy" (an indefinite event as the
//   subject of would, could or might, not of a passive: "new sanctions
//   would be announced" is a reported decision) -> threatened.
std::optional<Finding> after_match(const Analysis& a, const Piece& first, const Piece& last) {
  const auto& t = a.tokens;
  const int own = a.clause[last.last];
  auto indefinite_word = [&](std::size_t i) {
    return t[i].is_word() && in_set(t[i].text, WordSet::kIndefiniteWords);
  };
  const bool indefinite =
      indefinite_word(first.first) || (first.first > 0 && indefinite_word(first.first - 1));
  std::size_t words = 0;
  bool relative = false;  // a "that" between: "sanctions that would have ..." describes them
  for (std::size_t i = last.last + 1; i < t.size() && words < 8; ++i) {
    if (t[i].kind == Token::Kind::kStop || a.clause[i] != own) break;
    if (!t[i].is_word()) continue;
    ++words;
    if (t[i].is("that")) relative = true;
    if (words <= 3 && !relative && i + 1 < t.size() &&
        in_set(t[i].text, WordSet::kSuppositionModals)) {
      if (t[i + 1].is("have")) return make_finding(a, Modality::kHypothetical, i, i + 1);
      if (indefinite && t[i + 1].is_word() && !in_set(t[i + 1].text, WordSet::kNotASupposition)) {
        return make_finding(a, Modality::kThreatened, i, i);
      }
      // "Sanctions against Valdoria could be imposed next week": the event
      // brought about only possibly. Not "would" (a reported decision), and
      // only verbs that bring the event about: "the sanctions could be
      // lifted" speaks of sanctions in force.
      if (!t[i].is("would") && t[i + 1].is("be") && i + 2 < t.size() && t[i + 2].is_word() &&
          in_set(t[i + 2].text, WordSet::kBringingAboutParticiples)) {
        return make_finding(a, Modality::kThreatened, i, i + 2);
      }
    }
    // "A pullout is only lawful with parliament's approval": a condition
    // stated in general.
    if (t[i].is("only") && i > 0 && is_be(t[i - 1]) && i + 1 < t.size() && t[i + 1].is_word() &&
        in_set(t[i + 1].text, WordSet::kConditionAdjectives)) {
      return make_finding(a, Modality::kHypothetical, i, i + 1);
    }
    if (in_set(t[i].text, WordSet::kOptionNouns) && !(i > 0 && t[i - 1].is("no"))) {
      return make_finding(a, Modality::kThreatened, i, i);
    }
    if (i + 2 < t.size() && t[i].is("on") && t[i + 1].is("the") && t[i + 2].is("table")) {
      return make_finding(a, Modality::kThreatened, i, i + 2);
    }
    if (i + 1 < t.size() && t[i].is("under") && in_set(t[i + 1].text, WordSet::kUnderNouns)) {
      return make_finding(a, Modality::kThreatened, i, i + 1);
    }
    if (i + 2 < t.size() && t[i].is("in") && t[i + 1].is("the") &&
        in_set(t[i + 2].text, WordSet::kInTheNouns)) {
      return make_finding(a, Modality::kThreatened, i, i + 2);
    }
  }
  return std::nullopt;
}

// Rule 7: a report of the event called false: "called reports that
// Valdoria had expelled two envoys baseless", "claims that ... are untrue".
// A report noun followed by "that" stands before the match in its clause and
// a word of falsity after it.
std::optional<Finding> false_report(const Analysis& a, const Piece& first, const Piece& last) {
  const auto& t = a.tokens;
  const int own = a.clause[first.first];
  bool reported = false;
  for (std::size_t i = a.clause_start[first.first]; i + 1 < first.first; ++i) {
    // The cheap test first: this runs for every asserted match.
    if (t[i + 1].is("that") && a.clause[i] == own && t[i].is_word() &&
        in_set(t[i].text, WordSet::kReportNouns)) {
      reported = true;
    }
  }
  if (!reported) return std::nullopt;
  std::size_t words = 0;
  for (std::size_t i = last.last + 1; i < t.size() && words < 12; ++i) {
    if (t[i].kind == Token::Kind::kStop) break;
    if (a.clause[i] != own || !t[i].is_word()) continue;
    ++words;
    if (in_set(t[i].text, WordSet::kFalsityWords)) {
      return make_finding(a, Modality::kNegated, i, i);
    }
  }
  return std::nullopt;
}

// Rule 3, a third form: a modal or future auxiliary and an object that is
// anyone who meets a condition: "would expel any foreign monitors found
// meddling", "will expel any diplomat who meets ...", "will recall whoever
// ...". The relative clause or participle is the condition.
std::optional<Finding> any_condition(const Analysis& a, const Piece& first, const Piece& last) {
  const auto& t = a.tokens;
  const std::optional<std::size_t> auxiliary = clause_auxiliary(a, first, last);
  if (!auxiliary) return std::nullopt;
  std::size_t after = 0;
  for (std::size_t i = first.first; i < t.size() && after < 4; ++i) {
    if (t[i].kind == Token::Kind::kStop) break;
    if (!t[i].is_word()) continue;
    if (i > last.last) ++after;
    bool conditional = in_set(t[i].text, WordSet::kFreeRelatives);
    if (t[i].is("any")) {
      std::size_t seen = 0;
      for (std::size_t j = i + 1; j < t.size() && seen < 5 && !conditional; ++j) {
        if (t[j].kind == Token::Kind::kStop) break;
        if (!t[j].is_word()) continue;
        ++seen;
        const std::string& w = t[j].text;
        conditional =
            in_set(w, WordSet::kConditionOpeners) && !(w.size() < 6 && w.ends_with("ing"));
      }
    }
    if (conditional) {
      const std::string how = quote(a.original, t[*auxiliary].begin, t[*auxiliary].end) + " ... " +
                              quote(a.original, t[i].begin, t[i].end);
      return make_finding(a, Modality::kHypothetical, i, i, how);
    }
  }
  return std::nullopt;
}

// Rule 8: an announced or decided event called off in the next clause:
// "said it would quit the pact, but it rescinded the decision a day
// later". Only for an announcement or decision, so that a reversal of
// something done ("expelled the envoys but later reversed the order") does
// not undo the report that it was done.
std::optional<Finding> reversed_later(const Analysis& a, const Piece& first, const Piece& last) {
  const auto& t = a.tokens;
  const int own = a.clause[first.first];
  // The next clause first, as it rarely opens with "but" or "and": this runs
  // for every asserted match.
  std::size_t next = last.last + 1;
  while (next < t.size() && (a.clause[next] == a.clause[last.last] || !t[next].is_word())) {
    if (t[next].kind == Token::Kind::kStop) return std::nullopt;
    ++next;
  }
  if (next >= t.size() || !(t[next].is("but") || t[next].is("and"))) return std::nullopt;
  bool announced = false;
  for (std::size_t i = a.clause_start[first.first]; i < first.first && !announced; ++i) {
    announced =
        a.clause[i] == own && t[i].is_word() && in_set(t[i].text, WordSet::kAnnouncementVerbs);
  }
  if (!announced) return std::nullopt;
  std::size_t words = 0;
  for (std::size_t i = next + 1; i < t.size() && words < 4; ++i) {
    if (t[i].kind == Token::Kind::kStop || a.clause[i] != a.clause[next]) break;
    if (!t[i].is_word()) continue;
    ++words;
    if (in_set(t[i].text, WordSet::kBacktrackingVerbs)) {
      return make_finding(a, Modality::kNegated, i, i);
    }
    if (!in_set(t[i].text, WordSet::kReversalVerbs)) {
      continue;
    }
    for (std::size_t j = i + 1; j < t.size() && j <= i + 3; ++j) {
      if (t[j].is_word() && in_set(t[j].text, WordSet::kReversedObjects)) {
        return make_finding(a, Modality::kNegated, i, j);
      }
    }
  }
  return std::nullopt;
}

// Nouns of texts and statements, whose relative clause says what the text
// would do: "preparing a declaration which condemns ...", "vetoed a resolution
// that condemned ...". A cue on the noun is a cue on what the text says.
bool is_text_noun(const Token& w) {
  return w.is_word() && in_set(w.text, WordSet::kTextNouns);
}

// The text noun whose relative clause (opened by "which" or "that" at most
// three words before the match) holds the match, if there is one.
std::optional<std::size_t> text_head(const Analysis& a, std::size_t first) {
  const auto& t = a.tokens;
  std::size_t words = 0;
  for (std::size_t i = first; i-- > 0 && words < 4;) {
    if (t[i].kind == Token::Kind::kStop) return std::nullopt;
    if (!t[i].is_word()) continue;
    if (t[i].is("which") || t[i].is("that")) {
      std::size_t h = i;
      while (h > 0 && t[h - 1].kind == Token::Kind::kComma) --h;
      if (h == 0 || !is_text_noun(t[h - 1])) return std::nullopt;
      return h - 1;
    }
    ++words;
  }
  return std::nullopt;
}

// Irregular past participles common in these events ("assets frozen").
bool is_irregular_participle(std::string_view w) {
  return in_set(w, WordSet::kIrregularParticiples);
}

// Words after which a participle is a verb of its own clause, not a
// reduced relative: auxiliaries, negators, adverbs, subject pronouns.
bool governs_participle(std::string_view w) {
  return is_transparent(w) || is_negator(w) || in_set(w, WordSet::kParticipleGovernors);
}

// Words that follow a reduced relative's participle rather than a finite
// verb's object: "assets frozen over the conflict", "envoys expelled in 2019".
bool follows_reduced_relative(std::string_view w) {
  return in_set(w, WordSet::kReducedRelativeFollowers);
}

// Whether token `i` is the participle of a reduced relative clause, as in
// "Valdorian assets frozen over the dispute": a past participle right after
// a lower-case word that is not an auxiliary or a pronoun, followed by a
// preposition, punctuation or the end. Such a participle describes a state
// that already holds, whatever the clause around the noun supposes ("if
// Ostrelia seizes Valdorian assets frozen over ..."). A capitalised word
// before it is taken for a subject ("Valdoria expelled ..."), and a word
// after it other than a preposition for an object ("the ministry expelled
// two envoys").
bool is_reduced_relative(const std::vector<Token>& t, std::size_t i) {
  if (i == 0 || !t[i].is_word()) return false;
  const std::string& w = t[i].text;
  if (!((w.size() >= 5 && w.ends_with("ed")) || is_irregular_participle(w))) return false;
  const Token& before = t[i - 1];
  if (!before.is_word() || before.capitalized || governs_participle(before.text)) return false;
  return i + 1 == t.size() || !t[i + 1].is_word() || follows_reduced_relative(t[i + 1].text);
}

// The trigger's verb: its first word, or the next one after an infinitive "to".
std::string trigger_word(const std::vector<Token>& t, std::size_t i) {
  if (t[i].is("to") && i + 1 < t.size() && t[i + 1].is_word()) return t[i + 1].text;
  return t[i].text;
}

// The tokens each span covers, in sentence order; marks them in `in_span`.
std::vector<Piece> pieces_of(const Analysis& a, const std::vector<demarche::Span>& spans,
                             std::vector<bool>* in_span) {
  const auto& t = a.tokens;
  std::vector<Piece> pieces;
  for (const demarche::Span& s : spans) {
    std::optional<Piece> piece;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i].begin < s.end && s.begin < t[i].end) {
        if (in_span != nullptr) (*in_span)[i] = true;
        if (!piece) piece = Piece{i, i};
        piece->last = i;
      }
    }
    if (piece) pieces.push_back(*piece);
  }
  std::sort(pieces.begin(), pieces.end(),
            [](const Piece& x, const Piece& y) { return x.first < y.first; });
  return pieces;
}

}  // namespace

bool shares_modality(const Analysis& a, const std::vector<demarche::Span>& outer,
                     const std::vector<demarche::Span>& inner) {
  const std::vector<Piece> first = pieces_of(a, outer, nullptr);
  const std::vector<Piece> second = pieces_of(a, inner, nullptr);
  if (first.empty() || second.empty()) return false;
  // Inside: "did not impose [economic sanctions]" matched as a whole by one
  // rule and in part by another.
  if (second.front().first >= first.front().first && second.back().last <= first.back().last) {
    return true;
  }
  // Coordinated after it: "failed to impose an arms embargo and [targeted
  // sanctions]", perhaps after a determiner ("and an asset freeze").
  const auto& t = a.tokens;
  std::size_t i = second.front().first;
  if (i > 0 && t[i - 1].is_word() && in_set(t[i - 1].text, WordSet::kCoordinationDeterminers)) {
    --i;
  }
  if (i < 2 || !(t[i - 1].is("and") || t[i - 1].is("or"))) return false;
  return first.back().last == i - 2;
}

Analysis analyse(std::string_view original) {
  Analysis a;
  a.original = original;
  a.tokens = tokenize(original);
  a.clause = clause_numbers(a.tokens);
  a.clause_start.resize(a.tokens.size());
  // The first token of each clause number (a resumed clause keeps its start).
  std::vector<std::size_t> first_of;
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    const auto number = static_cast<std::size_t>(a.clause[i]);
    if (number >= first_of.size()) first_of.resize(number + 1, a.tokens.size());
    if (first_of[number] == a.tokens.size()) first_of[number] = i;
    a.clause_start[i] = first_of[number];
  }
  while (a.first_word < a.tokens.size() && !a.tokens[a.first_word].is_word()) ++a.first_word;
  a.question = ends_with_question_mark(original);
  return a;
}

Finding detect(const Analysis& a, const CueTable& cues, const std::vector<demarche::Span>& spans) {
  const auto& t = a.tokens;
  std::vector<bool> in_span(t.size(), false);
  const std::vector<Piece> pieces = pieces_of(a, spans, &in_span);
  if (pieces.empty()) return {};

  // 0. A match that ends in a reduced relative ("assets frozen over ...")
  // states a fact: only cues between its own pieces can touch it.
  const bool state = is_reduced_relative(t, pieces.back().first);

  // 1. Cues left of each piece, in its clause: the gap before the last piece
  // first, since that is usually nearest the verb.
  for (std::size_t k = pieces.size(); k-- > (state ? 1 : 0);) {
    const std::size_t trigger = pieces[k].first;
    std::size_t lower = k == 0 ? a.clause_start[trigger] : pieces[k - 1].last + 1;
    lower = std::max(lower, a.clause_start[trigger]);
    const Window w{&t, &in_span, &a.clause, a.first_word, lower, trigger};
    if (const std::optional<CueMatch> m = cues.nearest(w)) {
      Finding f = make_finding(a, m->modality, m->first, m->last);
      f.trigger = trigger_word(t, trigger);
      return f;
    }
  }
  if (state) return {};
  // 1b. A relative clause of a text: the cue on the text ("is preparing a
  // declaration which condemns ...", "vetoed a resolution that condemned").
  if (const std::optional<std::size_t> head = text_head(a, pieces.front().first)) {
    const Window w{&t, &in_span, &a.clause, a.first_word, a.clause_start[*head], *head};
    if (const std::optional<CueMatch> m = cues.nearest(w)) {
      Finding f = make_finding(a, m->modality, m->first, m->last);
      f.trigger = trigger_word(t, pieces.front().first);
      return f;
    }
  }
  // 2. A yes/no question.
  if (a.question && a.first_word < t.size() && is_question_opener(t[a.first_word]) &&
      !in_span[a.first_word]) {
    Finding f =
        make_finding(a, Modality::kHypothetical, a.first_word, a.first_word,
                     quote(a.original, t[a.first_word].begin, t[a.first_word].end) + " ... '?'");
    f.trigger = trigger_word(t, pieces.front().first);
    return f;
  }
  // 3. A condition after the clause, before it, or in an "any ..." object;
  // 4 and 5. a supposition or a passive after the match.
  std::optional<Finding> f = condition_after(a, pieces.front(), pieces.back());
  if (!f) f = condition_before(a, pieces.front(), pieces.back());
  if (!f) f = any_condition(a, pieces.front(), pieces.back());
  if (!f) f = passive_after(a, pieces.back());
  // 6. Options and suppositions after the match; 7. a report called false;
  // 8. an announcement called off.
  if (!f) f = after_match(a, pieces.front(), pieces.back());
  if (!f) f = false_report(a, pieces.front(), pieces.back());
  if (!f) f = reversed_later(a, pieces.front(), pieces.back());
  if (!f) return {};
  f->trigger = trigger_word(t, pieces.front().first);
  return *f;
}

}  // namespace demarche_modality
