// text.hpp: a sentence as the plugin reads it: typography folded and cut
// into tokens, with a way back to byte offsets in the original.
//
// The host's `normalized` text cannot be used for this: its offsets may
// differ from the original's, and evidence spans are offsets into the
// original. So the plugin folds the few characters it cares about itself
// (curly quotes and apostrophes, dashes, non-breaking spaces), drops the
// invisible characters the engine drops (demarche/invisible.hpp: byte order
// mark, zero-width characters, soft hyphen), and keeps a map from each
// folded byte to its original offset.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace demarche_actors {

struct Token {
  std::size_t begin = 0;  // in the folded text
  std::size_t end = 0;
  std::size_t original_begin = 0;  // in the original text
  std::size_t original_end = 0;
  bool word = false;  // a run of letters, digits and non-ASCII bytes; else one punctuation byte
  bool space_before = false;  // whitespace (or the start of the text) just before it
};

// Tokens [first, last) of a Text.
struct TokenRange {
  std::size_t first = 0;
  std::size_t last = 0;
};

class Text {
 public:
  explicit Text(std::string_view original);

  std::size_t size() const { return tokens_.size(); }
  const Token& token(std::size_t i) const { return tokens_[i]; }

  // The token as written (folded) and ASCII-lower-cased; empty past the end.
  std::string_view written(std::size_t i) const;
  std::string_view lower(std::size_t i) const;

  bool is_word(std::size_t i) const { return i < tokens_.size() && tokens_[i].word; }
  // True when token i is the punctuation byte c.
  bool is_punct(std::size_t i, char c) const;
  // A word whose first byte is an ASCII upper-case letter.
  bool capitalised(std::size_t i) const;
  // True when token i is a word equal, ignoring ASCII case, to `lower_word`.
  bool is(std::size_t i, std::string_view lower_word) const {
    return is_word(i) && lower(i) == lower_word;
  }

  // The tokens overlapping original bytes [begin, end); empty when none does.
  TokenRange tokens_overlapping(std::size_t begin, std::size_t end) const;

 private:
  std::string folded_;
  std::string lower_;
  std::vector<Token> tokens_;
};

}  // namespace demarche_actors
