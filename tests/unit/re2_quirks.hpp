// A bug of the RE2 that Debian 12 ships (2022-06-01), which tests comparing
// the word lookups with RE2 step around (docs/architecture.md, "Literal
// pieces").
#pragma once

#include <string>
#include <string_view>

namespace demarche::re2_quirks {

// The pattern as RE2 should read it. RE2 2022-06-01 merges one-character
// alternatives that differ only in case folding into one class and loses
// the difference: (?:a|(?i:a)) does not match "A", nor (?i)(?:(?-i:a)|[Aa]).
// The lookups read them rightly. An empty group after each case flag keeps
// RE2 from merging and, outside a character class, changes nothing else.
inline std::string as_re2_should_read_it(std::string pattern) {
  for (const std::string_view flag : {"(?i:", "(?-i:", "(?i)", "(?-i)"}) {
    for (std::size_t at = pattern.find(flag); at != std::string::npos;
         at = pattern.find(flag, at + flag.size())) {
      pattern.insert(at + flag.size(), "(?:)");
    }
  }
  return pattern;
}

}  // namespace demarche::re2_quirks
