#include "rules/lint.hpp"

#include <cctype>
#include <cstdlib>
#include <vector>

namespace demarche::rules {

namespace {
// Repetitions of "anything" up to this many characters are a short skip
// (an optional letter, "s?"), not a gap.
constexpr int kWideRepeat = 8;

// Whether the repetition operator at `i` (if any) allows a wide stretch.
bool wide_repetition(std::string_view p, std::size_t i) {
  if (i >= p.size()) return false;
  if (p[i] == '*' || p[i] == '+') return true;
  if (p[i] != '{') return false;
  const std::size_t close = p.find('}', i);
  if (close == std::string_view::npos) return false;
  const std::string_view body = p.substr(i + 1, close - i - 1);
  const std::size_t comma = body.find(',');
  if (comma == std::string_view::npos) return std::atoi(std::string(body).c_str()) > kWideRepeat;
  const std::string_view upper = body.substr(comma + 1);
  return upper.empty() || std::atoi(std::string(upper).c_str()) > kWideRepeat;
}
}  // namespace

std::optional<std::size_t> find_wide_gap(std::string_view p) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      // \S and \W match across words; other escapes are ordinary atoms.
      if (i + 1 < p.size() && (p[i + 1] == 'S' || p[i + 1] == 'W') && wide_repetition(p, i + 2)) {
        return i;
      }
      ++i;
      continue;
    }
    if (p[i] == '.' && wide_repetition(p, i + 1)) return i;
    if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == '^') {
      std::size_t close = p.find(']', i + 2 + (p.size() > i + 2 && p[i + 2] == ']' ? 1 : 0));
      while (close != std::string_view::npos && p[close - 1] == '\\')
        close = p.find(']', close + 1);
      if (close != std::string_view::npos && wide_repetition(p, close + 1)) return i;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> find_wildcard_word(std::string_view p) {
  for (std::size_t i = 0; i + 2 < p.size(); ++i) {
    if (p[i] != '\\') continue;
    // After a letter it only ends a word ("threat\w*"), which costs little.
    const bool after_letter = i > 0 && std::isalpha(static_cast<unsigned char>(p[i - 1]));
    if (p[i + 1] == 'w' && !after_letter && (p[i + 2] == '+' || p[i + 2] == '*' || p[i + 2] == '{'))
      return i;
    ++i;  // the escaped character is not an escape itself
  }
  return std::nullopt;
}

}  // namespace demarche::rules
