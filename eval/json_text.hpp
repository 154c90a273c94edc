// json_text.hpp: how the tool reads and writes JSON: with nlohmann::json.
//
// No JSON is parsed by hand anywhere in the command line. Values are built as
// Json and written with to_json_text(), with one exception: the records of
// `classify --format jsonl`, where building a Json value per record cost more
// than classifying, are appended by hand with json_out.hpp, which writes the
// same bytes as to_json_text() and is tested against it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace demarche::cli {

// Every JSON value the tool reads or writes. Ordered, so the fields of an
// input object are passed through in the order they were written.
using Json = nlohmann::ordered_json;

// `value` as compact JSON text on one line. Ill-formed UTF-8 in a string
// becomes U+FFFD, so this never throws on bad input bytes and the result is
// always valid UTF-8.
inline std::string to_json_text(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace demarche::cli
