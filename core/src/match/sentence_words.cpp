#include "match/sentence_words.hpp"

// Inline: the hash is taken of every word of every sentence a lookup reads.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace demarche::match {

std::size_t word_hash(std::string_view word) {
  return XXH3_64bits(word.data(), word.size());
}

const SentenceWords& SentenceWords::of(std::string_view text) {
  thread_local SentenceWords last;
  if (!last.filled_ || std::string_view(last.text_) != text) last.index(text);
  return last;
}

void SentenceWords::index(std::string_view text) {
  text_.assign(text);
  // The keys are lower-cased runs of the text, so they fit in its size:
  // written in place, not appended a character at a time (this function was
  // 3.5% of a warm news run's instructions, callgrind).
  keys_.resize(text.size());
  starts_.clear();
  filled_ = true;
  folds_to_k_or_s_ = text.find("\xE2\x84\xAA") != std::string_view::npos ||
                     text.find("\xC5\xBF") != std::string_view::npos;
  std::size_t key_end = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    if (at > 0 && is_word_byte(static_cast<unsigned char>(text[at - 1]))) {
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < text.size() && is_word_byte(static_cast<unsigned char>(text[end]))) ++end;
    WordStart w;
    w.at = static_cast<std::uint32_t>(at);
    w.end = static_cast<std::uint32_t>(end);
    w.key = static_cast<std::uint32_t>(key_end);
    for (std::size_t i = at; i < end; ++i) {
      const char c = text[i];
      keys_[key_end++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    w.hash = word_hash(key(w));
    starts_.push_back(w);
    // Inside the word, and just after it, no word starts: each follows a
    // word character.
    at = end > at ? end + 1 : at + 1;
  }
}

}  // namespace demarche::match
