// All gap-free pattern pieces of all rules, scanned together.
//
// One RE2::Set says which pieces occur in a sentence in a single pass,
// however many rules there are; only for those pieces do we run the piece's
// own RE2 to find where. Gaps between pieces are checked afterwards from
// positions (sequence.hpp), never inside a regex, because a set of regexes
// with wide gaps makes the set's DFA thrash.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "demarche/result.hpp"

namespace re2 {
class RE2;
}

namespace demarche::match {

struct PieceSpec {
  std::string pattern;  // RE2 syntax, definitions already expanded
  bool case_insensitive = true;
  bool whole_words = true;  // not glued to a letter, digit or '_' on either side
};

// The regex actually compiled for a piece: group 1 is the piece itself, so
// identical final strings are one piece however many rules use them.
std::string piece_regex(const PieceSpec& spec);

// Whether `regex` (from piece_regex) was built with whole_words.
bool is_whole_word_regex(const std::string& regex);

class PieceSet {
 public:
  // `regexes` come from piece_regex() and must each be valid RE2; only those
  // with `in_set` true join the combined set (see common_words.hpp), the
  // others are searched for on demand. `max_memory` bounds the set's automaton.
  PieceSet(const std::vector<std::string>& regexes, const std::vector<bool>& in_set,
           std::int64_t max_memory);
  ~PieceSet();
  // Holds compiled automata and their caches: share it, do not copy it.
  PieceSet(const PieceSet&) = delete;
  PieceSet& operator=(const PieceSet&) = delete;

  // Empty when construction succeeded.
  const std::string& build_error() const { return build_error_; }

  bool in_set(int id) const { return set_index_[static_cast<std::size_t>(id)] >= 0; }

  // Fills `ids` with the pieces in the set that occur in `text`, ascending.
  // Returns false with `error` set when the set could not answer (its DFA ran
  // out of memory): never read that as "no piece occurs".
  bool present(std::string_view text, std::vector<int>* ids, std::string* error) const;

  // Every non-overlapping occurrence of piece `id` in `text`, left to right.
  void occurrences(int id, std::string_view text, std::vector<Span>* out) const;

  std::size_t size() const { return pieces_.size(); }

 private:
  struct SetHolder;
  std::unique_ptr<SetHolder> set_;
  std::vector<bool> whole_words_;  // per piece
  std::vector<int> set_index_;     // per piece: its index in the set, or -1
  std::vector<int> piece_of_;      // per set member: its piece
  std::vector<std::unique_ptr<re2::RE2>> pieces_;
  std::string build_error_;
};

}  // namespace demarche::match
