#include "match/common_words.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace demarche::match {

namespace {

// core/data/common_words.txt, cut into its words once: spaces separate
// them, '#' starts a comment.
const std::vector<std::string_view>& common_words() {
  static const std::vector<std::string_view> words = [] {
    std::vector<std::string_view> out;
    std::string_view text = embedded_common_words();
    while (!text.empty()) {
      const std::size_t newline = text.find('\n');
      std::string_view line = text.substr(0, newline);
      text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
      line = line.substr(0, line.find('#'));
      while (!line.empty()) {
        const std::size_t start = line.find_first_not_of(" \t\r");
        if (start == std::string_view::npos) break;
        line.remove_prefix(start);
        const std::size_t end = std::min(line.find_first_of(" \t\r"), line.size());
        out.push_back(line.substr(0, end));
        line.remove_prefix(end);
      }
    }
    return out;
  }();
  return words;
}

}  // namespace

bool matches_a_common_word(const std::string& pattern, bool case_insensitive) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(!case_insensitive);
  const RE2 re(pattern, options);
  return re.ok() && matches_a_common_word(re);
}

bool matches_a_common_word(const RE2& piece) {
  for (const std::string_view word : common_words()) {
    if (RE2::FullMatch(re2::StringPiece(word.data(), word.size()), piece)) return true;
  }
  return false;
}

}  // namespace demarche::match
