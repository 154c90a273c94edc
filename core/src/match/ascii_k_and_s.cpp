#include "match/ascii_k_and_s.hpp"

#include <vector>

namespace demarche::match {

namespace {

constexpr std::size_t kNone = std::string_view::npos;

// The length of the escape at regex[at] ('\'), or kNone when it is cut off
// or `\Q` (a quoted run, whose letters are literals this reading would have
// to follow).
std::size_t escape_length(std::string_view regex, std::size_t at) {
  if (at + 1 >= regex.size()) return kNone;
  const char e = regex[at + 1];
  if (e == 'Q') return kNone;
  if (e == 'p' || e == 'P' || e == 'x') {
    // "\p{Greek}", "\x{212A}": through the brace; "\pL": one letter more
    // (a class name, not a literal: "\pS" must stay); "\x41": the two
    // digits are read as literals but cannot be k or s.
    if (at + 2 < regex.size() && regex[at + 2] == '{') {
      const std::size_t close = regex.find('}', at + 3);
      return close == kNone ? kNone : close + 1 - at;
    }
    if (e != 'x') return at + 2 < regex.size() ? 3 : kNone;
  }
  return 2;
}

// The length of the class at regex[at] ('['), or kNone when it is not closed.
std::size_t class_length(std::string_view regex, std::size_t at) {
  std::size_t j = at + 1;
  if (j < regex.size() && regex[j] == '^') ++j;
  if (j < regex.size() && regex[j] == ']') ++j;  // a leading ']' is a member
  while (j < regex.size() && regex[j] != ']') {
    if (regex[j] == '\\') {
      const std::size_t length = escape_length(regex, j);
      if (length == kNone) return kNone;
      j += length;
    } else if (regex[j] == '[' && j + 1 < regex.size() && regex[j + 1] == ':') {
      const std::size_t end = regex.find(":]", j + 2);  // "[[:alpha:]]"
      if (end == kNone) return kNone;
      j = end + 2;
    } else {
      ++j;
    }
  }
  return j < regex.size() ? j + 1 - at : kNone;
}

}  // namespace

std::optional<std::string> ascii_k_and_s(std::string_view regex) {
  std::string out;
  out.reserve(regex.size() + regex.size() / 8);
  std::vector<bool> outer;  // whether each enclosing group folds case
  bool fold = false;
  std::size_t i = 0;
  while (i < regex.size()) {
    const char c = regex[i];
    std::size_t length = 1;
    if (c == '\\') {
      length = escape_length(regex, i);
    } else if (c == '[') {
      length = class_length(regex, i);
    } else if (c == '(' && i + 1 < regex.size() && regex[i + 1] == '?') {
      std::size_t j = i + 2;
      if (j < regex.size() && (regex[j] == 'P' || regex[j] == '<')) {
        // A named group: "(?P<name>" or "(?<name>"; the name is no literal.
        const std::size_t close = regex.find('>', j);
        if (close == kNone) return std::nullopt;
        outer.push_back(fold);
        length = close + 1 - i;
      } else {
        bool negated = false;
        bool folds = fold;
        for (; j < regex.size() && regex[j] != ')' && regex[j] != ':'; ++j) {
          const char flag = regex[j];
          if (flag == '-' && !negated) {
            negated = true;
          } else if (flag == 'i') {
            folds = !negated;
          } else if (flag != 'm' && flag != 's' && flag != 'U') {
            return std::nullopt;
          }
        }
        if (j >= regex.size()) return std::nullopt;
        // "(?i)" sets the flag for the rest of the enclosing group;
        // "(?i:" for a group of its own.
        if (regex[j] == ':') outer.push_back(fold);
        fold = folds;
        length = j + 1 - i;
      }
    } else if (c == '(') {
      outer.push_back(fold);
    } else if (c == ')') {
      if (outer.empty()) return std::nullopt;
      fold = outer.back();
      outer.pop_back();
    } else if (fold && (c == 'k' || c == 'K' || c == 's' || c == 'S')) {
      const char lower = static_cast<char>(c | 0x20);
      out += "(?-i:[";
      out += lower;
      out += static_cast<char>(lower - 0x20);
      out += "])";
      ++i;
      continue;
    }
    if (length == kNone) return std::nullopt;
    out.append(regex.substr(i, length));
    i += length;
  }
  if (!outer.empty()) return std::nullopt;
  return out;
}

bool holds_k_or_s_sign(std::string_view text) {
  return text.find("\xE2\x84\xAA") != std::string_view::npos ||
         text.find("\xC5\xBF") != std::string_view::npos;
}

}  // namespace demarche::match
