// Warnings about rules that work but will hurt: slow or untested.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace demarche::rules {

// Whether every match of `pattern` contains some literal of three or more
// characters, so that RE2 can skip sentences cheaply. Patterns without one
// are tried everywhere.
bool has_required_literal(const std::string& pattern);

// The byte offset within `pattern` of the first wide or unbounded gap
// (".*", ".+", ".{2,}", ".{0,40}", "[^x]*", "\S+"...), if any.
std::optional<std::size_t> find_wide_gap(std::string_view pattern);

}  // namespace demarche::rules
