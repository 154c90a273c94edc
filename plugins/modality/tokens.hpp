// tokens.hpp: the words and clause punctuation of a sentence, with byte
// offsets into the sentence's original text.
//
// The plugin tokenises `original` rather than `normalized` so that every
// offset it returns is an original offset without a map back: the few
// typographic characters that matter here (curly apostrophes, dashes,
// no-break spaces) are folded while tokenising instead.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace demarche_modality {

struct Token {
  enum class Kind {
    kWord,
    kComma,
    kStop,  // ; : ( ) [ ] a dash or '?': always ends a clause
  };
  Kind kind = Kind::kWord;
  std::size_t begin = 0;  // byte offsets into the original sentence
  std::size_t end = 0;
  std::string text;          // a word in lower case, apostrophes folded to '\''
  bool capitalized = false;  // the word's first letter was upper case ("May")

  bool is_word() const { return kind == Kind::kWord; }
  bool is(std::string_view word) const { return kind == Kind::kWord && text == word; }
};

// Words are runs of letters, digits and other non-ASCII characters, with
// inner apostrophes ("didn't", curly or straight), inner hyphens
// ("pull-out") and inner full stops ("u.s"). Commas, the clause punctuation
// of Token::Kind and dashes (an en or em dash, or a hyphen with a space on
// either side) become tokens; quotes and other punctuation are dropped.
std::vector<Token> tokenize(std::string_view original);

// Whether the sentence is a question: its last character other than
// spaces, quotes and closing brackets is '?'.
bool ends_with_question_mark(std::string_view original);

}  // namespace demarche_modality
