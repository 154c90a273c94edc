// Folding and tokenising one sentence.
#include "text.hpp"

#include <cstddef>
#include <demarche/invisible.hpp>
#include <numeric>

namespace demarche_actors {
namespace {

// What a multi-byte character folds to, or 0 to keep it. Only characters
// that change how the sentence is cut into words are folded: quotes and
// apostrophes (so "Russia’s" has a possessive and "Côte d’Ivoire" matches
// its key), dashes (clause breaks and compounds) and Unicode spaces.
char fold(std::string_view rest, std::size_t& length) {
  const auto byte = [&](std::size_t i) {
    return i < rest.size() ? static_cast<unsigned char>(rest[i]) : 0u;
  };
  if (byte(0) == 0xC2 && (byte(1) == 0xA0)) {
    length = 2;
    return ' ';
  }
  if (byte(0) == 0xC2 && (byte(1) == 0xAB || byte(1) == 0xBB)) {
    length = 2;
    return '"';
  }
  if (byte(0) == 0xE2 && byte(1) == 0x80) {
    const unsigned c = byte(2);
    length = 3;
    if (c == 0x98 || c == 0x99 || c == 0x9B || c == 0xB2) return '\'';
    if (c == 0x9C || c == 0x9D || c == 0x9E) return '"';
    if (c >= 0x90 && c <= 0x95) return '-';
    if ((c >= 0x80 && c <= 0x8A) || c == 0xAF) return ' ';
    if (c == 0xA6) return '.';
  }
  if (byte(0) == 0xE2 && byte(1) == 0x88 && byte(2) == 0x92) {  // minus sign
    length = 3;
    return '-';
  }
  length = 1;
  return 0;
}

// The length of the invisible character at the start of `rest` that the
// engine drops before its rules see the text (demarche/invisible.hpp), or 0.
// All of them take two or three bytes in UTF-8.
std::size_t invisible_length(std::string_view rest) {
  const auto byte = [&](std::size_t i) {
    return i < rest.size() ? static_cast<unsigned char>(rest[i]) : 0u;
  };
  const auto continuation = [&](std::size_t i) { return (byte(i) & 0xC0u) == 0x80u; };
  if (byte(0) >= 0xC2 && byte(0) <= 0xDF && continuation(1)) {
    const char32_t c = ((byte(0) & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
    return demarche::is_dropped_invisible(c) ? 2 : 0;
  }
  if (byte(0) >= 0xE0 && byte(0) <= 0xEF && continuation(1) && continuation(2)) {
    const char32_t c = ((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
    return demarche::is_dropped_invisible(c) ? 3 : 0;
  }
  return 0;
}

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

Text::Text(std::string_view original) {
  // Fold, remembering where each folded byte came from.
  std::vector<std::size_t> original_of;
  folded_.reserve(original.size());
  original_of.reserve(original.size() + 1);
  for (std::size_t i = 0; i < original.size();) {
    // ASCII is kept as it is: every character folded or dropped below takes
    // two or three bytes. Tested first, as most text is ASCII and this loop
    // was the costliest part of building a Text (callgrind).
    if (static_cast<unsigned char>(original[i]) < 0x80) {
      // The whole run of ASCII at once: a byte at a time, building a Text
      // took half as many instructions again (14.6 against 9.7 million over
      // 30,000 generated sentences, callgrind).
      std::size_t end = i + 1;
      while (end < original.size() && static_cast<unsigned char>(original[end]) < 0x80) ++end;
      folded_.append(original.data() + i, end - i);
      const std::size_t from = original_of.size();
      original_of.resize(from + (end - i));
      std::iota(original_of.begin() + static_cast<std::ptrdiff_t>(from), original_of.end(), i);
      i = end;
      continue;
    }
    // Dropped, as the engine drops them: a byte order mark or a soft hyphen
    // glued to a word made it another word ("\u00ADRussian").
    if (const std::size_t invisible = invisible_length(original.substr(i)); invisible > 0) {
      i += invisible;
      continue;
    }
    std::size_t length = 1;
    const char folded = fold(original.substr(i), length);
    if (folded != 0) {
      folded_ += folded;
      original_of.push_back(i);
    } else {
      for (std::size_t k = 0; k < length; ++k) {
        folded_ += original[i + k];
        original_of.push_back(i + k);
      }
    }
    i += length;
  }
  original_of.push_back(original.size());
  lower_ = folded_;
  for (char& c : lower_) c = ascii_lower(c);

  // Tokens: runs of word bytes, and single punctuation bytes.
  bool space_before = true;
  for (std::size_t i = 0; i < folded_.size();) {
    if (is_space(folded_[i])) {
      space_before = true;
      ++i;
      continue;
    }
    Token token;
    token.begin = i;
    token.word = is_word_byte(folded_[i]);
    if (token.word) {
      while (i < folded_.size() && is_word_byte(folded_[i])) ++i;
    } else {
      ++i;
    }
    token.end = i;
    token.original_begin = original_of[token.begin];
    token.original_end = original_of[token.end];
    token.space_before = space_before;
    space_before = false;
    tokens_.push_back(token);
  }
}

std::string_view Text::written(std::size_t i) const {
  if (i >= tokens_.size()) return {};
  return std::string_view(folded_).substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
}

std::string_view Text::lower(std::size_t i) const {
  if (i >= tokens_.size()) return {};
  return std::string_view(lower_).substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
}

bool Text::is_punct(std::size_t i, char c) const {
  return i < tokens_.size() && !tokens_[i].word && folded_[tokens_[i].begin] == c;
}

bool Text::capitalised(std::size_t i) const {
  if (!is_word(i)) return false;
  const char c = folded_[tokens_[i].begin];
  return c >= 'A' && c <= 'Z';
}

TokenRange Text::tokens_overlapping(std::size_t begin, std::size_t end) const {
  TokenRange range;
  while (range.first < tokens_.size() && tokens_[range.first].original_end <= begin) ++range.first;
  range.last = range.first;
  while (range.last < tokens_.size() && tokens_[range.last].original_begin < end) ++range.last;
  return range;
}

}  // namespace demarche_actors
