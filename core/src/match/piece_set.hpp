// All gap-free pattern pieces of all rules, scanned together.
//
// One scan (a Vectorscan database, or an RE2::Set under DEMARCHE_MATCHER=re2)
// says which of the pieces that can make a rule fire occur in a sentence, in
// a single pass however many rules there are; a second one, scanned only
// where a rule fired, does the same for the pieces of `unless:` lines. Only
// for the pieces reported do we find where: by word lookup for a piece that
// is a finite list of words (literal_piece.hpp), else with its own RE2. Gaps between pieces are
// checked afterwards from positions (sequence.hpp), never inside a regex, because a set of regexes
// with wide gaps makes the set's DFA thrash.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "demarche/result.hpp"
#include "match/literal_piece.hpp"

namespace re2 {
class RE2;
}

namespace demarche::match {

class LiteralRecords;

struct PieceSpec {
  std::string pattern;  // RE2 syntax, definitions already expanded
  bool case_insensitive = true;
  bool whole_words = true;  // not glued to a letter, digit or '_' on either side
};

// The regex actually compiled for a piece: group 1 is the piece itself, so
// identical final strings are one piece however many rules use them.
std::string piece_regex(const PieceSpec& spec);

// Whether `regex` (from piece_regex) was built with whole_words.
bool is_whole_word_regex(const std::string& regex);

// How the engine learns whether a piece occurs in a sentence. The set that
// every sentence is scanned with is kept small, because its automaton's speed
// falls with the number of members long before memory runs out: measured on
// news text, one RE2::Set of the shipped rules' 170 selective `match:` pieces
// ran about twice as fast as one that also held their 155 `unless:` pieces.
enum class PieceScan : std::uint8_t {
  kEverySentence,  // in the set every sentence is scanned with
  kOnDemand,       // in a second set, scanned once in a sentence where it is needed
  kSearch,         // in neither: searched for with its own regex where needed
};

class PieceSet {
 public:
  // `regexes` come from piece_regex() and must each be valid RE2; `scans`
  // (parallel) says which set each joins. `max_memory` bounds each set's
  // automaton.
  PieceSet(const std::vector<std::string>& regexes, const std::vector<PieceScan>& scans,
           std::int64_t max_memory);
  ~PieceSet();
  // Holds compiled automata and their caches: share it, or take
  // with_own_regexes(), do not copy it.
  PieceSet(const PieceSet&) = delete;
  PieceSet& operator=(const PieceSet&) = delete;

  // The same pieces for another thread: it shares this set's Vectorscan
  // databases and word lookups, which are never written once made, and has
  // its own RE2 objects, whose DFA caches RE2 guards with a lock that every
  // search takes. So threads that each use their own copy never wait on one
  // another, and a copy costs little: it reads no cache file and builds
  // nothing but the RE2::Set that DEMARCHE_MATCHER=re2 (or a piece
  // Vectorscan refused) needs. Not valid when this set's build failed.
  std::unique_ptr<const PieceSet> with_own_regexes() const;

  // Empty when construction succeeded.
  const std::string& build_error() const { return build_error_; }

  PieceScan scan(int id) const { return scans_[static_cast<std::size_t>(id)]; }
  bool in_set(int id) const { return scan(id) == PieceScan::kEverySentence; }

  // Fills `ids` with the kEverySentence pieces that occur in `text`,
  // ascending. Returns false with `error` set when the set could not answer
  // (its DFA ran out of memory): never read that as "no piece occurs".
  bool present(std::string_view text, std::vector<int>* ids, std::string* error) const;

  // The same for the kOnDemand pieces.
  bool present_on_demand(std::string_view text, std::vector<int>* ids, std::string* error) const;

  // Every non-overlapping occurrence of piece `id` in `text`, left to right.
  void occurrences(int id, std::string_view text, std::vector<Span>* out) const;

  // The first occurrence of piece `id` that starts at or after `from`: the
  // next one after occurrence `s` is searched for from resume_after(s).
  // Searches of one text may share `folds` (LiteralPiece::TextFolds).
  std::optional<Span> find_from(int id, std::string_view text, std::size_t from,
                                LiteralPiece::TextFolds* folds = nullptr) const;
  // From the piece's end, not its whole-word match's (which takes in the
  // boundary character after it): that character may be the one before the
  // next occurrence.
  static std::size_t resume_after(const Span& occurrence) {
    return std::max(occurrence.end, occurrence.begin + 1);
  }

  std::size_t size() const { return pieces_.size(); }

 private:
  class Scan;
  class LazyLookup;
  class LazyRegex;
  struct OwnRegexes {};
  PieceSet(const PieceSet& shared, OwnRegexes);
  // Gives each word lookup its record from the cache (literal_cache.hpp),
  // or, when there is none, builds them all and writes it.
  void use_literal_cache();
  std::unique_ptr<const Scan> every_sentence_;
  std::unique_ptr<const Scan> on_demand_;
  std::vector<PieceScan> scans_;   // per piece
  std::vector<bool> whole_words_;  // per piece
  std::vector<std::unique_ptr<LazyRegex>> pieces_;
  std::shared_ptr<const LiteralRecords> literal_records_;  // the lookups read their records from it
  std::string build_error_;
};

}  // namespace demarche::match
