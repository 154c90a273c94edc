// text_format.hpp: appending plain text and numbers to an output buffer, for
// the formats that are not JSON (tsv, text, `explain`, `rules list`). JSON is
// written by nlohmann::json (to_json_text in json_text.hpp), except the
// records of `classify --format jsonl`, written by hand for speed
// (json_out.hpp) and tested byte for byte against nlohmann's output.
//
// The writers build each record in a std::string and write it at once, so
// these helpers avoid allocation, regex and locale-dependent formatting.
// Input is not trusted to be UTF-8: every ill-formed byte sequence is written
// as U+FFFD (the "maximal subpart" practice of Unicode, as nlohmann::json's
// error_handler_t::replace does), so output is always valid UTF-8. Offsets
// reported elsewhere stay byte offsets into the original input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace demarche::cli {

// `text` with ill-formed UTF-8 replaced and each ASCII control character
// (tab and newline included) replaced by a space: one line of a table or a
// terminal listing.
void append_one_line(std::string& out, std::string_view text);

// How much of an untrusted name (a plugin's name or version, a gold id) and
// of a path or reason a listing shows: the windows diagnostics quote.
inline constexpr std::size_t kShownNameBytes = 160;
inline constexpr std::size_t kShownTextBytes = 600;

// `text` fit for a terminal: at most `max_bytes` of it (then "..."), each
// control byte as \xNN (demarche::printable, as diagnostics show them), a tab
// as a space, ill-formed UTF-8 as U+FFFD. One line, and what it held stays
// readable, where append_one_line would blank it.
void append_printable(std::string& out, std::string_view text, std::size_t max_bytes);
std::string printable_text(std::string_view text, std::size_t max_bytes);

// `value` rounded to 6 decimals: scores are estimates, and 0.9 reads better
// than 0.8999999999999999 (values that are not finite are left as they are).
double round_score(double value);

// An unsigned integer in decimal.
void append_size(std::string& out, std::size_t value);

// `value` with `decimals` digits after the point ("0.920").
void append_fixed(std::string& out, double value, int decimals);
std::string fixed(double value, int decimals);

}  // namespace demarche::cli
