// People introduced by an official's title ("Foreign Minister Jean Dupont",
// "government spokesman Ali Traore"), so that later sentences of the same
// document that name them alone ("..., Dupont said") still have an official
// where a rule's `source:` or `target:` asks for one. News introduces a
// speaker once, with the title, and then uses the surname.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "demarche/result.hpp"

namespace re2 {
class RE2;
}

namespace demarche::match {

class TitledNames {
 public:
  // `titles`: an RE2 pattern for the title words (the gazetteer's `official`
  // keys, from rules::actor_keys_pattern). An empty pattern harvests nothing.
  // Compiled on the first harvest: only documents are harvested, and
  // compiling it was 8% of the start-up of `classify`, whose default input
  // (a sentence a line) never is.
  explicit TitledNames(const std::string& titles);
  ~TitledNames();
  TitledNames(const TitledNames&) = delete;
  TitledNames& operator=(const TitledNames&) = delete;

  // Appends to `names` the names that follow a title in `sentence`: one to
  // four capitalised words, as the whole name and as its last word (the
  // surname), leaving out weekdays, months and words of three letters or
  // fewer on their own. Names already in the list are not added again.
  void harvest(std::string_view sentence, std::vector<std::string>* names) const;

 private:
  const re2::RE2* regex() const;

  std::string pattern_;  // empty when there are no titles
  mutable std::once_flag once_;
  mutable std::unique_ptr<const re2::RE2> regex_;  // null if it did not compile
};

// Where the `names` occur in `text` as whole words (not glued to a letter or
// digit), sorted by start and not overlapping, longest first where two start
// together.
std::vector<Span> find_names(std::string_view text, const std::vector<std::string>& names);

}  // namespace demarche::match
