#include "match/literal_piece.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>

#include "match/ascii_k_and_s.hpp"
#include "match/sentence_words.hpp"

namespace demarche::match {

namespace {

constexpr std::size_t kMaxKeysPerString = 256;
constexpr std::size_t kMaxSplits = 64;

const CharSet& word_bytes() {
  static const CharSet set = [] {
    CharSet s;
    for (unsigned c = 0; c < 256; ++c) s.set(c, is_word_byte(static_cast<unsigned char>(c)));
    return s;
  }();
  return set;
}

// Whether every byte of `set` belongs to a word (1), none does (0), or both
// kinds are there (-1).
int word_kind(const CharSet& set) {
  const bool word = (set & word_bytes()).any();
  const bool other = (set & ~word_bytes()).any();
  return word && other ? -1 : word ? 1 : 0;
}

// The characters a first-word position may hold, ASCII lower-cased as the
// text's words are before they are looked up.
std::string key_chars(const CharSet& set) {
  std::string out;
  for (std::size_t c = set._Find_first(); c < set.size(); c = set._Find_next(c)) {
    const char folded =
        c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    if (out.find(folded) == std::string::npos) out += folded;
  }
  return out;
}

bool folds_k_or_s(const CharSet& set) {
  return (set.test('k') && set.test('K')) || (set.test('s') && set.test('S'));
}

// The sets of one piece, with what the lookup asks of each, computed once.
class SetTable {
 public:
  SetTable(std::vector<CharSet> sets, std::vector<bool> unicode)
      : sets_(std::move(sets)), unicode_(std::move(unicode)) {
    for (const CharSet& set : sets_) describe(set);
  }

  // A set that is no Unicode class.
  char16_t add(const CharSet& set) {
    for (std::size_t i = 0; i < sets_.size(); ++i) {
      if (sets_[i] == set && !unicode_[i]) return static_cast<char16_t>(i);
    }
    sets_.push_back(set);
    unicode_.push_back(false);
    describe(set);
    return static_cast<char16_t>(sets_.size() - 1);
  }

  const CharSet& set(char16_t id) const { return sets_[id & ~kTail]; }
  bool unicode(char16_t id) const { return unicode_[id & ~kTail]; }
  int kind(char16_t id) const { return kinds_[id & ~kTail]; }
  const std::string& keys(char16_t id) const { return keys_[id & ~kTail]; }
  std::vector<CharSet> release_sets() { return std::move(sets_); }
  std::vector<bool> release_unicode() { return std::move(unicode_); }

 private:
  void describe(const CharSet& set) {
    kinds_.push_back(word_kind(set));
    keys_.push_back(key_chars(set));
  }

  std::vector<CharSet> sets_;
  std::vector<bool> unicode_;
  std::vector<int> kinds_;
  std::vector<std::string> keys_;
};

// Appends `s` with each position that may or may not hold a word character
// ("asset[s-]?") split in two, one string for each kind, so that where the
// first word ends, and so its key, is known. The strings that replace one
// cannot match at the same place (they differ there in one byte), so where
// they stand in the preference order among themselves does not matter.
bool split_mixed(const SetString& s, SetTable& table, std::vector<SetString>* out) {
  const auto mixed_at = [&](char16_t id) { return table.kind(id) < 0 && (id & kTail) == 0; };
  if (std::none_of(s.begin(), s.end(), mixed_at)) {
    out->push_back(s);
    return true;
  }
  std::vector<SetString> variants{s};
  for (std::size_t i = 0; i < s.size(); ++i) {
    // A tail's run is read as a whole, word characters or not.
    if (table.kind(s[i]) >= 0 || (s[i] & kTail) != 0) continue;
    if (variants.size() * 2 > kMaxSplits) return false;
    const CharSet mixed = table.set(s[i]);
    const char16_t word = table.add(mixed & word_bytes());
    const char16_t other = table.add(mixed & ~word_bytes());
    std::vector<SetString> next;
    for (const SetString& v : variants) {
      for (const char16_t part : {word, other}) {
        SetString copy = v;
        copy[i] = part;
        next.push_back(std::move(copy));
      }
    }
    variants = std::move(next);
  }
  out->insert(out->end(), std::make_move_iterator(variants.begin()),
              std::make_move_iterator(variants.end()));
  return true;
}

bool only_word_runs_within(const SetString& s, const SetTable& table) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if ((s[i] & kTail) != 0 && table.kind(s[i]) != 1) return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<const LiteralPiece> LiteralPiece::build(std::string_view pattern,
                                                        bool case_insensitive) {
  std::optional<FiniteLanguage> language = expand_finite(pattern, case_insensitive);
  if (!language) return nullptr;
  SetTable table(std::move(language->sets), std::move(language->unicode));
  std::vector<SetString> unmixed;
  for (const SetString& s : language->strings) {
    if (!split_mixed(s, table, &unmixed)) return nullptr;
  }
  std::unique_ptr<LiteralPiece> piece(new LiteralPiece());
  // First word -> its entry, while the strings are read; candidates of each
  // entry collected apart, then laid out flat (literal_piece.hpp).
  std::unordered_map<std::string, std::uint32_t> entry_of;
  std::vector<std::vector<std::uint32_t>> lists;
  for (const SetString& s : unmixed) {
    // The regex matches an empty piece (E009 refuses such rules).
    if (s.empty() || (s.size() == 1 && (s[0] & kTail) != 0)) return nullptr;
    // A run before the string's end must be of word characters, so that no
    // word start falls inside it: each run is then read from the few starts
    // before it. Otherwise "-a-a-a..." before a rest that fails would be
    // read from each of its starts, the square of its length, where RE2
    // stays linear.
    if (!only_word_runs_within(s, table)) return nullptr;
    // Every first word the string may begin with, as a lookup key: more
    // than one where a class or (?-i) stands in it ("licen[cs]e").
    std::vector<std::string> keys(1);
    bool in_first_word = true;
    bool keyed = true;
    for (const char16_t id : s) {
      if (table.kind(id) == 0 && (id & kTail) == 0) in_first_word = false;
      // Where the first word ends, or what a non-ASCII character in it
      // means, is not known before the text is read: such a string is
      // tried at every word start.
      if (in_first_word && ((id & kTail) != 0 || table.unicode(id))) keyed = false;
      if (in_first_word && keyed) {
        const std::string& options = table.keys(id);
        if (keys.size() * options.size() > kMaxKeysPerString) return nullptr;
        if (options.size() == 1) {
          for (std::string& key : keys) key += options[0];
        } else {
          std::vector<std::string> longer;
          for (const std::string& key : keys) {
            for (const char c : options) longer.push_back(key + c);
          }
          keys = std::move(longer);
        }
      }
      piece->folds_k_or_s_ = piece->folds_k_or_s_ || folds_k_or_s(table.set(id));
    }
    const auto index = static_cast<std::uint32_t>(piece->starts_.size());
    piece->starts_.push_back(static_cast<std::uint32_t>(piece->positions_.size()));
    piece->positions_ += s;
    if (!keyed) {
      piece->unkeyed_.push_back(index);
      continue;
    }
    for (std::string& key : keys) {
      const auto [it, added] =
          entry_of.try_emplace(std::move(key), static_cast<std::uint32_t>(lists.size()));
      if (added) lists.emplace_back();
      std::vector<std::uint32_t>& list = lists[it->second];
      // A string is listed once under a key, however its classes reach it.
      if (list.empty() || list.back() != index) list.push_back(index);
    }
  }
  piece->starts_.push_back(static_cast<std::uint32_t>(piece->positions_.size()));
  piece->has_runs_ = std::any_of(piece->positions_.begin(), piece->positions_.end(),
                                 [](char16_t id) { return (id & kTail) != 0; });
  const std::vector<bool> unicode = table.release_unicode();
  piece->unicode_.assign(unicode.begin(), unicode.end());
  piece->sets_ = table.release_sets();
  piece->entries_.resize(lists.size());
  for (const auto& [key, entry] : entry_of) {
    piece->entries_[entry].key_begin = static_cast<std::uint32_t>(piece->keys_.size());
    piece->entries_[entry].key_size = static_cast<std::uint32_t>(key.size());
    piece->keys_ += key;
  }
  for (std::size_t entry = 0; entry < lists.size(); ++entry) {
    piece->entries_[entry].first = static_cast<std::uint32_t>(piece->candidates_.size());
    piece->candidates_.insert(piece->candidates_.end(), lists[entry].begin(), lists[entry].end());
    piece->entries_[entry].last = static_cast<std::uint32_t>(piece->candidates_.size());
  }
  if (!piece->index_first_words()) return nullptr;
  return piece;
}

bool LiteralPiece::index_first_words() {
  std::size_t slots = 2;  // at most half full, so that probes stay short
  while (slots < 2 * entries_.size()) slots *= 2;
  slots_.assign(slots, 0);
  std::size_t bits = 64;  // at least 8 for each first word
  while (bits < 8 * entries_.size()) bits *= 2;
  first_word_filter_.assign(bits / 64, 0);
  longest_first_word_ = 0;
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    const std::string_view word(keys_.data() + entries_[e].key_begin, entries_[e].key_size);
    const std::size_t hash = word_hash(word);
    if (candidates(word, hash)) return false;
    std::size_t slot = hash & (slots - 1);
    while (slots_[slot] != 0) slot = (slot + 1) & (slots - 1);
    slots_[slot] = static_cast<std::uint32_t>(e + 1);
    const std::size_t bit = hash & (bits - 1);
    first_word_filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    longest_first_word_ = std::max(longest_first_word_, word.size());
  }
  return true;
}

LiteralPiece::Match LiteralPiece::match_at(std::uint32_t literal, std::string_view text,
                                           std::size_t at, std::size_t* end) const {
  const char16_t* const string = positions_.data() + starts_[literal];
  const std::size_t length = starts_[literal + 1] - starts_[literal];
  // Positions [from, to) of the string at text[at...]: kNo at the first
  // that does not match.
  const auto fixed = [&](std::size_t from, std::size_t to, std::size_t at) {
    if (to - from > text.size() - at) return Match::kNo;
    for (std::size_t i = from; i < to; ++i) {
      const char16_t id = string[i];
      const auto c = static_cast<unsigned char>(text[at + i - from]);
      if (c >= 0x80 && unicode_[id]) return Match::kAsk;
      if (!sets_[id].test(c)) return Match::kNo;
    }
    return Match::kYes;
  };
  // The whole-word regex's trailing (?:[non-word]|$) after the piece.
  const auto boundary_at = [&](std::size_t i) {
    return i == text.size() || !is_word_byte(static_cast<unsigned char>(text[i]));
  };
  // At most one position is a run (finite_language.hpp), most often none.
  std::size_t run = length;
  if (has_runs_) {
    run = 0;
    while (run < length && (string[run] & kTail) == 0) ++run;
  }
  const Match before = fixed(0, run, at);
  if (before != Match::kYes) return before;
  if (run == length) {
    *end = at + length;
    return boundary_at(at + length) ? Match::kYes : Match::kNo;
  }
  // The longest run the set allows, then shorter ones, as a greedy star
  // backtracks, until the rest of the string and a boundary follow.
  const char16_t set = string[run] & ~kTail;
  const std::size_t run_begin = at + run;
  std::size_t run_end = run_begin;
  while (run_end < text.size()) {
    const auto c = static_cast<unsigned char>(text[run_end]);
    if (c >= 0x80 && unicode_[set]) return Match::kAsk;
    if (!sets_[set].test(c)) break;
    ++run_end;
  }
  for (std::size_t e = run_end + 1; e-- > run_begin;) {
    const Match after = fixed(run + 1, length, e);
    if (after == Match::kAsk) return after;
    const std::size_t piece_end = e + (length - run - 1);
    if (after == Match::kYes && boundary_at(piece_end)) {
      *end = piece_end;
      return Match::kYes;
    }
  }
  return Match::kNo;
}

std::optional<LiteralPiece::Candidates> LiteralPiece::in_table(std::string_view word,
                                                               std::size_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = hash & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    const Entry& entry = entries_[slots_[slot] - 1];
    if (std::string_view(keys_.data() + entry.key_begin, entry.key_size) == word) {
      return Candidates{candidates_.data() + entry.first, candidates_.data() + entry.last};
    }
  }
  return std::nullopt;
}

LiteralPiece::Match LiteralPiece::try_at(std::optional<Candidates> keyed, std::string_view text,
                                         std::size_t at, Span* found) const {
  // Both lists are in preference order: try their union in that order.
  const std::uint32_t* a = keyed ? keyed->begin : nullptr;
  const std::uint32_t* const a_end = keyed ? keyed->end : nullptr;
  const std::uint32_t* b = unkeyed_.data();
  const std::uint32_t* const b_end = b + unkeyed_.size();
  while (a != a_end || b != b_end) {
    const std::uint32_t literal = b == b_end || (a != a_end && *a < *b) ? *a++ : *b++;
    std::size_t end = 0;
    const Match match = match_at(literal, text, at, &end);
    if (match == Match::kYes) *found = Span{at, end};
    if (match != Match::kNo) return match;
  }
  return Match::kNo;
}

bool LiteralPiece::TextFolds::holds_k_or_s(std::string_view text) {
  if (!known_) {
    known_ = holds_k_or_s_sign(text);
  }
  return *known_;
}

LiteralPiece::Answer LiteralPiece::find_from(std::string_view text, std::size_t from, Span* found,
                                             TextFolds* folds) const {
  if (text.size() > SentenceWords::kMaxText) return find_directly(text, from, found, folds);
  const SentenceWords& words = SentenceWords::of(text);
  if (folds_k_or_s_ && words.folds_to_k_or_s()) return Answer::kAskRegex;
  // The regex's leading (?:^|[non-word]) starts at or after `from`: the
  // piece starts at 0 (only when searching from 0) or just after a
  // non-word character at or after `from`.
  const std::size_t first = from == 0 ? 0 : from + 1;
  const std::vector<WordStart>& starts = words.starts();
  auto w = std::lower_bound(starts.begin(), starts.end(), first,
                            [](const WordStart& s, std::size_t at) { return s.at < at; });
  for (; w != starts.end(); ++w) {
    const std::optional<Candidates> literals = candidates(words.key(*w), w->hash);
    if (!literals && unkeyed_.empty()) continue;
    const Match match = try_at(literals, text, w->at, found);
    if (match == Match::kYes) return Answer::kFound;
    if (match == Match::kAsk) return Answer::kAskRegex;
  }
  return Answer::kNotFound;
}

// The same without SentenceWords, for long texts that are not worth keeping.
LiteralPiece::Answer LiteralPiece::find_directly(std::string_view text, std::size_t from,
                                                 Span* found, TextFolds* folds) const {
  if (folds_k_or_s_) {
    TextFolds own;
    if ((folds ? *folds : own).holds_k_or_s(text)) return Answer::kAskRegex;
  }
  std::string key;
  for (std::size_t at = from == 0 ? 0 : from + 1; at < text.size(); ++at) {
    if (at > 0 && is_word_byte(static_cast<unsigned char>(text[at - 1]))) continue;
    std::size_t end = at;
    while (end < text.size() && is_word_byte(static_cast<unsigned char>(text[end]))) ++end;
    std::optional<Candidates> literals;
    if (end - at <= longest_first_word_) {
      key.assign(text.substr(at, end - at));
      for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      literals = candidates(key, word_hash(key));
    }
    if (!literals && unkeyed_.empty()) continue;
    const Match match = try_at(literals, text, at, found);
    if (match == Match::kYes) return Answer::kFound;
    if (match == Match::kAsk) return Answer::kAskRegex;
  }
  return Answer::kNotFound;
}

}  // namespace demarche::match
