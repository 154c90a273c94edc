// Case-insensitive 'k' and 's' written as ASCII classes, for Vectorscan.
//
// Under (?i), RE2 and Vectorscan in UTF-8 mode match 'k' to U+212A KELVIN
// SIGN too and 's' to U+017F LONG S, so a word holding either letter is no
// longer a literal to Vectorscan: it scans for it with an automaton instead
// of its literal matchers. Written as (?-i:[kK]) and (?-i:[sS]), the letters
// keep the word a literal: the every-sentence database of the shipped rules
// scanned 30,000 Brown sentences in 153 million instructions instead of 170,
// and 30,000 generated ones in 136 instead of 151.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace demarche::match {

// `regex` (RE2 syntax) with each case-insensitive 'k', 'K', 's' and 'S'
// outside a character class written as an ASCII class. In a text that holds
// neither sign (holds_k_or_s_sign) it matches exactly where `regex` does.
// Null when the regex holds syntax this reading does not follow (`\Q`, a
// flag other than i, m, s, U) or is not well formed: the caller keeps it as
// it is. Classes are left alone: "[a-z]" keeps its folds.
std::optional<std::string> ascii_k_and_s(std::string_view regex);

// Whether `text` holds U+212A KELVIN SIGN or U+017F LONG S, which RE2's (?i)
// matches to 'k' and 's'.
bool holds_k_or_s_sign(std::string_view text);

}  // namespace demarche::match
