// Word positions, for proximity between matched pieces.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace demarche::text {

// The byte offsets at which words start. A word is a maximal run of word code
// points (see is_word_code_point); an apostrophe or hyphen between two word
// characters joins them ("Mali's", "so-called" are one word each); so do the
// curly apostrophe and the Unicode hyphens U+2010/U+2011, for text that was not
// normalised. Stops and commas do not: "3.5" is two words. Construction is one
// linear pass; throws std::length_error for a text of 4 GiB or more.
class WordIndex {
 public:
  WordIndex() = default;
  explicit WordIndex(std::string_view text) { index(text); }

  // Indexes `text` instead, reusing the storage.
  void index(std::string_view text);

  // How many words start in [begin, end).
  std::size_t words_between(std::size_t begin, std::size_t end) const;

  std::size_t word_count() const { return starts_.size(); }

 private:
  std::vector<std::uint32_t> starts_;
};

}  // namespace demarche::text
