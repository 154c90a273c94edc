// A whole-word piece that is a finite list of words and phrases, found
// by looking up the word at each word start instead of running a regex.
//
// On news nobody has seen, compiling each piece's RE2 the first time a
// sentence needs it and building its automaton state by state took most of
// a fresh process's time (docs/architecture.md, "Literal pieces"). A lookup
// needs neither. It gives exactly what RE2's leftmost-first search of the
// piece's whole-word regex gives: the leftmost start, and there the first
// string in the regex's preference order (finite_language.hpp) that is
// followed by a boundary.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "demarche/result.hpp"
#include "match/finite_language.hpp"

namespace demarche::match {

class LiteralPiece {
 public:
  // The lookup for the whole-word piece `pattern` (RE2 syntax, without its
  // boundaries), or null when its language is not a finite list of strings
  // whose first word can be looked up (finite_language.hpp says which
  // syntax; each character of a first word must be one character, or one
  // ASCII letter in either case; a run before a string's end must be of
  // word characters).
  static std::unique_ptr<const LiteralPiece> build(std::string_view pattern, bool case_insensitive);

  enum class Answer : std::uint8_t {
    kFound,
    kNotFound,
    // Ask the regex: the text holds U+212A KELVIN SIGN or U+017F LONG S,
    // which RE2's case folding matches to 'k' and 's', or a non-ASCII
    // character stands where the piece has \pL or \p{Lu}.
    kAskRegex,
  };

  // Whether a text holds U+212A or U+017F, asked once for many searches of
  // one text: a text too long for SentenceWords is otherwise scanned for
  // them on every search, and a sentence of megabytes searched for each of
  // its hundred thousand mentions of a state took minutes (fuzzing).
  // Belongs to one text: make a new one, or reset() it, for another.
  class TextFolds {
   public:
    bool holds_k_or_s(std::string_view text);
    void reset() { known_.reset(); }

   private:
    std::optional<bool> known_;
  };

  // As the piece's whole-word regex searched from byte `from` of `text`
  // (valid UTF-8; `from` at most its size): where the piece itself is.
  // `folds`, when given, is `text`'s own.
  Answer find_from(std::string_view text, std::size_t from, Span* found,
                   TextFolds* folds = nullptr) const;

  // The lookup as bytes for the cache (literal_piece_bytes.cpp), and back.
  // from_bytes checks every index it reads, so that a damaged or foreign
  // record gives null, never a lookup that reads out of bounds.
  std::string to_bytes() const;
  static std::unique_ptr<const LiteralPiece> from_bytes(std::string_view bytes);

 private:
  LiteralPiece() = default;
  enum class Match : std::uint8_t { kNo, kYes, kAsk };
  // Whether string `literal` matches at `at`, followed by a boundary; on
  // kYes, `end` is where it ends. kAsk: a Unicode class meets a non-ASCII
  // character.
  Match match_at(std::uint32_t literal, std::string_view text, std::size_t at,
                 std::size_t* end) const;

  // The strings, in preference order: literal i is positions_[starts_[i],
  // starts_[i + 1]), each position an index in sets_ (one may carry
  // kTail, a run).
  std::vector<CharSet> sets_;
  // Per set: 1 for a Unicode class (finite_language.hpp). Bytes, not
  // std::vector<bool>, so that a lookup read back copies them in one go.
  std::vector<std::uint8_t> unicode_;
  std::u16string positions_;
  std::vector<std::uint32_t> starts_;
  // Strings whose first word is not known before the text is read (a tail
  // or a Unicode class in it): tried at every word start.
  std::vector<std::uint32_t> unkeyed_;
  // First word, ASCII lower-cased -> the strings that begin with it, in
  // order. A word runs over ASCII letters, digits, '_' and non-ASCII bytes.
  // Looked up with the hash SentenceWords computed once per sentence. Flat
  // arrays rather than a map of vectors, so that the table is written to and
  // read from the cache (literal_cache.hpp) as it is, slots_ and the filter
  // too: hashing every first word again was a sixth of reading a lookup back
  // (the hash function is part of the cache's key).
  struct Entry {
    std::uint32_t key_begin;  // the word is keys_[key_begin, key_begin + key_size)
    std::uint32_t key_size;
    std::uint32_t first;  // its strings are candidates_[first, last)
    std::uint32_t last;
  };
  struct Candidates {
    const std::uint32_t* begin;
    const std::uint32_t* end;
  };
  std::optional<Candidates> candidates(std::string_view word, std::size_t hash) const {
    // Inline: most words of a sentence are turned away here, and a call a
    // word cost more than the test (callgrind, news sentences).
    if (word.size() > longest_first_word_) return std::nullopt;
    const std::size_t bit = hash & (first_word_filter_.size() * 64 - 1);
    if (!(first_word_filter_[bit / 64] >> (bit % 64) & 1)) return std::nullopt;
    return in_table(word, hash);
  }
  // The word's strings, from the table itself.
  std::optional<Candidates> in_table(std::string_view word, std::size_t hash) const;
  Match try_at(std::optional<Candidates> keyed, std::string_view text, std::size_t at,
               Span* found) const;
  Answer find_directly(std::string_view text, std::size_t from, Span* found,
                       TextFolds* folds) const;
  // Builds slots_, the filter and longest_first_word_ from entries_; false
  // when two entries have the same word.
  bool index_first_words();

  std::string keys_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> candidates_;
  // Open addressing: entry index + 1 per slot, 0 for an empty slot.
  std::vector<std::uint32_t> slots_;
  // A Bloom filter of the first words' hashes, small enough to stay in
  // cache: most words of a sentence begin none of a piece's strings, and are
  // turned away here without touching the table.
  std::vector<std::uint64_t> first_word_filter_;
  std::size_t longest_first_word_ = 0;
  bool folds_k_or_s_ = false;
  // Whether any string holds a run: most lookups have none, and match_at
  // then need not look for one position by position on every call.
  bool has_runs_ = false;
};

}  // namespace demarche::match
