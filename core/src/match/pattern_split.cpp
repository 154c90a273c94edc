#include "match/pattern_split.hpp"

#include <cctype>
#include <optional>

namespace demarche::match {

namespace {

constexpr std::size_t kMaxParts = 64;

// A group of the regex (or the whole regex, group 0), with the '|' directly
// inside it.
struct Group {
  std::size_t content_begin = 0;
  std::size_t content_end = 0;  // its ')', or the regex's end
  std::vector<std::size_t> bars;
  int parent = -1;
  bool repeated = false;   // *, +, {n,m} with m > 1 after it
  bool has_flags = false;  // a "(?i)" directly inside it
};

// Past "\x{...}", "\p{...}" and one-character escapes starting at `at`
// (the backslash); npos when the regex ends inside one.
std::size_t skip_escape(const std::string& r, std::size_t at) {
  if (at + 1 >= r.size() || r[at + 1] == 'Q') return std::string::npos;
  const char e = r[at + 1];
  std::size_t next = at + 2;
  if ((e == 'x' || e == 'p' || e == 'P') && next < r.size() && r[next] == '{') {
    const std::size_t close = r.find('}', next);
    return close == std::string::npos ? close : close + 1;
  }
  return next;
}

std::size_t skip_class(const std::string& r, std::size_t at) {
  std::size_t j = at + 1;
  if (j < r.size() && r[j] == '^') ++j;
  if (j < r.size() && r[j] == ']') ++j;
  while (j < r.size() && r[j] != ']') {
    if (r[j] == '\\') {
      j = skip_escape(r, j);
      if (j == std::string::npos) return j;
    } else if (r.compare(j, 2, "[:") == 0) {
      const std::size_t close = r.find(":]", j + 2);
      if (close == std::string::npos) return close;
      j = close + 2;
    } else {
      ++j;
    }
  }
  return j < r.size() ? j + 1 : std::string::npos;
}

// Whether the quantifier at `at` (if any) lets what precedes it repeat.
bool repeats(const std::string& r, std::size_t at) {
  if (at >= r.size()) return false;
  if (r[at] == '*' || r[at] == '+') return true;
  if (r[at] != '{') return false;
  std::size_t j = at + 1;
  unsigned long low = 0;
  while (j < r.size() && std::isdigit(static_cast<unsigned char>(r[j]))) {
    low = low * 10 + static_cast<unsigned long>(r[j++] - '0');
    if (low > 1000) return true;
  }
  if (j < r.size() && r[j] == '}') return low > 1;
  if (j >= r.size() || r[j] != ',') return false;  // a literal '{'
  ++j;
  if (j < r.size() && r[j] == '}') return true;  // {n,}
  unsigned long high = 0;
  while (j < r.size() && std::isdigit(static_cast<unsigned char>(r[j]))) {
    high = high * 10 + static_cast<unsigned long>(r[j++] - '0');
    if (high > 1000) return true;
  }
  return high > 1;
}

std::optional<std::vector<Group>> parse_groups(const std::string& r) {
  std::vector<Group> groups(1);
  groups[0].content_end = r.size();
  std::vector<int> open{0};
  std::size_t i = 0;
  while (i < r.size()) {
    const char c = r[i];
    if (c == '\\') {
      i = skip_escape(r, i);
      if (i == std::string::npos) return std::nullopt;
    } else if (c == '[') {
      i = skip_class(r, i);
      if (i == std::string::npos) return std::nullopt;
    } else if (c == '(') {
      std::size_t content = i + 1;
      if (r.compare(i, 2, "(?") == 0) {
        std::size_t k = i + 2;
        if (k < r.size() && (r[k] == 'P' || r[k] == '<')) {
          k = r.find('>', k);
          if (k == std::string::npos) return std::nullopt;
          content = k + 1;
        } else {
          while (k < r.size() && (std::isalpha(static_cast<unsigned char>(r[k])) || r[k] == '-')) {
            ++k;
          }
          if (k >= r.size()) return std::nullopt;
          if (r[k] == ')') {  // flags for the rest of the enclosing group
            groups[static_cast<std::size_t>(open.back())].has_flags = true;
            i = k + 1;
            continue;
          }
          if (r[k] != ':') return std::nullopt;
          content = k + 1;
        }
      }
      Group g;
      g.content_begin = content;
      g.parent = open.back();
      groups.push_back(g);
      open.push_back(static_cast<int>(groups.size() - 1));
      i = content;
    } else if (c == ')') {
      if (open.size() == 1) return std::nullopt;
      Group& g = groups[static_cast<std::size_t>(open.back())];
      g.content_end = i;
      g.repeated = repeats(r, i + 1);
      open.pop_back();
      ++i;
    } else {
      if (c == '|') groups[static_cast<std::size_t>(open.back())].bars.push_back(i);
      ++i;
    }
  }
  if (open.size() != 1) return std::nullopt;
  return groups;
}

bool splittable(const std::vector<Group>& groups, std::size_t index) {
  if (groups[index].bars.empty() || groups[index].has_flags) return false;
  for (int g = static_cast<int>(index); g >= 0; g = groups[static_cast<std::size_t>(g)].parent) {
    if (groups[static_cast<std::size_t>(g)].repeated) return false;
  }
  return true;
}

bool split_into(const std::string& regex, std::size_t max_length, std::vector<std::string>* out) {
  if (regex.size() <= max_length) {
    out->push_back(regex);
    return out->size() <= kMaxParts;
  }
  const std::optional<std::vector<Group>> groups = parse_groups(regex);
  if (!groups) return false;
  std::size_t best = 0;
  std::size_t best_length = 0;
  for (std::size_t g = 0; g < groups->size(); ++g) {
    const std::size_t length = (*groups)[g].content_end - (*groups)[g].content_begin;
    if (splittable(*groups, g) && length > best_length) {
      best = g;
      best_length = length;
    }
  }
  if (best_length == 0) return false;
  const Group& g = (*groups)[best];
  // Cut at the '|' nearest the middle of the alternation.
  const std::size_t middle = g.content_begin + best_length / 2;
  std::size_t cut = g.bars.front();
  for (const std::size_t bar : g.bars) {
    if ((bar > middle ? bar - middle : middle - bar) <
        (cut > middle ? cut - middle : middle - cut)) {
      cut = bar;
    }
  }
  const std::string before = regex.substr(0, g.content_begin);
  const std::string after = regex.substr(g.content_end);
  return split_into(before + regex.substr(g.content_begin, cut - g.content_begin) + after,
                    max_length, out) &&
         split_into(before + regex.substr(cut + 1, g.content_end - cut - 1) + after, max_length,
                    out);
}

}  // namespace

std::vector<std::string> split_for_length(const std::string& regex, std::size_t max_length) {
  std::vector<std::string> parts;
  if (!split_into(regex, max_length, &parts)) return {};
  return parts;
}

}  // namespace demarche::match
