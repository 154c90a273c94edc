// mentions.hpp: finding the gazetteer's actors in a sentence.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gazetteer.hpp"
#include "text.hpp"

namespace demarche_actors {

// One actor named in a sentence: tokens [first, last) of the Text, not
// counting a possessive "'s" after them.
struct Mention {
  std::size_t first = 0;
  std::size_t last = 0;
  std::size_t actor = 0;    // index into MentionFinder::actors()
  bool possessive = false;  // "Russia's", "the Philippines'"
  std::size_t after = 0;    // the first token after the mention and its possessive
  bool common_name =
      false;             // written as the row's name ("Iran"), not an alias ("Iranian", "Tehran")
  bool acronym = false;  // written in capitals ("US", "EU", "NATO")
};

class MentionFinder {
 public:
  explicit MentionFinder(std::vector<Actor> actors);

  // Every mention in `text`, in text order, not overlapping. At each word
  // the longest key that starts there wins ("South Sudan" over "Sudan").
  // Keys match as written (so "US" is not "us" and "China" is not "china"),
  // except that a leading "The" may be "the". A match is dropped when the
  // context says it names something else: see mentions.cpp.
  std::vector<Mention> find(const Text& text) const;

  const std::vector<Actor>& actors() const { return actors_; }

 private:
  struct Key {
    std::vector<std::string> tokens;  // as Text cuts the key, written form
    std::size_t actor = 0;
    bool common_name = false;
    bool acronym = false;
  };

  void add_key(std::string_view key, std::size_t actor);
  bool dropped_by_context(const Text& text, std::size_t first, std::size_t last,
                          const std::vector<Mention>& found) const;

  std::vector<Actor> actors_;
  // Keys by their first token, longest first. Hashed, not a std::map: each
  // word of every sentence is looked up, and the tree's dozen string
  // comparisons a word were a third of finding mentions (perf record).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<Key>, Hash, std::equal_to<>> by_first_token_;
};

}  // namespace demarche_actors
