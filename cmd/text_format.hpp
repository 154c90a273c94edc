// text_format.hpp: appending text and numbers to an output buffer.
//
// The writers build each record in a std::string and write it at once. These
// helpers are the hot path of `classify`, so they avoid allocation, regex and
// locale-dependent formatting. Input is not trusted to be UTF-8: every
// ill-formed byte sequence is written as U+FFFD (the "maximal subpart"
// practice of Unicode, as nlohmann::json's error_handler_t::replace does),
// so output is always valid UTF-8 and nothing ever throws on bad bytes.
// Offsets reported elsewhere stay byte offsets into the original input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace demarche::cli {

// `text` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view text);

// `text` with ill-formed UTF-8 replaced and each ASCII control character
// (tab and newline included) replaced by a space: one line of a table or a
// terminal listing.
void append_one_line(std::string& out, std::string_view text);

// The shortest decimal that reads back as `value` (JSON `null` when not finite).
void append_json_number(std::string& out, double value);

// `value` rounded to 6 decimals, then as append_json_number: scores are
// estimates, and 0.9 reads better than 0.8999999999999999.
void append_json_score(std::string& out, double value);

// An unsigned integer in decimal.
void append_size(std::string& out, std::size_t value);

// `value` with `decimals` digits after the point ("0.920").
void append_fixed(std::string& out, double value, int decimals);
std::string fixed(double value, int decimals);

}  // namespace demarche::cli
