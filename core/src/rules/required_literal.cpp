// has_required_literal (lint.hpp): RE2's FilteredRE2 for patterns of usual
// size, and for a huge one a walk of its top level down to pieces of usual
// size. FilteredRE2 takes quadratic time on a long alternation (one of
// 20,000 words in no order took over a minute, in `rules check` alone),
// and on one of 20,000 words in order it gave up and found no literal.
#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "rules/lint.hpp"

namespace demarche::rules {

namespace {

// Patterns up to this size go to FilteredRE2 whole, so that for them (every
// piece of the shipped rules) the answer is exactly FilteredRE2's.
constexpr std::size_t kWholeBytes = 8192;
// Deeper than RE2 nests groups (1000); a guard, not a limit met in practice.
constexpr int kMaxDepth = 1100;

bool filtered_literal(std::string_view pattern, bool if_invalid) {
  re2::FilteredRE2 filter(3);
  RE2::Options options;
  options.set_log_errors(false);
  int id = 0;
  if (filter.Add(re2::StringPiece(pattern.data(), pattern.size()), options, &id) != RE2::NoError)
    return if_invalid;
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  return !atoms.empty();
}

// The end of the construct that starts at `i` and is not a group: an escape
// (with \Q...\E), a character class, or one character.
std::size_t skip_atom(std::string_view p, std::size_t i) {
  if (p[i] == '\\') {
    if (i + 1 < p.size() && p[i + 1] == 'Q') {
      const std::size_t end = p.find("\\E", i + 2);
      return end == std::string_view::npos ? p.size() : end + 2;
    }
    return std::min(p.size(), i + 2);
  }
  if (p[i] != '[') return i + 1;
  std::size_t j = i + 1;
  if (j < p.size() && p[j] == '^') ++j;
  if (j < p.size() && p[j] == ']') ++j;  // a ']' first is a member
  while (j < p.size() && p[j] != ']') {
    if (p[j] == '\\') {
      j += 2;
    } else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
      const std::size_t end = p.find(":]", j + 2);
      j = end == std::string_view::npos ? j + 1 : end + 2;
    } else {
      ++j;
    }
  }
  return std::min(p.size(), j + 1);
}

// The end of the group whose '(' is at `i` (just past its ')').
std::size_t skip_group(std::string_view p, std::size_t i) {
  int depth = 0;
  for (std::size_t j = i; j < p.size();) {
    if (p[j] == '(') {
      ++depth;
      ++j;
    } else if (p[j] == ')') {
      if (--depth == 0) return j + 1;
      ++j;
    } else {
      j = skip_atom(p, j);
    }
  }
  return p.size();
}

// The end of the repetition operator at `i`, if any (and its lazy '?').
std::size_t skip_quantifier(std::string_view p, std::size_t i, bool* optional) {
  *optional = false;
  if (i >= p.size()) return i;
  std::size_t end = i;
  if (p[i] == '?' || p[i] == '*') {
    *optional = true;
    end = i + 1;
  } else if (p[i] == '+') {
    end = i + 1;
  } else if (p[i] == '{') {
    const std::size_t close = p.find('}', i);
    if (close == std::string_view::npos) return i;
    *optional = i + 1 < p.size() && (p[i + 1] == '0' || p[i + 1] == ',');
    end = close + 1;
  } else {
    return i;
  }
  return end < p.size() && p[end] == '?' ? end + 1 : end;
}

bool walk(std::string_view p, int depth);

// A group's inside, past "(", "(?:", "(?P<name>" or "(?flags:"; `flags_only`
// when the group is "(?flags)", which matches nothing.
std::string_view group_body(std::string_view group, bool* flags_only) {
  *flags_only = false;
  std::string_view body = group.substr(1, group.size() - 2);
  if (body.empty() || body.front() != '?') return body;
  if (body.size() > 1 && body[1] == 'P') {
    const std::size_t close = body.find('>');
    return close == std::string_view::npos ? std::string_view() : body.substr(close + 1);
  }
  const std::size_t colon = body.find(':');
  const std::size_t paren = body.find_first_of("()");
  if (colon == std::string_view::npos || (paren != std::string_view::npos && paren < colon)) {
    *flags_only = true;
    return {};
  }
  return body.substr(colon + 1);
}

// One alternative: a literal is required when some part of it that must
// match requires one. Text between groups is asked of FilteredRE2 as it is;
// a literal only formed across a group's edge ("(?:a|b)cd") is not seen.
bool concatenation(std::string_view p, int depth) {
  std::size_t text_begin = 0;
  for (std::size_t i = 0; i < p.size();) {
    if (p[i] != '(') {
      i = skip_atom(p, i);
      continue;
    }
    if (i > text_begin && filtered_literal(p.substr(text_begin, i - text_begin), false))
      return true;
    const std::size_t end = skip_group(p, i);
    bool optional = false;
    const std::size_t after = skip_quantifier(p, end, &optional);
    bool flags_only = false;
    const std::string_view body = group_body(p.substr(i, end - i), &flags_only);
    if (!optional && !flags_only && !body.empty() && walk(body, depth + 1)) return true;
    i = after;
    text_begin = after;
  }
  return text_begin < p.size() && filtered_literal(p.substr(text_begin), false);
}

// Every alternative must require a literal.
bool walk(std::string_view p, int depth) {
  if (p.size() <= kWholeBytes || depth > kMaxDepth) return filtered_literal(p, false);
  std::vector<std::string_view> branches;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < p.size();) {
    if (p[i] == '|') {
      branches.push_back(p.substr(begin, i - begin));
      begin = ++i;
    } else if (p[i] == '(') {
      i = skip_group(p, i);
    } else {
      i = skip_atom(p, i);
    }
  }
  if (branches.empty()) return concatenation(p, depth);
  branches.push_back(p.substr(begin));
  return std::all_of(branches.begin(), branches.end(),
                     [&](std::string_view b) { return walk(b, depth + 1); });
}

}  // namespace

bool has_required_literal(const std::string& pattern) {
  if (pattern.size() <= kWholeBytes) return filtered_literal(pattern, true);
  // Not valid at all: reported elsewhere (E008), as FilteredRE2's Add says.
  if (!RE2(pattern, RE2::Quiet).ok()) return true;
  return walk(pattern, 0);
}

}  // namespace demarche::rules
