#include "match/sentence_words.hpp"

#include <functional>

namespace demarche::match {

const SentenceWords& SentenceWords::of(std::string_view text) {
  thread_local SentenceWords last;
  if (!last.filled_ || std::string_view(last.text_) != text) last.index(text);
  return last;
}

void SentenceWords::index(std::string_view text) {
  text_.assign(text);
  keys_.clear();
  starts_.clear();
  filled_ = true;
  folds_to_k_or_s_ = text.find("\xE2\x84\xAA") != std::string_view::npos ||
                     text.find("\xC5\xBF") != std::string_view::npos;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (at > 0 && is_word_byte(static_cast<unsigned char>(text[at - 1]))) continue;
    std::size_t end = at;
    while (end < text.size() && is_word_byte(static_cast<unsigned char>(text[end]))) ++end;
    WordStart w;
    w.at = static_cast<std::uint32_t>(at);
    w.end = static_cast<std::uint32_t>(end);
    w.key = static_cast<std::uint32_t>(keys_.size());
    for (std::size_t i = at; i < end; ++i) {
      const char c = text[i];
      keys_ += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    w.hash = std::hash<std::string_view>{}(key(w));
    starts_.push_back(w);
  }
}

}  // namespace demarche::match
