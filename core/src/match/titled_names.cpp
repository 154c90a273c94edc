#include "match/titled_names.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace demarche::match {
namespace {

// Capitalised words that follow a title without being a name.
constexpr std::array<std::string_view, 23> kNotNames = {
    "Monday",   "Tuesday",  "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March",    "April",     "May",      "June",   "July",     "August", "September",
    "October",  "November", "December",  "The",      "This",   "That",     "His"};

bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
}

bool is_name(std::string_view word) {
  return word.size() > 3 && std::find(kNotNames.begin(), kNotNames.end(), word) == kNotNames.end();
}

void add(std::vector<std::string>* names, std::string_view name) {
  if (std::find(names->begin(), names->end(), name) == names->end()) names->emplace_back(name);
}

}  // namespace

TitledNames::TitledNames(const std::string& titles) {
  if (titles.empty()) return;
  // The title, then one to four capitalised words: letters (any script),
  // apostrophes and hyphens ("Jean-Yves", "O'Neill"), each perhaps an
  // initial with its stop ("J.").
  const std::string word = "[A-Z][A-Za-z\\x{80}-\\x{10FFFF}'-]*\\.?";
  pattern_ = "(?:^|[^A-Za-z0-9_])(?:" + titles + ")[ ,]+((?:" + word + " ){0,3}" + word + ")";
}

TitledNames::~TitledNames() = default;

const RE2* TitledNames::regex() const {
  std::call_once(once_, [this] {
    if (pattern_.empty()) return;
    RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_unique<const RE2>(pattern_, options);
    if (regex->ok()) regex_ = std::move(regex);
  });
  return regex_.get();
}

void TitledNames::harvest(std::string_view sentence, std::vector<std::string>* names) const {
  const RE2* regex = this->regex();
  if (!regex) return;
  re2::StringPiece input(sentence.data(), sentence.size());
  re2::StringPiece name;
  while (RE2::FindAndConsume(&input, *regex, &name)) {
    std::string_view full(name.data(), name.size());
    while (!full.empty() && full.back() == '.') full.remove_suffix(1);
    // Drop trailing words that are not names ("Minister Dupont Monday").
    for (;;) {
      const std::size_t space = full.rfind(' ');
      const std::string_view last = space == std::string_view::npos ? full : full.substr(space + 1);
      if (is_name(last) || space == std::string_view::npos) break;
      full = full.substr(0, space);
    }
    const std::size_t space = full.rfind(' ');
    const std::string_view last = space == std::string_view::npos ? full : full.substr(space + 1);
    if (!is_name(last)) continue;
    add(names, full);
    add(names, last);
  }
}

std::vector<Span> find_names(std::string_view text, const std::vector<std::string>& names) {
  std::vector<Span> found;
  for (const std::string& name : names) {
    for (std::size_t at = text.find(name); at != std::string_view::npos;
         at = text.find(name, at + 1)) {
      const std::size_t end = at + name.size();
      if ((at > 0 && is_word_byte(text[at - 1])) || (end < text.size() && is_word_byte(text[end])))
        continue;
      found.push_back(Span{at, end});
    }
  }
  std::sort(found.begin(), found.end(), [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Span> out;
  for (const Span& s : found) {
    if (out.empty() || s.begin >= out.back().end) out.push_back(s);
  }
  return out;
}

}  // namespace demarche::match
