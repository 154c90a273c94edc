#include "match/piece_set.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

#include "match/cache_file.hpp"
#include "match/hyperscan_cache.hpp"
#include "match/hyperscan_scan.hpp"
#include "match/literal_cache.hpp"
#include "match/literal_piece.hpp"

namespace demarche::match {

namespace {
// An ASCII character that is not a letter, a digit or '_'. Every non-ASCII
// character counts as part of a word: normalisation has already folded the
// non-ASCII spaces, quotes and dashes that separate words in news text, and
// a byte-level class keeps the combined automaton small. With Unicode
// classes (\pL, \pN) the shipped rules took 3 s to load and the set's DFA
// grew 7 times slower on unseen text.
constexpr const char* kNonWord = "[^0-9A-Za-z_\\x{80}-\\x{10FFFF}]";
}  // namespace

namespace {
// Building the lookups of a rule set that took less is not worth a file:
// the small rule sets of tests and experiments would only fill the cache.
// The shipped rules' take about 30 ms.
constexpr std::chrono::milliseconds kLookupsWorthCaching{5};
// Vectorscan refuses patterns longer than about 16,000 characters.
constexpr std::size_t kVectorscanMaxLength = 15000;
const std::string kWholeWordPrefix = std::string("(?:^|") + kNonWord + ")(";
}  // namespace

namespace {

// The piece without its whole-word boundaries, for Vectorscan: it matches
// wherever the whole-word regex does, and more, and RE2 confirms every
// report. Without a class around them, literal factors let Vectorscan find
// candidates with its fastest literal matchers (the Brown Corpus and the
// generated corpus ran 10 to 25% faster, output unchanged).
// The piece's own pattern inside a whole-word regex from piece_regex().
std::string_view whole_word_pattern(const std::string& regex) {
  const std::size_t flags = regex.rfind("(?i)", 0) == 0 ? 4 : 0;
  const std::string suffix = std::string(")(?:") + kNonWord + "|$)";
  const std::size_t inner = flags + kWholeWordPrefix.size();
  return std::string_view(regex).substr(inner, regex.size() - inner - suffix.size());
}

std::string without_boundaries(const std::string& regex) {
  if (!is_whole_word_regex(regex)) return regex;
  const std::size_t flags = regex.rfind("(?i)", 0) == 0 ? 4 : 0;
  return regex.substr(0, flags) + "(?:" + std::string(whole_word_pattern(regex)) + ")";
}

}  // namespace

bool is_whole_word_regex(const std::string& regex) {
  const std::size_t at = regex.rfind("(?i)", 0) == 0 ? 4 : 0;
  return regex.compare(at, kWholeWordPrefix.size(), kWholeWordPrefix) == 0;
}

std::string piece_regex(const PieceSpec& spec) {
  std::string out = spec.case_insensitive ? "(?i)" : "";
  if (spec.whole_words) {
    // RE2 has no look-around and its \b is ASCII-only, so the boundary
    // characters are consumed and group 1 carries the piece's own span.
    out += kWholeWordPrefix + spec.pattern + ")(?:" + kNonWord + "|$)";
  } else {
    out += "(" + spec.pattern + ")";
  }
  return out;
}

// One RE2::Set over some of the pieces, and which piece each member is.
class Re2SetScan {
 public:
  explicit Re2SetScan(std::int64_t max_memory) : set_(options(max_memory), RE2::UNANCHORED) {}

  // Returns an error message, empty on success.
  std::string add(const std::string& regex, int piece) {
    std::string error;
    if (set_.Add(regex, &error) < 0) return "pattern set rejected " + regex + ": " + error;
    piece_of_.push_back(piece);
    return "";
  }

  bool compile() { return piece_of_.empty() || set_.Compile(); }

  // Appends the pieces that occur in `text`.
  bool present(std::string_view text, std::vector<int>* ids, std::string* error) const {
    if (piece_of_.empty()) return true;
    thread_local std::vector<int> members;
    members.clear();
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    if (set_.Match(re2::StringPiece(text.data(), text.size()), &members, &info)) {
      for (const int member : members) ids->push_back(piece_of_[static_cast<std::size_t>(member)]);
      return true;
    }
    if (info.kind == RE2::Set::kNoError) return true;  // genuinely nothing
    *error = info.kind == RE2::Set::kOutOfMemory
                 ? "the pattern set ran out of memory on this text; raise --set-memory"
                 : "the pattern set could not match this text (RE2 error kind " +
                       std::to_string(static_cast<int>(info.kind)) + ")";
    return false;
  }

 private:
  static RE2::Options options(std::int64_t max_memory) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(max_memory);
    o.set_never_capture(true);
    return o;
  }

  RE2::Set set_;
  std::vector<int> piece_of_;  // per member
};

// Whether DEMARCHE_MATCHER=re2 asks for the RE2::Set scan alone: the
// matcher before Vectorscan, kept as the reference the equivalence tests
// compare against (docs/architecture.md).
bool re2_set_only() {
  const char* matcher = std::getenv("DEMARCHE_MATCHER");
  return matcher && std::strcmp(matcher, "re2") == 0;
}

// A piece's word lookup (literal_piece.hpp), read from the cache or built
// the first time a sentence needs it. Immutable once made, and so shared by
// every copy of the PieceSet (with_own_regexes): a worker thread that makes
// its own copy does not read or build the lookups again, and looking one up
// takes no lock (after the first use, call_once only reads a flag).
class PieceSet::LazyLookup {
 public:
  explicit LazyLookup(std::shared_ptr<const std::string> regex) : regex_(std::move(regex)) {}

  const LiteralPiece* get() const {
    std::call_once(once_, [this] {
      if (const std::optional<CacheFile> record =
              cached_ ? cached_->record(cached_index_) : std::nullopt) {
        // An empty record: no lookup. Were it wrong, RE2 would answer in
        // its place, as slowly but the same.
        if (record->size == 0) return;
        literal_ = LiteralPiece::from_bytes(record->bytes());
        if (literal_) return;
      }
      literal_ = LiteralPiece::build(whole_word_pattern(*regex_), regex_->rfind("(?i)", 0) == 0);
    });
    return literal_.get();
  }

  // The lookup's record in the cache (literal_cache.hpp), read instead of
  // building the lookup on first use. Before any sentence uses the piece.
  void use_cached(const LiteralRecords* records, std::size_t index) {
    cached_ = records;
    cached_index_ = index;
  }

 private:
  std::shared_ptr<const std::string> regex_;
  const LiteralRecords* cached_ = nullptr;  // PieceSet::literal_records_, which every copy holds
  std::size_t cached_index_ = 0;
  mutable std::once_flag once_;
  mutable std::unique_ptr<const LiteralPiece> literal_;
};

// A piece's own regex, compiled the first time a sentence needs it: most
// pieces of a rule set are never searched for in a given run, and compiling
// all of them was most of the start-up time. A whole-word piece that is a
// finite list of words is looked up instead (LazyLookup), and its regex
// compiled only for text the lookup cannot answer for. The regex and its
// DFA cache, which RE2 guards with a lock that every search takes, belong
// to one PieceSet; the lookup is shared with its copies.
class PieceSet::LazyRegex {
 public:
  LazyRegex(std::string pattern, bool use_literal)
      : pattern_(std::make_shared<const std::string>(std::move(pattern))),
        lookup_(use_literal ? std::make_shared<LazyLookup>(pattern_) : nullptr) {}

  // The same piece with a regex of its own, sharing this one's lookup.
  std::unique_ptr<LazyRegex> with_own_regex() const {
    return std::unique_ptr<LazyRegex>(new LazyRegex(pattern_, lookup_));
  }

  const RE2& get() const {
    std::call_once(regex_once_, [this] {
      RE2::Options options;
      options.set_log_errors(false);
      re_ = std::make_unique<const RE2>(*pattern_, options);
    });
    return *re_;
  }

  // Whether the piece occurs anywhere in `text`.
  bool occurs(std::string_view text) const {
    if (const LiteralPiece* words = literal()) {
      Span found;
      const LiteralPiece::Answer answer = words->find_from(text, 0, &found);
      if (answer != LiteralPiece::Answer::kAskRegex) return answer == LiteralPiece::Answer::kFound;
    }
    return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), get());
  }

  // Null when the piece is not a list of words, or lookups are off.
  const LiteralPiece* literal() const { return lookup_ ? lookup_->get() : nullptr; }

  bool wants_literal() const { return lookup_ != nullptr; }
  const std::string& regex() const { return *pattern_; }
  void use_cached(const LiteralRecords* records, std::size_t index) {
    lookup_->use_cached(records, index);
  }

 private:
  LazyRegex(std::shared_ptr<const std::string> pattern, std::shared_ptr<LazyLookup> lookup)
      : pattern_(std::move(pattern)), lookup_(std::move(lookup)) {}

  std::shared_ptr<const std::string> pattern_;  // shared with the copies and the lookup
  // Null unless a whole-word piece and DEMARCHE_MATCHER is not re2.
  std::shared_ptr<LazyLookup> lookup_;
  mutable std::once_flag regex_once_;
  mutable std::unique_ptr<const RE2> re_;
};

// The pieces of one scan group: Vectorscan for those it compiles; of the
// rest, those that are lists of words are looked up (the actors' gazetteer
// pieces are too large for Vectorscan), and one RE2::Set takes the others
// (and all of them under DEMARCHE_MATCHER=re2). A copy for another
// PieceSet (with_own_set) shares the Vectorscan database, which is never
// written once compiled (each thread scans with scratch of its own), and
// builds its own set, whose DFA cache RE2 guards with a lock.
class PieceSet::Scan {
 public:
  explicit Scan(std::int64_t max_memory) : max_memory_(max_memory), fallback_(max_memory) {}

  void add(const std::string& regex, int piece) {
    regexes_.push_back(regex);
    pieces_.push_back(piece);
  }

  // Returns an error message, empty on success.
  std::string compile(bool use_hyperscan,
                      const std::vector<std::unique_ptr<LazyRegex>>& all_pieces) {
    std::vector<int> to_re2 = pieces_;
    if (use_hyperscan && !pieces_.empty()) {
      // A piece too long for Vectorscan is given to it in parts, each
      // reporting the piece (pattern_split.hpp).
      std::vector<std::string> loose;
      loose.reserve(regexes_.size());
      for (const std::string& regex : regexes_) loose.push_back(without_boundaries(regex));
      hyperscan_ = std::make_shared<const HyperscanScan>(loose, pieces_, kVectorscanMaxLength);
      if (!hyperscan_->error().empty()) return hyperscan_->error();
      // The budget bounds the database as it bounded the set's automaton.
      if (static_cast<std::int64_t>(hyperscan_->size_bytes()) > max_memory_) return over_budget();
      to_re2 = hyperscan_->refused();
    }
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
      if (!std::binary_search(to_re2.begin(), to_re2.end(), pieces_[i])) continue;
      if (all_pieces[static_cast<std::size_t>(pieces_[i])]->literal()) {
        looked_up_.push_back(pieces_[i]);
      } else {
        in_fallback_.emplace_back(std::move(regexes_[i]), pieces_[i]);
      }
    }
    regexes_.clear();
    regexes_.shrink_to_fit();
    return compile_fallback();
  }

  // This scan for another PieceSet, with a set of its own; nullptr and
  // `error` set when that set could not be built.
  std::unique_ptr<Scan> with_own_set(std::string* error) const {
    auto copy = std::make_unique<Scan>(max_memory_);
    copy->hyperscan_ = hyperscan_;
    copy->looked_up_ = looked_up_;
    copy->in_fallback_ = in_fallback_;
    *error = copy->compile_fallback();
    if (!error->empty()) return nullptr;
    return copy;
  }

  // `all_pieces`: the pieces of the PieceSet this scan belongs to.
  bool present(std::string_view text, const std::vector<std::unique_ptr<LazyRegex>>& all_pieces,
               std::vector<int>* ids, std::string* error) const {
    ids->clear();
    if (hyperscan_ && !hyperscan_->present(text, ids, error)) return false;
    if (!fallback_.present(text, ids, error)) return false;
    for (const int id : looked_up_) {
      if (all_pieces[static_cast<std::size_t>(id)]->occurs(text)) ids->push_back(id);
    }
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());  // a piece in parts
    return true;
  }

 private:
  std::string compile_fallback() {
    for (const auto& [regex, piece] : in_fallback_) {
      if (std::string error = fallback_.add(regex, piece); !error.empty()) return error;
    }
    if (!fallback_.compile()) return over_budget();
    return "";
  }

  std::string over_budget() const {
    return "the pattern set does not fit in its memory budget (" +
           std::to_string(max_memory_ >> 20) + " MiB); raise it";
  }

  std::int64_t max_memory_;
  std::vector<std::string> regexes_;  // until compiled
  std::vector<int> pieces_;           // ascending; until compiled
  std::shared_ptr<const HyperscanScan> hyperscan_;
  std::vector<int> looked_up_;                            // pieces found by their lookup
  std::vector<std::pair<std::string, int>> in_fallback_;  // the set's regexes and pieces
  Re2SetScan fallback_;
};

PieceSet::PieceSet(const std::vector<std::string>& regexes, const std::vector<PieceScan>& scans,
                   std::int64_t max_memory)
    : scans_(scans) {
  auto every_sentence = std::make_unique<Scan>(max_memory);
  auto on_demand = std::make_unique<Scan>(max_memory);
  pieces_.reserve(regexes.size());
  const bool use_hyperscan = !re2_set_only();
  for (std::size_t i = 0; i < regexes.size(); ++i) {
    const bool whole_words = is_whole_word_regex(regexes[i]);
    pieces_.push_back(std::make_unique<LazyRegex>(regexes[i], whole_words && use_hyperscan));
    whole_words_.push_back(whole_words);
    Scan* set = scans[i] == PieceScan::kEverySentence ? every_sentence.get()
                : scans[i] == PieceScan::kOnDemand    ? on_demand.get()
                                                      : nullptr;
    if (set) set->add(regexes[i], static_cast<int>(i));
  }
  use_literal_cache();
  for (Scan* set : {every_sentence.get(), on_demand.get()}) {
    std::string error = set->compile(use_hyperscan, pieces_);
    if (build_error_.empty()) build_error_ = std::move(error);
  }
  every_sentence_ = std::move(every_sentence);
  on_demand_ = std::move(on_demand);
}

PieceSet::~PieceSet() = default;

PieceSet::PieceSet(const PieceSet& shared, OwnRegexes)
    : scans_(shared.scans_),
      whole_words_(shared.whole_words_),
      literal_records_(shared.literal_records_),
      build_error_(shared.build_error_) {
  pieces_.reserve(shared.pieces_.size());
  for (const std::unique_ptr<LazyRegex>& piece : shared.pieces_) {
    pieces_.push_back(piece->with_own_regex());
  }
  every_sentence_ = shared.every_sentence_->with_own_set(&build_error_);
  if (!build_error_.empty()) return;
  on_demand_ = shared.on_demand_->with_own_set(&build_error_);
}

std::unique_ptr<const PieceSet> PieceSet::with_own_regexes() const {
  return std::unique_ptr<const PieceSet>(new PieceSet(*this, OwnRegexes{}));
}

void PieceSet::use_literal_cache() {
  // Without a cache folder the lookups are built on first use, as before:
  // a short input needs few of them.
  if (database_cache_dir().empty()) return;
  std::vector<LazyRegex*> listed;
  std::vector<std::string_view> regexes;
  for (const std::unique_ptr<LazyRegex>& piece : pieces_) {
    if (!piece->wants_literal()) continue;
    listed.push_back(piece.get());
    regexes.push_back(piece->regex());
  }
  if (listed.empty()) return;
  const std::string key = literal_cache_key(regexes);
  if (std::optional<LiteralRecords> found = load_literal_cache(key, listed.size())) {
    literal_records_ = std::make_shared<const LiteralRecords>(std::move(*found));
    for (std::size_t i = 0; i < listed.size(); ++i) {
      listed[i]->use_cached(literal_records_.get(), i);
    }
    return;
  }
  // No file for these pieces yet: build every lookup now, once per rule
  // set, and record them all, so that later runs build none. Not where no
  // file can be written: every run would build them all, where building
  // on first use builds only those its sentences need.
  if (!cache_folder_writable()) return;
  const auto started = std::chrono::steady_clock::now();
  for (const LazyRegex* piece : listed) piece->literal();
  if (std::chrono::steady_clock::now() - started < kLookupsWorthCaching) return;
  std::vector<std::string> records;
  for (const LazyRegex* piece : listed) {
    const LiteralPiece* literal = piece->literal();
    records.push_back(literal ? literal->to_bytes() : std::string());
  }
  store_literal_cache(key, records);
}

bool PieceSet::present(std::string_view text, std::vector<int>* ids, std::string* error) const {
  return every_sentence_->present(text, pieces_, ids, error);
}

bool PieceSet::present_on_demand(std::string_view text, std::vector<int>* ids,
                                 std::string* error) const {
  return on_demand_->present(text, pieces_, ids, error);
}

namespace {

bool is_boundary_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x80 && !std::isalnum(u) && c != '_';
}

// The piece's own span within a whole-word match [begin, end) of
// piece_regex(), when the boundary characters around it are certain: the
// leading one was consumed unless the match starts the text, the trailing
// one unless it ends the text. Asking RE2 for the group costs a second,
// slower engine run, so it is done only where this cannot tell.
std::optional<Span> trim_boundaries(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin == 0 && is_boundary_byte(text[0])) return std::nullopt;
  if (end == text.size() && is_boundary_byte(text[end - 1])) return std::nullopt;
  const std::size_t piece_begin = begin == 0 ? 0 : begin + 1;
  const std::size_t piece_end = end == text.size() ? end : end - 1;
  if (piece_begin >= piece_end) return std::nullopt;
  return Span{piece_begin, piece_end};
}

}  // namespace

std::optional<Span> PieceSet::find_from(int id, std::string_view text, std::size_t from,
                                        LiteralPiece::TextFolds* folds) const {
  if (from > text.size()) return std::nullopt;
  const LazyRegex& piece = *pieces_[static_cast<std::size_t>(id)];
  if (const LiteralPiece* literal = piece.literal()) {
    Span found;
    switch (literal->find_from(text, from, &found, folds)) {
      case LiteralPiece::Answer::kFound:
        return found;
      case LiteralPiece::Answer::kNotFound:
        return std::nullopt;
      case LiteralPiece::Answer::kAskRegex:
        break;
    }
  }
  const RE2& re = piece.get();
  const bool whole_words = whole_words_[static_cast<std::size_t>(id)];
  const re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece groups[2];
  if (!re.Match(whole, from, text.size(), RE2::UNANCHORED, groups, whole_words ? 1 : 2)) {
    return std::nullopt;
  }
  const auto match_begin = static_cast<std::size_t>(groups[0].data() - text.data());
  const std::size_t match_end = match_begin + groups[0].size();
  if (whole_words) {
    if (const std::optional<Span> piece = trim_boundaries(text, match_begin, match_end)) {
      return piece;
    }
    re.Match(whole, match_begin, match_end, RE2::ANCHOR_BOTH, groups, 2);
  }
  const auto b = static_cast<std::size_t>(groups[1].data() - text.data());
  return Span{b, b + groups[1].size()};
}

void PieceSet::occurrences(int id, std::string_view text, std::vector<Span>* out) const {
  out->clear();
  std::size_t from = 0;
  LiteralPiece::TextFolds folds;
  while (const std::optional<Span> piece = find_from(id, text, from, &folds)) {
    out->push_back(*piece);
    from = resume_after(*piece);
  }
}

}  // namespace demarche::match
