#include "tokens.hpp"

#include <algorithm>

namespace demarche_modality {
namespace {

// What one character of the original is, for tokenising. Only the
// characters that the rules' normalisation also folds are told apart; any
// other non-ASCII character counts as a letter (é in "chargé").
enum class Class {
  kLetter,
  kApostrophe,
  kHyphen,
  kDot,
  kComma,
  kStop,
  kDash,
  kSpace,
  kInvisible,  // zero-width characters and soft hyphens: part of the word they are in
  kOther,
};

struct Char {
  Class cls = Class::kOther;
  std::size_t length = 1;  // bytes
};

bool ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;  // a stray continuation byte: one byte at a time
}

Char classify_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    if (ascii_alnum(c)) return {Class::kLetter};
    switch (c) {
      case '\'':
        return {Class::kApostrophe};
      case '-':
        return {Class::kHyphen};
      case '.':
        return {Class::kDot};
      case ',':
        return {Class::kComma};
      case ';':
      case ':':
      case '(':
      case ')':
      case '[':
      case ']':
      case '?':
        return {Class::kStop};
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        return {Class::kSpace};
      default:
        return {Class::kOther};
    }
  }
  const std::size_t n = std::min(utf8_length(c), s.size() - i);
  const std::string_view ch = s.substr(i, n);
  // U+2018, U+2019: curly apostrophes; U+201C..U+201D quotes; U+2013..U+2015
  // dashes; U+2026 ellipsis; U+00A0 and U+202F no-break spaces; U+00AB,
  // U+00BB guillemets; U+200B..U+200D, U+2060 and U+00AD are invisible.
  if (ch == "\u2018" || ch == "\u2019") return {Class::kApostrophe, n};
  if (ch == "\u2013" || ch == "\u2014" || ch == "\u2015") return {Class::kDash, n};
  if (ch == "\u00a0" || ch == "\u202f" || ch == "\u2026" || ch == "\u3000")
    return {Class::kSpace, n};
  if (ch == "\u201c" || ch == "\u201d" || ch == "\u00ab" || ch == "\u00bb")
    return {Class::kOther, n};
  if (ch == "\u200b" || ch == "\u200c" || ch == "\u200d" || ch == "\u2060" || ch == "\u00ad" ||
      ch == "\ufeff") {
    return {Class::kInvisible, n};
  }
  if (ch.size() == 3 && ch[0] == '\xE2' && ch[1] == '\x80')
    return {Class::kOther, n};  // other punctuation
  return {Class::kLetter, n};
}

// Inner punctuation stays in a word only between two letters ("didn't",
// "anti-dumping", "u.s"), so that a closing quote or a final full stop does not.
bool letter_at(std::string_view s, std::size_t i) {
  return i < s.size() && classify_at(s, i).cls == Class::kLetter;
}

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  Token word;
  bool in_word = false;
  auto finish_word = [&] {
    if (in_word) tokens.push_back(std::move(word));
    word = Token{};
    in_word = false;
  };
  auto push = [&](Token::Kind kind, std::size_t begin, std::size_t end) {
    finish_word();
    tokens.push_back(Token{kind, begin, end, {}, false});
  };

  for (std::size_t i = 0; i < s.size();) {
    const Char ch = classify_at(s, i);
    std::size_t next = i + ch.length;
    switch (ch.cls) {
      case Class::kLetter: {
        if (!in_word) {
          word.begin = i;
          word.capitalized = s[i] >= 'A' && s[i] <= 'Z';
          in_word = true;
        }
        // A run of ASCII letters and digits is taken whole, each of them a
        // letter on its own: appended a byte at a time, the tokenizer took a
        // third more instructions (4.8 against 3.6 million over the news
        // sentences, callgrind).
        if (ch.length == 1) {
          while (next < s.size() && ascii_alnum(static_cast<unsigned char>(s[next]))) ++next;
        }
        const std::size_t from = word.text.size();
        word.text.append(s.data() + i, next - i);
        for (std::size_t k = from; k < word.text.size(); ++k) {
          const char c = word.text[k];
          if (c >= 'A' && c <= 'Z') word.text[k] = static_cast<char>(c - 'A' + 'a');
        }
        word.end = next;
        break;
      }
      case Class::kApostrophe:
      case Class::kDot:
        if (in_word && letter_at(s, next)) {
          word.text += ch.cls == Class::kDot ? '.' : '\'';
          word.end = next;
        } else {
          finish_word();
        }
        break;
      case Class::kHyphen:
        if (in_word && letter_at(s, next)) {
          word.text += '-';
          word.end = next;
        } else if (i == 0 || s[i - 1] == ' ' || s[i - 1] == '-' || next >= s.size() ||
                   s[next] == ' ' || s[next] == '-') {
          // " - " and "--" are dashes; one run of hyphens is one token.
          finish_word();
          if (!tokens.empty() && tokens.back().kind == Token::Kind::kStop &&
              tokens.back().end == i) {
            tokens.back().end = next;
          } else {
            push(Token::Kind::kStop, i, next);
          }
        } else {
          finish_word();
        }
        break;
      case Class::kComma:
        push(Token::Kind::kComma, i, next);
        break;
      case Class::kStop:
        // A colon between digits is a time ("10:30"), not a clause break.
        if (s[i] == ':' && in_word && i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') {
          finish_word();
          break;
        }
        push(Token::Kind::kStop, i, next);
        break;
      case Class::kDash:
        push(Token::Kind::kStop, i, next);
        break;
      case Class::kInvisible:
        if (in_word) word.end = next;
        break;
      case Class::kSpace:
      case Class::kOther:
        finish_word();
        break;
    }
    i = next;
  }
  finish_word();
  return tokens;
}

bool ends_with_question_mark(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0) {
    const char c = s[end - 1];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '"' || c == '\'' || c == ')') {
      --end;
    } else if (end >= 3 && (s.substr(end - 3, 3) == "\u201d" || s.substr(end - 3, 3) == "\u2019")) {
      end -= 3;
    } else {
      return c == '?';
    }
  }
  return false;
}

}  // namespace demarche_modality
