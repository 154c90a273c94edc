// Reading data/words.txt (plugins/common/word_lists.cpp does the reading and
// the lookups).
#include "word_sets.hpp"

#include <memory>
#include <stdexcept>
#include <string>

namespace demarche_modality {

const demarche_word_lists::WordLists& word_sets() {
  static const std::unique_ptr<const demarche_word_lists::WordLists> parsed = [] {
    std::string error;
    std::unique_ptr<const demarche_word_lists::WordLists> lists =
        demarche_word_lists::WordLists::parse(embedded_words(), "words.txt", kWordSetNames, &error);
    if (!lists) throw std::runtime_error("the embedded word lists: " + error);
    return lists;
  }();
  return *parsed;
}

}  // namespace demarche_modality
