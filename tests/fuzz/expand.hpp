// expand.hpp: how a fuzz input of a few kilobytes stands for one of megabytes.
//
// libFuzzer keeps inputs small (-max_len), yet the limits worth testing lie far
// beyond: ~10,000 chained `define`s (E020 stops at 100), a line of megabytes,
// thousands of rules or records. So every target first expands two line
// macros, which its mutator and dictionary can reach like any other text:
//
//   %%rep N TEMPLATE   N lines, each TEMPLATE with $i replaced by the copy's
//                      index (0, 1, ...), $j by the index plus one, and $n
//                      by a line break (a template of several lines: a rule)
//   %%cat N TEMPLATE   one line: N copies of TEMPLATE ($i, $j as above), joined
//
// `define D$i = {D$j}` under `%%rep 10000` is a chain of 10,000 definitions;
// `%%cat 200000 diplomats ` a line of 2 MB.
// Expansion stops at `max_bytes`, so one input costs bounded memory and time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace demarche::fuzz {

std::string expand(std::string_view input, std::size_t max_bytes);

}  // namespace demarche::fuzz
