// The strings a small regex can match, in the order RE2 prefers them.
//
// Most pieces of a rule set are finite lists of words and phrases
// ("expel(?:s|led)?", "{@state}" after expansion). For those the engine can
// find occurrences by looking words up instead of running (and first
// compiling) a regex: literal_piece.hpp. This file does the expansion, for a
// subset of RE2's syntax whose language is finite: literals, escaped
// punctuation, classes without negation, \d \w \s, groups, alternation, the
// flag i, and ? ?? {n} {n,m} {n,m}?. Non-ASCII characters are taken as they
// are, and under (?i) only Latin-1 letters with one case partner. One
// exception to finiteness: a string may hold one character class repeated
// greedily, a run: at its end ("russophob\pL*", "\d+", a tail) or within
// it ("UN (?:\pL+ )?agency"). \pL, \p{L} and \p{Lu} (not under (?i)) are
// taken for their ASCII letters, with a mark that a non-ASCII character
// there is for RE2 to judge. Anything else (two runs in one string, lazy *?
// and +?, {n,}, ., other Unicode classes, anchors, negated classes, other
// flags) is refused, and the piece keeps its regex.
#pragma once

#include <bitset>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace demarche::match {

// The bytes one position of a string may hold (a non-ASCII character takes
// as many positions as its UTF-8 encoding has bytes).
using CharSet = std::bitset<256>;
// A string of positions, each the index of its CharSet in
// FiniteLanguage::sets: "[Aa]ccuse" is 6 positions, the first {A, a}. One
// position may carry kTail.
using SetString = std::u16string;

// On one position of a string, a run: that set zero or more times, the
// most that let the rest of the string and a word boundary follow, as a
// greedy star backtracks.
constexpr char16_t kTail = 0x8000;

struct FiniteLanguage {
  std::vector<CharSet> sets;       // each distinct set once
  std::vector<bool> unicode;       // per set: \pL and the like (non-ASCII: ask RE2)
  std::vector<SetString> strings;  // in preference order
};

struct FiniteLimits {
  std::size_t max_strings = 20000;                   // more and the piece keeps its regex
  std::size_t max_length = 200;                      // positions in one string
  std::size_t max_positions = std::size_t{1} << 20;  // in all strings: 2 MiB
};

// The strings `pattern` matches, in leftmost-first preference order: at a
// given start RE2 (like a backtracking matcher) takes the first of them that
// lets the rest of the regex match. Duplicates are kept (the first one wins
// anyway). `case_insensitive` is the flag in force at the start. Empty when
// the pattern is outside the subset or over `limits`.
std::optional<FiniteLanguage> expand_finite(std::string_view pattern, bool case_insensitive,
                                            const FiniteLimits& limits = {});

}  // namespace demarche::match
