// json_spans.hpp: how every JSON output names the words a rule matched: the
// byte offsets ([[begin,end],...]) and the text under them, in two lists.
// Used by `eval --format json`; `classify --format jsonl` writes the same
// two lists by hand (jsonl_writer.cpp).
#pragma once

#include <string_view>
#include <vector>

#include "json_text.hpp"
#include "result_text.hpp"

namespace demarche::cli {

inline Json spans_json(const std::vector<Span>& spans) {
  Json list = Json::array();
  for (const Span& span : spans) list.push_back(Json::array({span.begin, span.end}));
  return list;
}

inline Json matched_json(std::string_view text, const std::vector<Span>& spans) {
  Json list = Json::array();
  for (const Span& span : spans) list.push_back(span_text(text, span));
  return list;
}

}  // namespace demarche::cli
