#include "expand.hpp"

#include <algorithm>

namespace demarche::fuzz {
namespace {

// Far above E020's 100 and any real file's line count; the byte cap bounds
// the rest.
constexpr std::size_t kMaxCopies = 1000000;

// Appends TEMPLATE with $i, $j and $n replaced; false once `out` is full.
bool append_copy(std::string& out, std::string_view tmpl, std::size_t index,
                 std::size_t max_bytes) {
  for (std::size_t k = 0; k < tmpl.size(); ++k) {
    const char next = k + 1 < tmpl.size() ? tmpl[k + 1] : '\0';
    if (tmpl[k] == '$' && (next == 'i' || next == 'j')) {
      out += std::to_string(next == 'i' ? index : index + 1);
      ++k;
    } else if (tmpl[k] == '$' && next == 'n') {
      out += '\n';
      ++k;
    } else {
      out += tmpl[k];
    }
    if (out.size() >= max_bytes) return false;
  }
  return true;
}

// Reads "N " after a macro name; false when there is no count.
bool read_count(std::string_view& rest, std::size_t& count) {
  std::size_t k = 0;
  count = 0;
  while (k < rest.size() && k < 7 && rest[k] >= '0' && rest[k] <= '9')
    count = count * 10 + static_cast<std::size_t>(rest[k++] - '0');
  if (k == 0 || k >= rest.size() || rest[k] != ' ') return false;
  count = std::min(count, kMaxCopies);
  rest.remove_prefix(k + 1);
  return true;
}

}  // namespace

std::string expand(std::string_view input, std::size_t max_bytes) {
  std::string out;
  while (!input.empty() && out.size() < max_bytes) {
    const std::size_t newline = input.find('\n');
    const bool last = newline == std::string_view::npos;
    std::string_view line = input.substr(0, last ? input.size() : newline);
    input.remove_prefix(last ? input.size() : newline + 1);
    const bool rep = line.starts_with("%%rep ");
    const bool cat = line.starts_with("%%cat ");
    std::size_t count = 0;
    std::string_view tmpl = line.substr(std::min<std::size_t>(6, line.size()));
    if ((rep || cat) && read_count(tmpl, count)) {
      for (std::size_t i = 0; i < count; ++i) {
        if (!append_copy(out, tmpl, i, max_bytes)) break;
        if (rep) out += '\n';
      }
      if (cat) out += '\n';
      continue;
    }
    out += line;
    if (!last) out += '\n';
  }
  if (out.size() > max_bytes) out.resize(max_bytes);
  return out;
}

}  // namespace demarche::fuzz
