#include "match/piece_set.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

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

std::string piece_regex(const PieceSpec& spec) {
  std::string out = spec.case_insensitive ? "(?i)" : "";
  if (spec.whole_words) {
    // RE2 has no look-around and its \b is ASCII-only, so the boundary
    // characters are consumed and group 1 carries the piece's own span.
    out += std::string("(?:^|") + kNonWord + ")(" + spec.pattern + ")(?:" + kNonWord + "|$)";
  } else {
    out += "(" + spec.pattern + ")";
  }
  return out;
}

struct PieceSet::SetHolder {
  explicit SetHolder(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
};

PieceSet::PieceSet(const std::vector<std::string>& regexes, std::int64_t max_memory) {
  RE2::Options set_options;
  set_options.set_log_errors(false);
  set_options.set_max_mem(max_memory);
  set_options.set_never_capture(true);
  set_ = std::make_unique<SetHolder>(set_options);

  RE2::Options piece_options;
  piece_options.set_log_errors(false);
  pieces_.reserve(regexes.size());
  for (const std::string& regex : regexes) {
    std::string error;
    if (set_->set.Add(regex, &error) < 0 && build_error_.empty()) {
      build_error_ = "pattern set rejected " + regex + ": " + error;
    }
    pieces_.push_back(std::make_unique<RE2>(regex, piece_options));
  }
  if (build_error_.empty() && !regexes.empty() && !set_->set.Compile()) {
    build_error_ = "the pattern set does not fit in its memory budget (" +
                   std::to_string(max_memory >> 20) + " MiB); raise it";
  }
}

PieceSet::~PieceSet() = default;

bool PieceSet::present(std::string_view text, std::vector<int>* ids, std::string* error) const {
  ids->clear();
  if (pieces_.empty()) return true;
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  if (set_->set.Match(re2::StringPiece(text.data(), text.size()), ids, &info)) {
    std::sort(ids->begin(), ids->end());
    return true;
  }
  if (info.kind == RE2::Set::kNoError) return true;  // genuinely nothing
  *error = info.kind == RE2::Set::kOutOfMemory
               ? "the pattern set ran out of memory on this text; raise --set-memory"
               : "the pattern set could not match this text (RE2 error kind " +
                     std::to_string(static_cast<int>(info.kind)) + ")";
  return false;
}

void PieceSet::occurrences(int id, std::string_view text, std::vector<Span>* out) const {
  out->clear();
  const RE2& re = *pieces_[static_cast<std::size_t>(id)];
  const re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece groups[2];
  std::size_t start = 0;
  while (start <= text.size() && re.Match(whole, start, text.size(), RE2::UNANCHORED, groups, 2)) {
    const std::size_t begin = static_cast<std::size_t>(groups[1].data() - text.data());
    const std::size_t end = begin + groups[1].size();
    out->push_back(Span{begin, end});
    // Resume at the piece's end, not the whole match's: the boundary
    // character after one occurrence may be the one before the next.
    start = std::max(end, begin + 1);
  }
}

}  // namespace demarche::match
