// json_line.hpp: reading one line of JSONL input, fast.
//
// nlohmann::json parses at roughly 30 MB/s and builds a tree we would only
// take apart again; this strict single-pass reader validates the line (RFC
// 8259: nothing after the value, UTF-8 only, no control characters in
// strings, paired surrogates) and hands back each top-level field as the
// bytes it was written with, so pass-through fields reach the output exactly
// unchanged (big integers and all) and only the fields we use get decoded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace demarche::cli {

struct JsonField {
  std::string key;             // decoded
  std::string_view raw_key;    // as written, quotes included
  std::string_view raw_value;  // as written
};

// Parses `line` as one JSON object and appends its fields, in input order,
// to `fields` (views into `line`). The value of the field named `decode_key`,
// when a string, is also decoded into `*decoded` in the same pass (the last
// one, if the key repeats), since it is usually most of the line. Returns ""
// on success, else a message: "empty line, expected a JSON object", "not a
// JSON object", or "not valid JSON: <what> at column N".
std::string parse_object_line(std::string_view line, std::vector<JsonField>& fields,
                              std::string_view decode_key, std::string* decoded);

// Decodes `raw`, a JSON string literal already validated by
// parse_object_line, into UTF-8 (replacing the contents of `out`).
void decode_json_string(std::string_view raw, std::string& out);

}  // namespace demarche::cli
