// Tagging actor mentions: a longest-match lookup of the gazetteer's keys,
// token by token, then a few checks of the words around each match.
#include "mentions.hpp"

#include <algorithm>

#include "lexicon.hpp"

namespace demarche_actors {
namespace {

bool has_lower_case(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Two tokens written together, with no space between ("U.S", "-led").
bool joined(const Text& text, std::size_t i) {
  return i < text.size() && !text.token(i).space_before;
}

// Words that may open a sentence before a country's name.
bool is_function_word(std::string_view w) {
  return in_list(w, List::kDeterminers) || in_list(w, List::kNonSubjectPrepositions) ||
         in_list(w, List::kSubordinators) || w == "of" || w == "and" || w == "or" ||
         w == "meanwhile" || w == "unlike" || w == "neighbouring" || w == "neighboring" ||
         w == "both" || w == "neither" || w == "either" || w == "while" || w == "as";
}

}  // namespace

MentionFinder::MentionFinder(std::vector<Actor> actors) : actors_(std::move(actors)) {
  for (std::size_t a = 0; a < actors_.size(); ++a) {
    for (const std::string& key : actors_[a].keys) {
      add_key(key, a);
      // "The Hague" is also written "the Hague" mid-sentence.
      if (key.starts_with("The ")) add_key("the" + key.substr(3), a);
      // "U.S." is also written "U.S" (and "U.S.-led" needs no final dot).
      if (key.size() > 2 && key.back() == '.' && key.find('.') != key.size() - 1) {
        add_key(std::string_view(key).substr(0, key.size() - 1), a);
      }
    }
  }
  for (auto& [first, keys] : by_first_token_) {
    std::stable_sort(keys.begin(), keys.end(),
                     [](const Key& a, const Key& b) { return a.tokens.size() > b.tokens.size(); });
  }
}

void MentionFinder::add_key(std::string_view key, std::size_t actor) {
  const Text cut(key);
  if (cut.size() == 0) return;
  Key entry;
  for (std::size_t i = 0; i < cut.size(); ++i) entry.tokens.emplace_back(cut.written(i));
  entry.actor = actor;
  entry.common_name = key == actors_[actor].name;
  entry.acronym = !has_lower_case(key) && key.size() <= 8;
  by_first_token_[entry.tokens.front()].push_back(std::move(entry));
}

std::vector<Mention> MentionFinder::find(const Text& text) const {
  std::vector<Mention> mentions;
  for (std::size_t i = 0; i < text.size();) {
    if (!text.is_word(i)) {
      ++i;
      continue;
    }
    const auto candidates = by_first_token_.find(text.written(i));
    const Key* match = nullptr;
    if (candidates != by_first_token_.end()) {
      for (const Key& key : candidates->second) {
        if (i + key.tokens.size() > text.size()) continue;
        bool equal = true;
        for (std::size_t k = 1; k < key.tokens.size() && equal; ++k) {
          equal = text.written(i + k) == key.tokens[k];
        }
        // Tokens are whole words, so a match never ends inside a word.
        if (equal) {
          match = &key;
          break;
        }
      }
    }
    if (match == nullptr) {
      ++i;
      continue;
    }
    const std::size_t last = i + match->tokens.size();
    if (!dropped_by_context(text, i, last, mentions)) {
      Mention mention;
      mention.first = i;
      mention.last = last;
      mention.actor = match->actor;
      mention.common_name = match->common_name;
      mention.acronym = match->acronym;
      mention.after = last;
      if (text.is_punct(last, '\'') && joined(text, last)) {
        if (text.is(last + 1, "s") && joined(text, last + 1)) {
          mention.possessive = true;
          mention.after = last + 2;
        } else if (!match->tokens.back().empty() &&
                   (match->tokens.back().back() == 's' || match->tokens.back().back() == 'S')) {
          mention.possessive = true;  // "the Philippines' envoy"
          mention.after = last + 1;
        }
      }
      mentions.push_back(mention);
    }
    i = last;
  }
  return mentions;
}

// Context that makes a match name something other than the actor.
bool MentionFinder::dropped_by_context(const Text& text, std::size_t first, std::size_t last,
                                       const std::vector<Mention>& found) const {
  // Part of a hyphenated compound: "pro-Russian", "Russia-Ukraine war",
  // "Kremlin-backed". Only "-led" keeps the actor ("a US-led coalition").
  if (first >= 2 && text.is_punct(first - 1, '-') && joined(text, first - 1) &&
      joined(text, first) && text.is_word(first - 2)) {
    return true;
  }
  if (text.is_punct(last, '-') && joined(text, last) && joined(text, last + 1) &&
      text.is_word(last + 1) && !text.is(last + 1, "led")) {
    return true;
  }
  // The first word of a treaty's, meeting's, paper's or sea's name:
  // "Vienna Convention", "Paris climate agreement", "Iran nuclear deal".
  const std::string_view next = text.lower(last);
  if (text.is_word(last) && in_list(next, List::kNameFollowers)) return true;
  if (text.is_word(last) && in_list(next, List::kAgreementAdjectives) && text.is_word(last + 1) &&
      in_list(text.lower(last + 1), List::kAgreementNouns)) {
    return true;
  }
  const std::string key = ascii_lower(text.written(first));
  // "Latin America", "African Americans".
  if (first >= 1 && (key == "america" || key == "american" || key == "americans") &&
      in_list(text.lower(first - 1), List::kAmericaRegions)) {
    return true;
  }
  // One-word names that are also people's names or other things ("Chad",
  // "Jordan", "Georgia Meloni", "George Washington", "China Daily"): a
  // capitalised word right after (not an official's title or a date) or
  // right before (not at the start of the sentence) makes them part of a
  // longer proper name.
  if (last == first + 1 && in_list(key, List::kPersonLikeKeys)) {
    if (text.capitalised(last) && !joined(text, last) && !in_list(next, List::kOfficialWords)) {
      return true;
    }
    // A capitalised word before is a first name or title ("Michael
    // Jordan", "Minister Georgia Meloni"), unless it is a function word
    // capitalised at the start of the sentence ("In Jordan, ...") or
    // another mention ("US, Jordan").
    if (first >= 1 && text.capitalised(first - 1) && !is_function_word(text.lower(first - 1)) &&
        (found.empty() || found.back().last != first)) {
      return true;
    }
  }
  return false;
}

}  // namespace demarche_actors
