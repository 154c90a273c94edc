// Reading a file of word lists and looking words up in them.
#include "word_lists.hpp"

#include <algorithm>
#include <bit>
#include <optional>

namespace demarche_word_lists {

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

}  // namespace

bool entry_matches(std::string_view word, std::string_view entry) {
  if (!entry.empty() && entry.back() == '*')
    return word.starts_with(entry.substr(0, entry.size() - 1));
  if (!entry.empty() && entry.front() == '*') {
    return word.size() + 1 > entry.size() && word.ends_with(entry.substr(1));
  }
  return word == entry;
}

std::unique_ptr<const WordLists> WordLists::parse(std::string_view text, std::string_view file_name,
                                                  std::span<const std::string_view> names,
                                                  std::string* error) {
  const auto at = [&](std::size_t line, std::size_t column) {
    return std::string(file_name) + ":" + std::to_string(line) + ":" + std::to_string(column) +
           ": ";
  };
  if (names.size() > kMaxLists) {
    *error = std::string(file_name) + ": more lists than " + std::to_string(kMaxLists);
    return nullptr;
  }
  std::unique_ptr<WordLists> lists(new WordLists());
  lists->entries_.resize(names.size());
  std::vector<bool> seen(names.size(), false);
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
      const auto found = std::find(names.begin(), names.end(), name);
      if (found == names.end()) {
        *error = at(line_number, i + 2) + "no list is called '" + std::string(name) + "'";
        return nullptr;
      }
      current = static_cast<std::size_t>(found - names.begin());
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
      std::vector<std::string>& entries = lists->entries_[*current];
      if (std::find(entries.begin(), entries.end(), word) != entries.end()) {
        *error = at(line_number, i + 1) + quoted(word) + " is already in list '" +
                 std::string(names[*current]) + "'";
        return nullptr;
      }
      entries.emplace_back(word);
      i = end;
      while (i < line.size() && is_space(line[i])) ++i;
    }
  }
  for (std::size_t list = 0; list < names.size(); ++list) {
    if (lists->entries_[list].empty()) {
      *error = std::string(file_name) + ": list '" + std::string(names[list]) +
               (seen[list] ? "' is empty" : "' is missing");
      return nullptr;
    }
  }
  lists->index();
  return lists;
}

void WordLists::index() {
  std::size_t words = 0;
  for (const auto& entries : entries_) words += entries.size();
  slots_.assign(std::bit_ceil(words * 2 + 1), Slot{});
  prefixes_.resize(entries_.size());
  suffixes_.resize(entries_.size());
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t list = 0; list < entries_.size(); ++list) {
    const std::uint64_t bit = std::uint64_t{1} << list;
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

std::uint64_t WordLists::bits_of(std::string_view word) const {
  if (word.empty()) return 0;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = word_hash(word) & mask;; slot = (slot + 1) & mask) {
    const Slot& s = slots_[slot];
    if (s.word.empty()) return 0;
    if (s.word == word) return s.lists;
  }
}

bool WordLists::contains(std::string_view word, std::size_t list) const {
  const std::uint64_t bit = std::uint64_t{1} << list;
  if ((bits_of(word) & bit) != 0) return true;
  if ((lists_with_affixes_ & bit) == 0) return false;
  for (const std::string_view prefix : prefixes_[list]) {
    if (word.starts_with(prefix)) return true;
  }
  for (const std::string_view suffix : suffixes_[list]) {
    if (word.size() > suffix.size() && word.ends_with(suffix)) return true;
  }
  return false;
}

}  // namespace demarche_word_lists
