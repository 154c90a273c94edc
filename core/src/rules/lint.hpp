// Warnings about rules that work but will hurt: slow or untested.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace demarche::rules {

// Whether every match of `pattern` contains some literal of three or more
// characters, so that RE2 can skip sentences cheaply. Patterns without one
// are tried everywhere. Exactly FilteredRE2's answer for patterns up to
// 8 KiB; a larger one is taken apart at its top level (required_literal.cpp),
// in time near-linear in its size.
bool has_required_literal(const std::string& pattern);

// The byte offset within `pattern` of the first wide or unbounded gap
// (".*", ".+", ".{2,}", ".{0,40}", "[^x]*", "\S+"...), if any.
std::optional<std::size_t> find_wide_gap(std::string_view pattern);

// The offset of a wildcard word (`\w+`, `\w*`, `\w{m,n}`) in a pattern, if
// any. In one piece it stands for "any word here", which the set's
// automaton can only follow by tracking every unseen word it meets: measured
// on the shipped rules, twelve such pieces took a third of the scan's time
// on text it had not seen. `~N` says the same for free.
std::optional<std::size_t> find_wildcard_word(std::string_view pattern);

}  // namespace demarche::rules
