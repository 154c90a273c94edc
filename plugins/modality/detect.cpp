#include "detect.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "clause.hpp"

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
  constexpr std::array<std::string_view, 18> kWords = {
      "will", "would", "could", "should", "can", "may",  "might", "shall", "does",
      "do",   "did",   "is",    "are",    "was", "were", "has",   "have",  "had"};
  return std::find(kWords.begin(), kWords.end(), t.text) != kWords.end();
}

// Auxiliaries that make a clause's event depend on a condition that follows
// ("will impose ... if"); past tenses do not ("imposed sanctions if" is rare
// and then usually habitual).
bool is_conditional_auxiliary(const Token& t) {
  if (!t.is_word()) return false;
  if (t.text == "may") return !t.capitalized;
  return t.text == "will" || t.text == "would" || t.text == "shall" || t.text == "could" ||
         t.text == "might" || t.text == "can" || t.text.ends_with("'ll") || t.text.ends_with("'d");
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
  if (!auxiliary) return std::nullopt;
  std::size_t words = 0;
  for (std::size_t i = last.last + 1; i < t.size() && words < 15; ++i) {
    if (t[i].kind == Token::Kind::kStop) break;
    if (!t[i].is_word()) continue;
    ++words;
    const bool next_clause = a.clause[i] != a.clause[last.last];
    const bool conditional = (next_clause && (t[i].text == "if" || t[i].text == "unless")) ||
                             ((t[i].text == "provided" || t[i].text == "providing") &&
                              i + 1 < t.size() && t[i + 1].is("that"));
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

// Rule 3, the other order: "If Syldavia invades, the bloc will impose
// sanctions", "Valdoria, if attacked, will withdraw ...". The if-clause ends
// at its comma (clause.hpp), so its "if" is no cue in the main clause; the
// main clause is conditional when the nearest other clause before the match
// opened with "if" or "unless", and the main clause has a modal or future
// auxiliary before the match's last piece.
std::optional<Finding> condition_before(const Analysis& a, const Piece& first, const Piece& last) {
  const auto& t = a.tokens;
  const int own = a.clause[first.first];
  std::optional<std::size_t> auxiliary;
  for (std::size_t i = a.clause_start[first.first]; i < last.first; ++i) {
    if (a.clause[i] == own && is_conditional_auxiliary(t[i])) auxiliary = i;
  }
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

// Rule 4: a passive right after the match that says what became of it.
std::optional<Finding> passive_after(const Analysis& a, const Piece& last) {
  struct Participle {
    std::string_view words;  // one or two words
    Modality modality;
  };
  constexpr std::array<Participle, 27> kParticiples = {{
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
      {"sought", Modality::kDemanded},
  }};
  const auto& t = a.tokens;
  auto is_be = [](const Token& w) {
    return w.is("was") || w.is("were") || w.is("is") || w.is("are") || w.is("been") || w.is("be") ||
           w.is("being");
  };
  std::size_t words = 0;
  for (std::size_t i = last.last + 1; i < t.size() && words < 8; ++i) {
    if (a.clause[i] != a.clause[last.last]) break;
    if (!t[i].is_word()) continue;
    ++words;
    if (!is_be(t[i])) continue;
    std::size_t p = i + 1;
    while (p < t.size() && t[p].is_word() && (is_be(t[p]) || is_transparent(t[p].text))) ++p;
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
          word_matches("entry|visas|visa|access|permission|accreditation", t[end + 1].text)) {
        continue;
      }
      return make_finding(a, part.modality, i, end);
    }
  }
  return std::nullopt;
}

// Irregular past participles common in these events ("assets frozen").
bool is_irregular_participle(std::string_view w) {
  constexpr std::array<std::string_view, 14> kWords = {
      "frozen", "taken", "withdrawn", "drawn", "thrown", "shut", "cut",
      "put",    "sent",  "brought",   "made",  "held",   "kept", "set"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Words after which a participle is a verb of its own clause, not a
// reduced relative: auxiliaries, negators, adverbs, subject pronouns.
bool governs_participle(std::string_view w) {
  constexpr std::array<std::string_view, 22> kWords = {
      "was", "were", "is",   "are", "be",  "been", "being", "has", "have", "had",   "get",
      "got", "it",   "they", "he",  "she", "we",   "i",     "you", "who",  "which", "that"};
  return is_transparent(w) || is_negator(w) ||
         std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Words that follow a reduced relative's participle rather than a finite
// verb's object: "assets frozen over the conflict", "envoys expelled in 2019".
bool follows_reduced_relative(std::string_view w) {
  constexpr std::array<std::string_view, 20> kWords = {
      "by",    "over",    "in",         "on",      "at",        "for",     "since",
      "after", "during",  "under",      "from",    "following", "against", "amid",
      "last",  "earlier", "previously", "because", "until",     "when"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
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
  if (i > 0 && t[i - 1].is_word() && word_matches("a|an|the|new|further", t[i - 1].text)) --i;
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
  // 2. A yes/no question.
  if (a.question && a.first_word < t.size() && is_question_opener(t[a.first_word]) &&
      !in_span[a.first_word]) {
    Finding f =
        make_finding(a, Modality::kHypothetical, a.first_word, a.first_word,
                     quote(a.original, t[a.first_word].begin, t[a.first_word].end) + " ... '?'");
    f.trigger = trigger_word(t, pieces.front().first);
    return f;
  }
  // 3. A condition after the clause; 4. a passive after the match.
  std::optional<Finding> f = condition_after(a, pieces.front(), pieces.back());
  if (!f) f = condition_before(a, pieces.front(), pieces.back());
  if (!f) f = passive_after(a, pieces.back());
  if (!f) return {};
  f->trigger = trigger_word(t, pieces.front().first);
  return *f;
}

}  // namespace demarche_modality
