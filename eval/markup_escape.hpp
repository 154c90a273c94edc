// markup_escape.hpp: text made safe inside HTML or XML, element or attribute.
#pragma once

#include <string>
#include <string_view>

namespace demarche::cli {

// &<>"' as entities; everything else as is.
inline std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace demarche::cli
