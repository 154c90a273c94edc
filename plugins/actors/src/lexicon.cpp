// Reading lexicon.txt and looking words up in its lists.
#include "lexicon.hpp"

#include <algorithm>
#include <bit>
#include <optional>
#include <stdexcept>

namespace demarche_actors {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

// FNV-1a: the words are short, and a probe a word of every sentence is
// what this table is for.
std::uint64_t word_hash(std::string_view word) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : word) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// 'text' in quotes. (Appended, not `"'" + std::string(text) + "'"`, which
// GCC 12 warns falsely about: -Wrestrict.)
std::string quoted(std::string_view text) {
  return std::string(1, '\'').append(text).append(1, '\'');
}

// What is wrong with `word` as an entry, or empty.
std::string entry_error(std::string_view word) {
  if (std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return quoted(word) + " has an upper-case letter (tokens are compared lower-cased)";
  }
  if (word == "*") return "'*' alone would stand for every word";
  const std::size_t star = word.find('*');
  if (star != std::string_view::npos) {
    const bool at_an_end = star == 0 || star + 1 == word.size();
    if (!at_an_end || word.find('*', star + 1) != std::string_view::npos) {
      return quoted(word) + ": '*' may only begin or end a word, once";
    }
  }
  return {};
}

std::string at(std::size_t line, std::size_t column) {
  return "lexicon.txt:" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

}  // namespace

bool entry_matches(std::string_view word, std::string_view entry) {
  if (!entry.empty() && entry.back() == '*')
    return word.starts_with(entry.substr(0, entry.size() - 1));
  if (!entry.empty() && entry.front() == '*') return word.ends_with(entry.substr(1));
  return word == entry;
}

std::unique_ptr<const Lexicon> Lexicon::parse(std::string_view text, std::string* error) {
  std::unique_ptr<Lexicon> lexicon(new Lexicon());
  std::array<bool, kListCount> seen{};
  std::optional<std::size_t> current;
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    const std::string_view whole = line;
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    std::size_t i = 0;
    while (i < line.size() && is_space(line[i])) ++i;
    if (i < line.size() && line[i] == '[') {
      std::size_t end = line.size();
      while (end > i && is_space(line[end - 1])) --end;
      if (line[end - 1] != ']') {
        *error = at(line_number, i + 1) + "a list's name must end with ']'";
        return nullptr;
      }
      const std::string_view name = line.substr(i + 1, end - i - 2);
      const auto found = std::find(kListNames.begin(), kListNames.end(), name);
      if (found == kListNames.end()) {
        *error = at(line_number, i + 2) + "no list is called '" + std::string(name) + "'";
        return nullptr;
      }
      current = static_cast<std::size_t>(found - kListNames.begin());
      if (seen[*current]) {
        *error = at(line_number, i + 2) + "list '" + std::string(name) + "' is opened twice";
        return nullptr;
      }
      seen[*current] = true;
      continue;
    }
    while (i < line.size()) {
      std::size_t end = i;
      while (end < line.size() && !is_space(line[end])) ++end;
      const std::string_view word = whole.substr(i, end - i);
      if (!current) {
        *error = at(line_number, i + 1) + quoted(word) + " stands before any [list]";
        return nullptr;
      }
      if (const std::string problem = entry_error(word); !problem.empty()) {
        *error = at(line_number, i + 1) + problem;
        return nullptr;
      }
      std::vector<std::string>& entries = lexicon->entries_[*current];
      if (std::find(entries.begin(), entries.end(), word) != entries.end()) {
        *error = at(line_number, i + 1) + quoted(word) + " is already in list '" +
                 std::string(kListNames[*current]) + "'";
        return nullptr;
      }
      entries.emplace_back(word);
      i = end;
      while (i < line.size() && is_space(line[i])) ++i;
    }
  }
  for (std::size_t list = 0; list < kListCount; ++list) {
    if (lexicon->entries_[list].empty()) {
      *error = "lexicon.txt: list '" + std::string(kListNames[list]) +
               (seen[list] ? "' is empty" : "' is missing");
      return nullptr;
    }
  }
  lexicon->index();
  return lexicon;
}

void Lexicon::index() {
  std::size_t words = 0;
  for (const auto& entries : entries_) words += entries.size();
  slots_.assign(std::bit_ceil(words * 2 + 1), Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t list = 0; list < kListCount; ++list) {
    const std::uint32_t bit = 1u << list;
    for (const std::string& entry : entries_[list]) {
      if (entry.back() == '*') {
        prefixes_[list].push_back(std::string_view(entry).substr(0, entry.size() - 1));
        lists_with_affixes_ |= bit;
      } else if (entry.front() == '*') {
        suffixes_[list].push_back(std::string_view(entry).substr(1));
        lists_with_affixes_ |= bit;
      } else {
        std::size_t slot = word_hash(entry) & mask;
        while (!slots_[slot].word.empty() && slots_[slot].word != entry) slot = (slot + 1) & mask;
        slots_[slot].word = entry;
        slots_[slot].lists |= bit;
      }
    }
  }
}

std::uint32_t Lexicon::bits_of(std::string_view word) const {
  if (word.empty()) return 0;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = word_hash(word) & mask;; slot = (slot + 1) & mask) {
    const Slot& s = slots_[slot];
    if (s.word.empty()) return 0;
    if (s.word == word) return s.lists;
  }
}

bool Lexicon::contains(std::string_view word, List list) const {
  const auto index = static_cast<std::size_t>(list);
  const std::uint32_t bit = 1u << index;
  if ((bits_of(word) & bit) != 0) return true;
  if ((lists_with_affixes_ & bit) == 0) return false;
  for (const std::string_view prefix : prefixes_[index]) {
    if (word.starts_with(prefix)) return true;
  }
  for (const std::string_view suffix : suffixes_[index]) {
    if (word.ends_with(suffix)) return true;
  }
  return false;
}

const Lexicon& lexicon() {
  static const std::unique_ptr<const Lexicon> parsed = [] {
    std::string error;
    std::unique_ptr<const Lexicon> lexicon = Lexicon::parse(embedded_lexicon(), &error);
    if (!lexicon) throw std::runtime_error("the embedded word lists: " + error);
    return lexicon;
  }();
  return *parsed;
}

}  // namespace demarche_actors
