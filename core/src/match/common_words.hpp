// Words that occur in most news sentences.
#pragma once

#include <string>

namespace re2 {
class RE2;
}

namespace demarche::match {

// Whether a piece (a bare RE2 pattern) can match, on its own, a word that
// occurs in most news sentences ("the", "said", "on", "government"...).
//
// Such pieces are poor filters and expensive in a combined RE2::Set: the
// set's automaton remembers which members have matched, so members that
// match in nearly every sentence multiply its states and keep it from ever
// warming up. They are left out of the set and looked for only in the rare
// sentences where the rest of their sequence occurs.
bool matches_a_common_word(const std::string& pattern, bool case_insensitive);

// The same for a piece already compiled (with the case option it is used
// with), so that a rule set's load compiles each piece once.
bool matches_a_common_word(const re2::RE2& piece);

}  // namespace demarche::match
