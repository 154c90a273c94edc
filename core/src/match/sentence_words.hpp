// The word starts of one sentence, for the word lookups of every piece
// (literal_piece.hpp): found, lower-cased and hashed once per sentence, not
// once per piece that is looked up in it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace demarche::match {

// What the whole-word regexes count as a word character: ASCII letters,
// digits, '_', and every non-ASCII byte (piece_set.cpp's kNonWord).
constexpr bool is_word_byte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         c == '_';
}

// The hash the lookups' tables of first words are keyed by (a lower-cased
// word). XXH3: for words of a few bytes it is a handful of instructions
// inline, where std::hash (MurmurHash, out of line) was a third of
// indexing a sentence's words.
std::size_t word_hash(std::string_view word);

// Where a whole-word piece may begin: at 0, or after a character that is
// not a word character. `end` ends the run of word characters from there
// (at == end where a non-word character stands).
struct WordStart {
  std::uint32_t at = 0;
  std::uint32_t end = 0;
  std::uint32_t key = 0;  // offset of the lower-cased word in SentenceWords::keys
  std::size_t hash = 0;   // word_hash of that word
};

class SentenceWords {
 public:
  // Longer texts are not kept: a lookup reads them directly.
  static constexpr std::size_t kMaxText = std::size_t{16} * 1024;

  // The table for `text` (at most kMaxText bytes), kept per thread until a
  // different text is asked for: the pieces of one sentence share it.
  static const SentenceWords& of(std::string_view text);

  const std::vector<WordStart>& starts() const { return starts_; }
  std::string_view key(const WordStart& w) const {
    return std::string_view(keys_).substr(w.key, w.end - w.at);
  }
  // Whether the text holds U+212A or U+017F, which RE2's (?i) matches to
  // 'k' and 's'.
  bool folds_to_k_or_s() const { return folds_to_k_or_s_; }

 private:
  void index(std::string_view text);

  std::string text_;
  std::string keys_;
  std::vector<WordStart> starts_;
  bool folds_to_k_or_s_ = false;
  bool filled_ = false;
};

}  // namespace demarche::match
