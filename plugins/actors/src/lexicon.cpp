// Reading lexicon.txt (plugins/common/word_lists.cpp does the reading and
// the lookups).
#include "lexicon.hpp"

#include <stdexcept>

namespace demarche_actors {

std::unique_ptr<const Lexicon> Lexicon::parse(std::string_view text, std::string* error) {
  std::unique_ptr<const demarche_word_lists::WordLists> lists =
      demarche_word_lists::WordLists::parse(text, "lexicon.txt", kListNames, error);
  if (!lists) return nullptr;
  return std::unique_ptr<const Lexicon>(new Lexicon(std::move(lists)));
}

const Lexicon& lexicon() {
  static const std::unique_ptr<const Lexicon> parsed = [] {
    std::string error;
    std::unique_ptr<const Lexicon> lexicon = Lexicon::parse(embedded_lexicon(), &error);
    if (!lexicon) throw std::runtime_error("the embedded word lists: " + error);
    return lexicon;
  }();
  return *parsed;
}

}  // namespace demarche_actors
