#include "text/segment.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

#include "text/utf8.hpp"

namespace demarche::text {
namespace {

// How an abbreviation followed by a full stop and a space behaves.
enum class Abbreviation : std::uint8_t {
  kNone,
  // Stands before a name ("Gen. Smith"): never ends a sentence.
  kTitle,
  // Stands before a number ("No. 5", "Jan. 18"): ends a sentence unless a digit follows.
  kNumbered,
  // Stands after a name and may well end a sentence ("Acme Corp. The firm"): ends
  // it only when a typical sentence opener follows.
  kSuffix,
};

struct AbbreviationEntry {
  std::string_view word;
  Abbreviation kind;
};

constexpr auto kAbbreviations = std::to_array<AbbreviationEntry>({
    {"Adm", Abbreviation::kTitle},     {"Ala", Abbreviation::kSuffix},
    {"Amb", Abbreviation::kTitle},     {"Apr", Abbreviation::kNumbered},
    {"Ariz", Abbreviation::kSuffix},   {"Art", Abbreviation::kNumbered},
    {"Arts", Abbreviation::kNumbered}, {"Assn", Abbreviation::kSuffix},
    {"Atty", Abbreviation::kTitle},    {"Aug", Abbreviation::kNumbered},
    {"Ave", Abbreviation::kSuffix},    {"Blvd", Abbreviation::kSuffix},
    {"Brig", Abbreviation::kTitle},    {"Bros", Abbreviation::kSuffix},
    {"Calif", Abbreviation::kSuffix},  {"Capt", Abbreviation::kTitle},
    {"Cdr", Abbreviation::kTitle},     {"Ch", Abbreviation::kNumbered},
    {"Cmdr", Abbreviation::kTitle},    {"Co", Abbreviation::kSuffix},
    {"Col", Abbreviation::kTitle},     {"Colo", Abbreviation::kSuffix},
    {"Conn", Abbreviation::kSuffix},   {"Corp", Abbreviation::kSuffix},
    {"Cpl", Abbreviation::kTitle},     {"Dec", Abbreviation::kNumbered},
    {"Dept", Abbreviation::kSuffix},   {"Dr", Abbreviation::kTitle},
    {"Feb", Abbreviation::kNumbered},  {"Fig", Abbreviation::kNumbered},
    {"Fla", Abbreviation::kSuffix},    {"Fr", Abbreviation::kTitle},
    {"Ft", Abbreviation::kTitle},      {"Ga", Abbreviation::kSuffix},
    {"Gen", Abbreviation::kTitle},     {"Gov", Abbreviation::kTitle},
    {"Govt", Abbreviation::kSuffix},   {"Hon", Abbreviation::kTitle},
    {"Inc", Abbreviation::kSuffix},    {"Jan", Abbreviation::kNumbered},
    {"Jr", Abbreviation::kSuffix},     {"Jul", Abbreviation::kNumbered},
    {"Jun", Abbreviation::kNumbered},  {"Kan", Abbreviation::kSuffix},
    {"Ky", Abbreviation::kSuffix},     {"Lt", Abbreviation::kTitle},
    {"Ltd", Abbreviation::kSuffix},    {"Maj", Abbreviation::kTitle},
    {"Mar", Abbreviation::kNumbered},  {"Mass", Abbreviation::kSuffix},
    {"Md", Abbreviation::kSuffix},     {"Messrs", Abbreviation::kTitle},
    {"Mich", Abbreviation::kSuffix},   {"Minn", Abbreviation::kSuffix},
    {"Mo", Abbreviation::kSuffix},     {"Mr", Abbreviation::kTitle},
    {"Mrs", Abbreviation::kTitle},     {"Ms", Abbreviation::kTitle},
    {"Msgr", Abbreviation::kTitle},    {"Mt", Abbreviation::kTitle},
    {"Neb", Abbreviation::kSuffix},    {"Nev", Abbreviation::kSuffix},
    {"No", Abbreviation::kNumbered},   {"Nos", Abbreviation::kNumbered},
    {"Nov", Abbreviation::kNumbered},  {"Oct", Abbreviation::kNumbered},
    {"Okla", Abbreviation::kSuffix},   {"Ore", Abbreviation::kSuffix},
    {"Pa", Abbreviation::kSuffix},     {"Plc", Abbreviation::kSuffix},
    {"Pres", Abbreviation::kTitle},    {"Prof", Abbreviation::kTitle},
    {"Pte", Abbreviation::kSuffix},    {"Pty", Abbreviation::kSuffix},
    {"Pvt", Abbreviation::kTitle},     {"Rd", Abbreviation::kSuffix},
    {"Rep", Abbreviation::kTitle},     {"Reps", Abbreviation::kTitle},
    {"Rev", Abbreviation::kTitle},     {"Rt", Abbreviation::kTitle},
    {"Sec", Abbreviation::kTitle},     {"Sen", Abbreviation::kTitle},
    {"Sens", Abbreviation::kTitle},    {"Sep", Abbreviation::kNumbered},
    {"Sept", Abbreviation::kNumbered}, {"Sgt", Abbreviation::kTitle},
    {"Sr", Abbreviation::kSuffix},     {"St", Abbreviation::kSuffix},
    {"Supt", Abbreviation::kTitle},    {"Tenn", Abbreviation::kSuffix},
    {"Tex", Abbreviation::kSuffix},    {"Va", Abbreviation::kSuffix},
    {"Vol", Abbreviation::kNumbered},  {"Vols", Abbreviation::kNumbered},
    {"Vt", Abbreviation::kSuffix},     {"Wash", Abbreviation::kSuffix},
    {"Wis", Abbreviation::kSuffix},    {"Wyo", Abbreviation::kSuffix},
    {"al", Abbreviation::kSuffix},     {"approx", Abbreviation::kNumbered},
    {"ca", Abbreviation::kNumbered},   {"cf", Abbreviation::kTitle},
    {"ch", Abbreviation::kNumbered},   {"est", Abbreviation::kNumbered},
    {"p", Abbreviation::kNumbered},    {"para", Abbreviation::kNumbered},
    {"plc", Abbreviation::kSuffix},    {"pp", Abbreviation::kNumbered},
    {"v", Abbreviation::kTitle},       {"vol", Abbreviation::kNumbered},
    {"vs", Abbreviation::kTitle},
});

// Words that start sentences far more often than they follow an abbreviation
// or initial: after "U.S." or "Inc." they signal a new sentence.
constexpr auto kSentenceOpeners = std::to_array<std::string_view>({
    "A",      "According", "After", "Also",      "Although", "An",     "And",     "As",    "At",
    "Before", "Both",      "But",   "By",        "Despite",  "During", "Earlier", "For",   "He",
    "Her",    "His",       "How",   "However",   "I",        "If",     "In",      "It",    "Its",
    "Last",   "Later",     "Many",  "Meanwhile", "Most",     "On",     "One",     "Our",   "She",
    "Since",  "So",        "Some",  "That",      "The",      "Their",  "Then",    "There", "These",
    "They",   "This",      "Those", "Under",     "We",       "What",   "When",    "Where", "While",
    "Who",    "Why",       "With",  "Yet",       "You",
});

static_assert(std::is_sorted(kAbbreviations.begin(), kAbbreviations.end(),
                             [](const auto& a, const auto& b) { return a.word < b.word; }));
static_assert(std::is_sorted(kSentenceOpeners.begin(), kSentenceOpeners.end()));

Abbreviation lookup_abbreviation(std::string_view word) {
  const auto* it =
      std::lower_bound(kAbbreviations.begin(), kAbbreviations.end(), word,
                       [](const auto& entry, std::string_view w) { return entry.word < w; });
  return it != kAbbreviations.end() && it->word == word ? it->kind : Abbreviation::kNone;
}

bool is_sentence_opener(std::string_view word) {
  return std::binary_search(kSentenceOpeners.begin(), kSentenceOpeners.end(), word);
}

// '\n' is included for trimming only: lines are split before this is used.
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_terminator(char c) {
  return c == '.' || c == '!' || c == '?';
}
bool is_closer(char c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}';
}
bool is_opener(char c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{';
}
bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_ascii_letter(char c) {
  return is_ascii_upper(c) || is_ascii_lower(c);
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_word_byte(char c) {
  return is_digit(c) || is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80;
}

enum class Case : std::uint8_t { kUpper, kLower, kNone };

// Case of the scripts news is written in: Latin (ASCII, Latin-1, Extended-A),
// Greek, Cyrillic. Anything else has no case here, which is treated like an
// upper-case start except where a capital is positively required.
Case case_of(char32_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return Case::kUpper;
    if (c >= 'a' && c <= 'z') return Case::kLower;
    return Case::kNone;
  }
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return Case::kUpper;
  if (c >= 0xDF && c <= 0xFF && c != 0xF7) return Case::kLower;
  if (c >= 0x100 && c <= 0x17F) {
    // Latin Extended-A pairs capitals with small letters, but the parity flips
    // between U+0138 and U+0149 and again after U+0178.
    if (c == 0x138 || c == 0x149 || c == 0x17F) return Case::kLower;
    if (c == 0x178) return Case::kUpper;
    const bool odd = (c & 1) != 0;
    const bool odd_is_lower = c < 0x138 || (c > 0x149 && c < 0x178);
    return odd == odd_is_lower ? Case::kLower : Case::kUpper;
  }
  if ((c >= 0x391 && c <= 0x3A9) || c == 0x386 || (c >= 0x388 && c <= 0x38F)) return Case::kUpper;
  if (c >= 0x3AC && c <= 0x3CE) return Case::kLower;
  if (c >= 0x400 && c <= 0x42F) return Case::kUpper;
  if (c >= 0x430 && c <= 0x45F) return Case::kLower;
  return Case::kNone;
}

// The first word after a candidate boundary, past any opening quotes or brackets.
struct NextWord {
  std::size_t begin = 0;  // == line end when the line has nothing more
  Case first_case = Case::kNone;
  bool starts_with_digit = false;
  bool is_opener = false;   // a typical sentence opener ("The", "It", ...)
  bool is_initial = false;  // a single capital and a full stop, as in "J. R. Smith"
};

NextWord next_word(std::string_view line, std::size_t pos) {
  NextWord next;
  while (pos < line.size() && (is_space(line[pos]) || is_opener(line[pos]))) ++pos;
  next.begin = pos;
  if (pos == line.size()) return next;
  next.first_case = case_of(decode_utf8(line, pos).code_point);
  next.starts_with_digit = is_digit(line[pos]);
  std::size_t end = pos;
  while (end < line.size() && is_ascii_letter(line[end])) ++end;
  const std::string_view word = line.substr(pos, end - pos);
  next.is_initial = word.size() == 1 && end < line.size() && line[end] == '.';
  next.is_opener = !next.is_initial && is_sentence_opener(word);
  return next;
}

// "U.S", "U.N", "e.g", "a.m", "Ph.D" (the final stop is not part of the token)
// or a lone capital "J": letters in groups of one or two joined by full stops.
bool is_initials(std::string_view token) {
  if (token.size() == 1) return is_ascii_upper(token[0]);
  bool saw_stop = false;
  std::size_t group = 0;
  for (const char c : token) {
    if (c == '.') {
      if (group == 0) return false;
      saw_stop = true;
      group = 0;
    } else if (is_ascii_letter(c) && group < 2) {
      ++group;
    } else {
      return false;
    }
  }
  return saw_stop && group > 0;
}

bool all_digits(std::string_view token) {
  return !token.empty() && std::all_of(token.begin(), token.end(), is_digit);
}

// The token the terminators are attached to, without surrounding quotes and
// brackets: `"no"` in `he said "no".` is "no".
std::string_view token_before(std::string_view line, std::size_t sentence_begin,
                              std::size_t terminator) {
  std::size_t begin = terminator;
  while (begin > sentence_begin && !is_space(line[begin - 1])) --begin;
  std::size_t end = terminator;
  while (begin < end && is_opener(line[begin])) ++begin;
  while (end > begin && is_closer(line[end - 1])) --end;
  return line.substr(begin, end - begin);
}

// Hyphenated compounds are looked up by their last part: "Lt.-Gen" as "Gen".
Abbreviation classify_token(std::string_view token) {
  const Abbreviation whole = lookup_abbreviation(token);
  if (whole != Abbreviation::kNone) return whole;
  const std::size_t hyphen = token.rfind('-');
  return hyphen == std::string_view::npos ? Abbreviation::kNone
                                          : lookup_abbreviation(token.substr(hyphen + 1));
}

// A candidate: terminators [terminator, terminators_end) followed by closing
// quotes or brackets and then whitespace. Decides whether a sentence ends there.
bool ends_sentence(std::string_view line, std::size_t sentence_begin, std::size_t terminator,
                   std::size_t terminators_end, std::size_t candidate_end) {
  const NextWord next = next_word(line, candidate_end);
  if (next.begin == line.size()) return true;
  if (next.first_case == Case::kLower) return false;

  const std::string_view run = line.substr(terminator, terminators_end - terminator);
  if (run.find_first_of("!?") != std::string_view::npos) return true;
  if (run.size() > 1) return next.first_case == Case::kUpper;  // an ellipsis

  const std::string_view token = token_before(line, sentence_begin, terminator);
  switch (classify_token(token)) {
    case Abbreviation::kTitle:
      return false;
    case Abbreviation::kNumbered:
      return !next.starts_with_digit;
    case Abbreviation::kSuffix:
      return next.is_opener;
    case Abbreviation::kNone:
      break;
  }
  if (is_initials(token)) return next.is_opener;
  // "1. Add the rice": a list number is not a sentence of its own.
  if (all_digits(token)) {
    std::size_t first = sentence_begin;
    while (is_space(line[first])) ++first;
    if (token.data() == line.data() + first) return false;
  }
  return true;
}

void emit(std::size_t offset, std::string_view line, std::size_t begin, std::size_t end,
          std::vector<Span>& out) {
  while (begin < end && is_space(line[begin])) ++begin;
  while (end > begin && is_space(line[end - 1])) --end;
  if (begin < end) out.push_back({offset + begin, offset + end});
}

// `line` has no '\n'; `offset` is where it starts in the whole text.
void segment_line(std::string_view line, std::size_t offset, std::vector<Span>& out) {
  std::size_t sentence_begin = 0;
  bool has_word = false;  // so "... The" at a sentence start is not a sentence
  std::size_t pos = 0;
  while (pos < line.size()) {
    if (!is_terminator(line[pos])) {
      has_word = has_word || is_word_byte(line[pos]);
      ++pos;
      continue;
    }
    const std::size_t terminator = pos;
    while (pos < line.size() && is_terminator(line[pos])) ++pos;
    const std::size_t terminators_end = pos;
    while (pos < line.size() && is_closer(line[pos])) ++pos;
    const bool at_break = pos == line.size() || is_space(line[pos]);
    if (at_break && has_word &&
        ends_sentence(line, sentence_begin, terminator, terminators_end, pos)) {
      emit(offset, line, sentence_begin, pos, out);
      sentence_begin = pos;
      has_word = false;
    }
  }
  emit(offset, line, sentence_begin, line.size(), out);
}

}  // namespace

std::vector<Span> segment_sentences(std::string_view text) {
  std::vector<Span> sentences;
  std::size_t line_begin = 0;
  while (line_begin <= text.size()) {
    std::size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    segment_line(text.substr(line_begin, line_end - line_begin), line_begin, sentences);
    line_begin = line_end + 1;
  }
  return sentences;
}

}  // namespace demarche::text
