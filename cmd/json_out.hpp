// json_out.hpp: JSON text appended straight to an output buffer, without
// building a Json value first.
//
// Why: `classify --format jsonl` built an nlohmann::ordered_json object for
// every output record, and that cost more than classifying the sentence
// (about 0.9 us a record, issue 13). The functions here write exactly the
// bytes that to_json_text() (nlohmann's dump with error_handler_t::replace)
// writes for the same value, so the output did not change:
// tests/unit/json_out_test.cpp compares them with nlohmann on random strings
// (invalid UTF-8 and control characters included) and random doubles, and
// tests/unit/jsonl_writer_test.cpp whole records with a DOM-built copy.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "json_text.hpp"

namespace demarche::cli {

// `text` as a JSON string, quotes included: `"` and `\` escaped, \b \f \n \r
// \t by name, the other control characters as \u00xx (lower-case hex), every
// other byte of well-formed UTF-8 as it is, and each maximal ill-formed
// subpart (Unicode's "maximal subpart", as nlohmann's replace handler reads
// it) as one U+FFFD.
void append_json_string(std::string& out, std::string_view text);

// `value` as nlohmann writes a double: the digits of its Grisu2 conversion
// ("0.975", "1e-05", "1.0"), and null for NaN and the infinities.
void append_json_double(std::string& out, double value);

// An unsigned integer in decimal.
void append_json_size(std::string& out, std::size_t value);

void append_json_bool(std::string& out, bool value);

// Any value; strings and numbers directly, arrays and objects (values a user
// passed through) with to_json_text().
void append_json_value(std::string& out, const Json& value);

}  // namespace demarche::cli
