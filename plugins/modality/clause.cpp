#include "clause.hpp"

#include <array>
#include <optional>
#include <string_view>

namespace demarche_modality {
namespace {

template <std::size_t N>
bool one_of(const std::string& word, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words) {
    if (word == w) return true;
  }
  return false;
}

// Words that open a clause of their own wherever they stand: coordinators of
// contrast and subordinators (whose clause is a separate proposition) and
// relative words (a relative clause says something about a noun, not about
// the main verb's event).
constexpr std::array<std::string_view, 18> kAlways = {
    "but",    "while", "whereas", "although", "though", "because", "after", "before", "until",
    "unless", "if",    "despite", "which",    "who",    "whom",    "whose", "where",  "then"};

// Openers of a subordinate, relative or participial clause: such a clause
// ends at its next comma ("After months of threats, Valdoria expelled ...",
// "Valdoria, which had threatened to act, imposed ..."), where a coordinated
// one runs on ("..., but did not, so far, expel").
constexpr std::array<std::string_view, 21> kSubordinate = {
    "while", "whereas", "although", "though",  "because", "after",    "before",
    "until", "unless",  "if",       "despite", "which",   "who",      "whom",
    "whose", "where",   "as",       "since",   "when",    "whenever", "once"};

// Words that open a clause after a comma, where without one they are usually
// part of a phrase ("sanctions and bans", "such as", "since 2014").
constexpr std::array<std::string_view, 11> kAfterComma = {
    "and", "or", "nor", "yet", "so", "as", "since", "when", "whenever", "once", "even"};

// Adverbs allowed between "and" and a coordinated past-tense verb.
constexpr std::array<std::string_view, 8> kCoordinatedAdverbs = {
    "then", "later", "also", "subsequently", "finally", "eventually", "promptly", "immediately"};

// Irregular past tenses common in diplomatic reporting.
constexpr std::array<std::string_view, 26> kIrregularPast = {
    "froze", "withdrew", "threw", "drew", "took", "broke",  "cut",     "sent",    "told",
    "gave",  "kept",     "shut",  "made", "said", "left",   "began",   "put",     "brought",
    "won",   "lost",     "met",   "led",  "held", "struck", "slapped", "summoned"};

bool looks_past_tense(const std::string& word) {
  return (word.size() >= 4 && word.ends_with("ed")) || one_of(word, kIrregularPast);
}

bool is_participle(const std::string& word) {
  return word.size() >= 6 && word.ends_with("ing");
}

// ", as well as" adds to a list: it neither opens a clause nor ends a
// subordinate one ("which it hoped would lead to X, as well as Y").
bool is_as_well_as(const std::vector<Token>& tokens, std::size_t i) {
  return i + 2 < tokens.size() && tokens[i].is("as") && tokens[i + 1].is("well") &&
         tokens[i + 2].is("as");
}

// Whether a new clause begins at word token `i`.
bool opens_clause(const std::vector<Token>& tokens, std::size_t i) {
  const Token& t = tokens[i];
  const bool after_comma = i > 0 && tokens[i - 1].kind == Token::Kind::kComma;
  if (one_of(t.text, kAlways)) return true;
  // ", so far," is an adverb, not a result clause.
  const bool so_far = t.is("so") && i + 1 < tokens.size() && tokens[i + 1].is("far");
  if (after_comma && !so_far && !is_as_well_as(tokens, i) &&
      (one_of(t.text, kAfterComma) || is_participle(t.text))) {
    return true;
  }
  if (t.is("and")) {
    std::size_t j = i + 1;
    if (j < tokens.size() && tokens[j].is_word() && one_of(tokens[j].text, kCoordinatedAdverbs)) {
      ++j;
    }
    return j < tokens.size() && tokens[j].is_word() && looks_past_tense(tokens[j].text);
  }
  return false;
}

}  // namespace

std::vector<int> clause_numbers(const std::vector<Token>& tokens) {
  std::vector<int> clause(tokens.size(), 0);
  int current = 0;
  int next_number = 1;
  enum class Break { kNone, kStop, kComma };
  Break pending = Break::kNone;  // how the previous token ended the clause, if it did
  bool ends_at_comma = false;    // the current clause is subordinate (kSubordinate)
  std::optional<int> resume;     // the clause a parenthetical interrupted
  bool first_word = true;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const bool after_comma = i > 0 && tokens[i - 1].kind == Token::Kind::kComma;
    const bool opens = t.is_word() && !first_word && opens_clause(tokens, i);
    bool started = first_word && t.is_word();
    if (pending == Break::kComma && resume && !opens) {
      // ", which had threatened to act," ends: the interrupted clause goes on.
      current = *resume;
      resume.reset();
      ends_at_comma = false;
    } else if (pending != Break::kNone || opens) {
      const int outer = current;
      current = next_number++;
      started = true;
      // A subordinate clause opened after a comma inside another clause is
      // a parenthetical: when it ends at its comma, the other clause resumes.
      const bool parenthetical = opens && after_comma && pending == Break::kNone;
      resume.reset();
      if (parenthetical && one_of(t.text, kSubordinate)) resume = outer;
      if (parenthetical && is_participle(t.text)) resume = outer;
    }
    if (started) {
      ends_at_comma = t.is_word() && (one_of(t.text, kSubordinate) ||
                                      (after_comma && opens && is_participle(t.text)));
    }
    if (t.is_word()) first_word = false;
    pending = Break::kNone;
    if (t.kind == Token::Kind::kStop) {
      pending = Break::kStop;
      resume.reset();
    } else if (t.kind == Token::Kind::kComma && ends_at_comma && !is_as_well_as(tokens, i + 1)) {
      pending = Break::kComma;
    }
    if (pending != Break::kNone) ends_at_comma = false;
    clause[i] = current;
  }
  return clause;
}

}  // namespace demarche_modality
