// word_lists.hpp: closed word lists read from a data file, for the shipped
// plugins (the actors plugin's data/lexicon.txt, the modality plugin's
// data/words.txt). Not a plugin: its source is compiled into each plugin
// that uses it, and it uses nothing of the engine.
//
// The file: `[name]` opens a list; its words follow, any number to a line,
// separated by spaces; `#` starts a comment. A word is compared with a
// token's ASCII lower-cased form, so it is written in lower case. `word*`
// stands for every word it begins, `*word` for every longer word it ends. A
// list may not name a word twice.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace demarche_word_lists {

// True when `word` is what one entry stands for: the entry itself, or with
// "word*" any word it begins, with "*word" any longer word it ends.
bool entry_matches(std::string_view word, std::string_view entry);

// Every list of a file. A word is looked up in one hash table for all lists
// (its bits say which), so asking whether a word is in a list costs one
// probe, not a probe a list; the few entries with '*' are kept apart, by
// list.
class WordLists {
 public:
  static constexpr std::size_t kMaxLists = 64;  // a word's lists are the bits of a std::uint64_t

  // The lists of `text`, named `names` (list i is `[names[i]]`), or null
  // with `*error` saying where (`FILE:LINE:COLUMN: ...`, FILE being
  // `file_name`) what is wrong: a word outside any list, an unknown or
  // repeated `[name]`, a list missing or empty, a word twice in a list, an
  // upper-case letter, a '*' inside a word or alone.
  static std::unique_ptr<const WordLists> parse(std::string_view text, std::string_view file_name,
                                                std::span<const std::string_view> names,
                                                std::string* error);

  // The table holds views of the entries: not copied, not moved.
  WordLists(const WordLists&) = delete;
  WordLists& operator=(const WordLists&) = delete;

  // True when `word` (lower case) is in list `list`.
  bool contains(std::string_view word, std::size_t list) const;
  // List `list`'s entries as written, in order.
  const std::vector<std::string>& entries(std::size_t list) const { return entries_[list]; }

 private:
  WordLists() = default;
  void index();
  std::uint64_t bits_of(std::string_view word) const;

  std::vector<std::vector<std::string>> entries_;
  // Open addressing over the plain words of every list: a word (a view of
  // entries_, whose strings do not move once index() ran) and the bits of
  // the lists holding it; an empty word marks an empty slot.
  struct Slot {
    std::string_view word;
    std::uint64_t lists = 0;
  };
  std::vector<Slot> slots_;
  std::vector<std::vector<std::string_view>> prefixes_;
  std::vector<std::vector<std::string_view>> suffixes_;
  std::uint64_t lists_with_affixes_ = 0;  // a bit per list that has any
};

}  // namespace demarche_word_lists
