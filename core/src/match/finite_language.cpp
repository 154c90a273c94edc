#include "match/finite_language.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>
#include <unordered_map>

namespace demarche::match {

namespace {

using Strings = std::vector<SetString>;

constexpr std::size_t kMaxNesting = 200;     // groups within groups: deeper is refused
constexpr std::size_t kMaxClassOthers = 64;  // non-ASCII members of one class
constexpr std::size_t kMaxSets = kTail;      // distinct sets: below the bit that marks a run

CharSet single(unsigned char c) {
  CharSet set;
  set.set(c);
  return set;
}

CharSet digits() {
  CharSet set;
  for (unsigned char c = '0'; c <= '9'; ++c) set.set(c);
  return set;
}

CharSet word_chars() {
  CharSet set = digits();
  for (unsigned char c = 'a'; c <= 'z'; ++c) set.set(c).set(c - 'a' + 'A');
  set.set('_');
  return set;
}

// RE2's \s: [\t\n\f\r ] (no \v).
CharSet space_chars() {
  CharSet set;
  for (const unsigned char c : {'\t', '\n', '\f', '\r', ' '}) set.set(c);
  return set;
}

// Adds the other case of every ASCII letter in `set`. RE2 also folds 'k'
// and 's' to U+212A and U+017F: literal_piece.cpp hands text holding those
// to the regex.
CharSet fold_case(CharSet set) {
  for (unsigned char c = 'a'; c <= 'z'; ++c) {
    const auto upper = static_cast<unsigned char>(c - 'a' + 'A');
    if (set.test(c) || set.test(upper)) set.set(c).set(upper);
  }
  return set;
}

// The byte a one-character escape such as \n stands for, or 0.
unsigned char control_escape(char c) {
  switch (c) {
    case 'a':
      return '\a';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case 'v':
      return '\v';
    default:
      return 0;
  }
}

// RE2's metacharacters, and the characters that start a quantifier.
bool is_special(unsigned char c) {
  static const std::array<bool, 256> table = [] {
    std::array<bool, 256> t{};
    for (const unsigned char m : std::string_view("\\.[](){}|*+?^$")) t[m] = true;
    return t;
  }();
  return table[c];
}

bool is_quantifier(unsigned char c) {
  return c == '?' || c == '*' || c == '+' || c == '{';
}

// What a backslash makes literal: any ASCII character but a letter, a
// digit or '_' (RE2 gives those meanings: \d, \pL, \x41, ...).
bool is_escapable(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x80 && !std::isalnum(u) && c != '_';
}

// The other case of a Latin-1 letter whose only case partner, in RE2's
// folding, is that letter: 0 for the rest, which keep their regex under
// (?i) (U+00B5 MICRO SIGN, U+00C5/U+00E5 and U+00FF fold to characters
// outside Latin-1, U+00DF has no simple partner here). The unit test checks
// every pair against RE2.
char32_t latin1_partner(char32_t cp) {
  if (cp == 0xC5 || cp == 0xE5 || cp == 0xD7 || cp == 0xF7) return 0;
  if (cp >= 0xC0 && cp <= 0xDE) return cp + 0x20;
  if (cp >= 0xE0 && cp <= 0xFE) return cp - 0x20;
  return 0;
}

// Characters that RE2's (?i) matches only to themselves, as the unit test
// checks: Latin-1's signs and punctuation (not U+00B5 MICRO SIGN) and the
// General Punctuation block (curly quotes, dashes).
bool is_caseless(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0xBF && cp != 0xB5) || cp == 0xD7 || cp == 0xF7 ||
         (cp >= 0x2000 && cp <= 0x206F);
}

std::string utf8_bytes(char32_t cp) {
  unsigned char bytes[4];
  std::size_t n = 0;
  if (cp < 0x80) {
    bytes[n++] = static_cast<unsigned char>(cp);
  } else if (cp < 0x800) {
    bytes[n++] = static_cast<unsigned char>(0xC0 | (cp >> 6));
    bytes[n++] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    bytes[n++] = static_cast<unsigned char>(0xE0 | (cp >> 12));
    bytes[n++] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
    bytes[n++] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
  } else {
    bytes[n++] = static_cast<unsigned char>(0xF0 | (cp >> 18));
    bytes[n++] = static_cast<unsigned char>(0x80 | ((cp >> 12) & 0x3F));
    bytes[n++] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
    bytes[n++] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
  }
  return std::string(reinterpret_cast<const char*>(bytes), n);
}

class Expander {
 public:
  Expander(std::string_view pattern, bool case_insensitive, const FiniteLimits& limits)
      : p_(pattern), case_insensitive_(case_insensitive), limits_(limits) {}

  std::optional<FiniteLanguage> run() {
    std::optional<Strings> out = alternation(0);
    if (!out || at_ != p_.size() || too_many_sets_) return std::nullopt;
    std::size_t positions = 0;
    for (const SetString& string : *out) positions += string.size();
    if (positions > limits_.max_positions) return std::nullopt;
    return FiniteLanguage{std::move(sets_), std::move(unicode_), std::move(*out)};
  }

 private:
  bool done() const { return at_ >= p_.size(); }
  char peek() const { return p_[at_]; }
  bool accept(std::string_view s) {
    if (p_.substr(at_, s.size()) != s) return false;
    at_ += s.size();
    return true;
  }

  std::optional<Strings> alternation(std::size_t depth) {
    std::optional<Strings> all = concatenation(depth);
    while (all && !done() && peek() == '|') {
      ++at_;
      std::optional<Strings> next = concatenation(depth);
      if (!next || all->size() + next->size() > limits_.max_strings) return std::nullopt;
      all->insert(all->end(), std::make_move_iterator(next->begin()),
                  std::make_move_iterator(next->end()));
    }
    return all;
  }

  std::optional<Strings> concatenation(std::size_t depth) {
    Strings out(1);  // the empty string
    while (!done() && peek() != '|' && peek() != ')') {
      if (accept("(?i)")) {
        case_insensitive_ = true;
        continue;
      }
      if (accept("(?-i)")) {
        case_insensitive_ = false;
        continue;
      }
      if (const std::optional<char16_t> plain = plain_character()) {
        // The common case, one literal character: appended in place.
        for (SetString& string : out) {
          if (string.size() >= limits_.max_length) return std::nullopt;
          string += *plain;
        }
        continue;
      }
      std::optional<Strings> atom = quantified(depth);
      if (!atom) return std::nullopt;
      if (atom->size() == 1) {  // most atoms are one character: append in place
        for (SetString& s : out) {
          if (s.size() + atom->front().size() > limits_.max_length) return std::nullopt;
          if (has_run(atom->front()) && has_run(s)) return std::nullopt;
          s += atom->front();
        }
        continue;
      }
      std::optional<Strings> joined = product(out, *atom);
      if (!joined) return std::nullopt;
      out = std::move(*joined);
    }
    return out;
  }

  // Every string of `a` followed by every string of `b`, `a` major: the
  // order in which backtracking tries them.
  std::optional<Strings> product(const Strings& a, const Strings& b) const {
    if (a.size() * b.size() > limits_.max_strings) return std::nullopt;
    Strings out;
    out.reserve(a.size() * b.size());
    for (const SetString& x : a) {
      for (const SetString& y : b) {
        if (x.size() + y.size() > limits_.max_length) return std::nullopt;
        if (has_run(y) && has_run(x)) return std::nullopt;  // one run a string
        out.push_back(x + y);
      }
    }
    return out;
  }

  std::optional<Strings> quantified(std::size_t depth) {
    std::optional<Strings> atom = this->atom(depth);
    if (!atom || done()) return atom;
    std::size_t min = 0;
    std::size_t max = 0;
    if (peek() == '?') {
      ++at_;
      min = 0;
      max = 1;
    } else if (peek() == '{') {
      if (!counted(&min, &max)) return std::nullopt;
    } else if (peek() == '*' || peek() == '+') {
      return tail(*atom);
    } else {
      return atom;
    }
    const bool lazy = !done() && peek() == '?';
    if (lazy) ++at_;
    if (!done() && (peek() == '?' || peek() == '*' || peek() == '+' || peek() == '{')) {
      return std::nullopt;
    }
    return repeat(*atom, min, max, lazy);
  }

  // X* or X+ where X is one position: a run (greedy only: a lazy one
  // would try the shortest run first). One a string, anywhere in it.
  std::optional<Strings> tail(const Strings& atom) {
    const bool plus = peek() == '+';
    ++at_;
    if (!done() && (peek() == '?' || peek() == '*' || peek() == '+' || peek() == '{')) {
      return std::nullopt;
    }
    if (atom.size() != 1 || atom.front().size() != 1 || has_run(atom.front())) {
      return std::nullopt;
    }
    const char16_t set = atom.front().front();
    SetString out;
    if (plus) out += set;
    out += static_cast<char16_t>(set | kTail);
    return Strings{out};
  }

  static bool has_run(const SetString& s) {
    return std::any_of(s.begin(), s.end(), [](char16_t id) { return (id & kTail) != 0; });
  }

  // {n} or {n,m}; {n,} is infinite and refused.
  bool counted(std::size_t* min, std::size_t* max) {
    ++at_;  // '{'
    auto number = [&](std::size_t* out) {
      const std::size_t start = at_;
      // RE2 reads "{01,2}" as literal text: a leading zero is no count.
      if (at_ + 1 < p_.size() && peek() == '0' &&
          std::isdigit(static_cast<unsigned char>(p_[at_ + 1]))) {
        return false;
      }
      *out = 0;
      while (!done() && std::isdigit(static_cast<unsigned char>(peek())) && at_ - start < 4) {
        *out = *out * 10 + static_cast<std::size_t>(peek() - '0');
        ++at_;
      }
      return at_ > start;
    };
    if (!number(min)) return false;
    *max = *min;
    if (!done() && peek() == ',') {
      ++at_;
      if (!number(max)) return false;
    }
    return !done() && peek() == '}' && (++at_, *min <= *max);
  }

  // `atom` min times, then up to max - min more, each optional one nested in
  // the last: greedy X{0,2} tries XX, then X, then nothing.
  std::optional<Strings> repeat(const Strings& atom, std::size_t min, std::size_t max, bool lazy) {
    Strings optional_tail(1);
    for (std::size_t k = min; k < max; ++k) {
      std::optional<Strings> longer = product(atom, optional_tail);
      if (!longer || longer->size() + 1 > limits_.max_strings) return std::nullopt;
      if (lazy) {
        longer->insert(longer->begin(), SetString{});
      } else {
        longer->push_back(SetString{});
      }
      optional_tail = std::move(*longer);
    }
    Strings out(1);
    for (std::size_t k = 0; k < min; ++k) {
      std::optional<Strings> next = product(out, atom);
      if (!next) return std::nullopt;
      out = std::move(*next);
    }
    return product(out, optional_tail);
  }

  std::optional<Strings> atom(std::size_t depth) {
    const char c = peek();
    if (c == '(') return group(depth);
    if (c == '[') return char_class();
    if (c == '\\') {
      if (std::optional<Strings> letters = unicode_letters()) return letters;
      return one(escape());
    }
    if (std::strchr(".^$*+?{|)", c) != nullptr) return std::nullopt;
    const std::optional<char32_t> cp = code_point();
    if (!cp || (*cp < 0x20 && *cp != '\t')) return std::nullopt;
    if (*cp < 0x80) return one(letter(static_cast<unsigned char>(*cp)));
    return non_ascii(*cp);
  }

  // The next character of the pattern (valid UTF-8, as RE2 checked it).
  std::optional<char32_t> code_point() {
    const auto lead = static_cast<unsigned char>(p_[at_]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (lead >= 0x80 && lead < 0xC0) return std::nullopt;
    if (at_ + length > p_.size()) return std::nullopt;
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
      const auto next = static_cast<unsigned char>(p_[at_ + i]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (next & 0x3F);
    }
    at_ += length;
    return cp;
  }

  // A non-ASCII character: its bytes, and under (?i) its partner's too.
  std::optional<Strings> non_ascii(char32_t cp) {
    if (!case_insensitive_ || is_caseless(cp)) return Strings{positions(utf8_bytes(cp))};
    const char32_t partner = latin1_partner(cp);
    if (partner == 0) return std::nullopt;
    return Strings{positions(utf8_bytes(cp)), positions(utf8_bytes(partner))};
  }

  // One position for each of `bytes`.
  SetString positions(const std::string& bytes) {
    SetString out;
    for (const char b : bytes) out += intern(single(static_cast<unsigned char>(b)));
    return out;
  }

  // A set's index; past kMaxSets the whole expansion is refused (run()).
  char16_t intern(const CharSet& set, bool unicode = false) {
    if (sets_.size() >= kMaxSets) {
      too_many_sets_ = true;
      return 0;
    }
    auto& ids = unicode ? unicode_ids_ : ids_;
    const auto [it, added] = ids.try_emplace(set, static_cast<char16_t>(sets_.size()));
    if (added) {
      sets_.push_back(set);
      unicode_.push_back(unicode);
    }
    return it->second;
  }

  // The next character's set when it is a plain ASCII literal with no
  // quantifier after it, consumed; nothing (and nothing consumed) otherwise.
  std::optional<char16_t> plain_character() {
    const auto c = static_cast<unsigned char>(peek());
    if (c >= 0x80 || c < 0x20 || is_special(c)) return std::nullopt;
    if (at_ + 1 < p_.size() && is_quantifier(static_cast<unsigned char>(p_[at_ + 1]))) {
      return std::nullopt;
    }
    const std::size_t slot = (case_insensitive_ ? 128 : 0) + c;
    if (plain_ids_[slot] < 0) {
      if (sets_.size() >= kMaxSets) return std::nullopt;
      plain_ids_[slot] = intern(letter(c));
    }
    ++at_;
    return static_cast<char16_t>(plain_ids_[slot]);
  }

  CharSet letter(unsigned char c) const {
    return case_insensitive_ ? fold_case(single(c)) : single(c);
  }

  std::optional<Strings> one(std::optional<CharSet> set) {
    if (!set || set->none() || sets_.size() >= kMaxSets) return std::nullopt;
    return Strings{SetString(1, intern(*set))};
  }

  std::optional<Strings> group(std::size_t depth) {
    if (depth >= kMaxNesting) return std::nullopt;
    const bool saved = case_insensitive_;
    if (accept("(?:")) {
    } else if (accept("(?i:")) {
      case_insensitive_ = true;
    } else if (accept("(?-i:")) {
      case_insensitive_ = false;
    } else if (accept("(?P<")) {  // not "(?<": RE2 2022-06-01 refuses it
      const std::size_t name = at_;
      while (!done() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_')) ++at_;
      if (done() || peek() != '>' || at_ == name) return std::nullopt;
      ++at_;
    } else if (accept("(?")) {
      return std::nullopt;  // other flags change what the rest means
    } else {
      ++at_;  // a capturing group matches what a plain one does
    }
    std::optional<Strings> inner = alternation(depth + 1);
    case_insensitive_ = saved;
    if (!inner || done() || peek() != ')') return std::nullopt;
    ++at_;
    return inner;
  }

  // \pL, \p{L} and \p{Lu}: their ASCII letters, marked so that a lookup
  // asks RE2 about a non-ASCII character there. \p{Lu} under (?i) is left
  // to RE2, which folds it.
  std::optional<Strings> unicode_letters() {
    CharSet set;
    for (unsigned char c = 'A'; c <= 'Z'; ++c) set.set(c);
    if (accept("\\pL") || accept("\\p{L}")) {
      for (unsigned char c = 'a'; c <= 'z'; ++c) set.set(c);
    } else if (!case_insensitive_ && accept("\\p{Lu}")) {
    } else {
      return std::nullopt;
    }
    if (sets_.size() >= kMaxSets) return std::nullopt;
    return Strings{SetString(1, intern(set, true))};
  }

  // After a backslash, outside a class.
  std::optional<CharSet> escape() {
    ++at_;
    if (done()) return std::nullopt;
    const char c = p_[at_++];
    if (c == 'd') return digits();
    if (c == 'w') return word_chars();
    if (c == 's') return space_chars();
    if (const unsigned char control = control_escape(c)) return single(control);
    if (is_escapable(c)) return letter(static_cast<unsigned char>(c));
    return std::nullopt;  // \b, \pL, \x41, \Q, \D and the rest
  }

  // A class: its ASCII members at one position, then each non-ASCII one as
  // a string of its own (only one of them can match at a given place, so
  // their order does not matter).
  std::optional<Strings> char_class() {
    ++at_;  // '['
    if (done() || peek() == '^') return std::nullopt;
    CharSet set;
    std::vector<char32_t> others;
    bool first = true;
    while (!done() && (peek() != ']' || first)) {
      first = false;
      if (accept("[:")) return std::nullopt;
      std::optional<char32_t> low = class_char(&set);
      if (!low) return std::nullopt;
      if (*low == 0) continue;  // \d and the like, already added
      char32_t high = *low;
      if (at_ + 1 < p_.size() && peek() == '-' && p_[at_ + 1] != ']') {
        ++at_;
        const std::optional<char32_t> end = class_char(&set);
        if (!end || *end == 0 || *end < *low) return std::nullopt;
        high = *end;
      }
      for (char32_t c = *low; c <= high; ++c) {
        if (c < 0x80) {
          set.set(c);
        } else if (others.size() < kMaxClassOthers) {
          others.push_back(c);
        } else {
          return std::nullopt;
        }
      }
    }
    if (done()) return std::nullopt;
    ++at_;  // ']'
    Strings out;
    if (set.any()) out.push_back(SetString(1, intern(case_insensitive_ ? fold_case(set) : set)));
    for (const char32_t c : others) {
      std::optional<Strings> strings = non_ascii(c);
      if (!strings) return std::nullopt;
      for (SetString& string : *strings) {
        if (std::find(out.begin(), out.end(), string) == out.end())
          out.push_back(std::move(string));
      }
    }
    if (out.empty()) return std::nullopt;
    return out;
  }

  // One character of a class; 0 after adding a whole escape class to `set`.
  std::optional<char32_t> class_char(CharSet* set) {
    if (peek() != '\\') {
      const std::optional<char32_t> c = code_point();
      if (!c || *c == 0) return std::nullopt;
      return c;
    }
    ++at_;
    if (done()) return std::nullopt;
    const char e = p_[at_++];
    if (e == 'd' || e == 'w' || e == 's') {
      *set |= e == 'd' ? digits() : e == 'w' ? word_chars() : space_chars();
      return 0;
    }
    if (const unsigned char control = control_escape(e)) return control;
    if (is_escapable(e)) return static_cast<unsigned char>(e);
    return std::nullopt;
  }

  std::string_view p_;
  std::size_t at_ = 0;
  std::vector<CharSet> sets_;
  std::vector<bool> unicode_;
  std::unordered_map<CharSet, char16_t> ids_;
  std::unordered_map<CharSet, char16_t> unicode_ids_;
  bool too_many_sets_ = false;
  std::array<int, 256> plain_ids_ = filled(-1);  // [128 if (?i)] + character -> set

  static std::array<int, 256> filled(int value) {
    std::array<int, 256> out;
    out.fill(value);
    return out;
  }
  bool case_insensitive_;
  const FiniteLimits& limits_;
};

}  // namespace

std::optional<FiniteLanguage> expand_finite(std::string_view pattern, bool case_insensitive,
                                            const FiniteLimits& limits) {
  return Expander(pattern, case_insensitive, limits).run();
}

}  // namespace demarche::match
