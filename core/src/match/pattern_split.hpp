// Splitting a regex too long for Vectorscan into shorter ones that together
// match what it matches.
//
// Vectorscan refuses patterns longer than about 16,000 characters, and the
// pieces built from the actors' gazetteer are twice that: they were left to
// RE2 (an RE2::Set whose automaton a fresh process builds as it scans, or a
// word lookup on every sentence). Each is mostly one long alternation, and
// X(?:A|B)Y matches exactly where X(?:A)Y or X(?:B)Y does, so the
// alternation is cut in halves until every part fits.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace demarche::match {

// Parts of `regex` (RE2 syntax, as Vectorscan reads it), each at most
// `max_length` characters, whose union matches exactly what `regex` does; or
// {regex} when it already fits. Only an alternation that is not repeated (no
// *, + or {n,m} with m > 1 around it) and holds no flag group of its own
// ("(?i)", which reaches across its '|') is cut. Empty when no cut makes
// every part fit.
std::vector<std::string> split_for_length(const std::string& regex, std::size_t max_length);

}  // namespace demarche::match
