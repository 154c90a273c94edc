#include "match/hyperscan_scan.hpp"

#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <optional>

#include "match/ascii_k_and_s.hpp"
#include "match/hyperscan_cache.hpp"
#include "match/pattern_split.hpp"
#include "text/utf8.hpp"

namespace demarche::match {

namespace {

// UTF-8, as RE2 reads the pieces (they hold non-ASCII letters, `\pL`, and
// `(?i)` that folds "É" to "é" in this mode too); one report per member,
// since the caller only asks whether a piece occurs. Not HS_FLAG_UCP: it
// made \w and \d Unicode-wide, which RE2's are not, and the scan of the
// Brown Corpus 40% slower.
constexpr unsigned kFlags = HS_FLAG_UTF8 | HS_FLAG_SINGLEMATCH;

std::atomic<std::uint64_t> next_serial{1};

// A database that compiles faster than this is not worth a file: the small
// rule sets of tests and experiments would only fill the cache.
constexpr std::chrono::milliseconds kWorthCaching{20};

// One scratch space per thread, grown to fit every database the thread has
// scanned with: a scan needs a scratch of its own, and allocating one per
// sentence would cost more than the scan.
class ThreadScratch {
 public:
  ~ThreadScratch() {
    if (scratch_) hs_free_scratch(scratch_);
  }

  hs_scratch_t* fit(const hs_database_t* db, std::uint64_t serial) {
    if (std::find(fitted_.begin(), fitted_.end(), serial) != fitted_.end()) return scratch_;
    // A long-lived thread that sees many engines (a test run) forgets the
    // old ones: fitting again is cheap when the scratch is big enough.
    if (fitted_.size() >= 32) fitted_.clear();
    if (hs_alloc_scratch(db, &scratch_) != HS_SUCCESS) return nullptr;
    fitted_.push_back(serial);
    return scratch_;
  }

 private:
  hs_scratch_t* scratch_ = nullptr;
  std::vector<std::uint64_t> fitted_;
};

struct ScanContext {
  const std::vector<int>* piece_of;
  std::vector<int>* ids;
};

int on_match(unsigned int member, unsigned long long /*from*/, unsigned long long /*to*/,
             unsigned int /*flags*/, void* context) {
  auto* c = static_cast<ScanContext*>(context);
  // A database read from the cache may hold more members than its member
  // list names (a file made to pass the checksum, which guards against
  // damage, not forgery): such a report is not read past the list's end.
  if (member < c->piece_of->size()) c->ids->push_back((*c->piece_of)[member]);
  return 0;  // go on: other members may match later in the text
}

// Whether `regex` holds a counted repetition wider than Vectorscan compiles
// quickly: it unrolls a bound into automaton states, so "\pL{1,100}stan"
// took 26 s to compile (found by fuzzing, docs/fuzzing.md) where RE2 takes
// 0.4 s. Such pieces go to RE2, as refused ones do. "{n,}" counts as wide;
// an escaped brace is a literal.
bool has_wide_counted_repeat(std::string_view regex) {
  constexpr unsigned long kMaxBound = 16;
  for (std::size_t i = 0; i < regex.size(); ++i) {
    if (regex[i] == '\\') {
      ++i;  // the escaped character, "\{" included
      // "\x{80}", "\p{Lu}": a code point or a class, not a repetition.
      if (i + 1 < regex.size() && regex[i + 1] == '{' &&
          (regex[i] == 'x' || regex[i] == 'p' || regex[i] == 'P')) {
        const std::size_t close = regex.find('}', i + 1);
        if (close == std::string_view::npos) return false;
        i = close;
      }
      continue;
    }
    if (regex[i] != '{') continue;
    std::size_t j = i + 1;
    unsigned long low = 0;
    while (j < regex.size() && regex[j] >= '0' && regex[j] <= '9' && low <= kMaxBound) {
      low = low * 10 + static_cast<unsigned long>(regex[j++] - '0');
    }
    if (j == i + 1) continue;  // not a repetition
    if (low > kMaxBound) return true;
    if (j < regex.size() && regex[j] == '}') continue;
    if (j >= regex.size() || regex[j] != ',') continue;
    ++j;
    if (j < regex.size() && regex[j] == '}') return true;  // "{n,}"
    unsigned long high = 0;
    const std::size_t digits = j;
    while (j < regex.size() && regex[j] >= '0' && regex[j] <= '9' && high <= kMaxBound) {
      high = high * 10 + static_cast<unsigned long>(regex[j++] - '0');
    }
    if (j > digits && high > kMaxBound) return true;
  }
  return false;
}

}  // namespace

struct HyperscanScan::Database {
  hs_database_t* db = nullptr;
  ~Database() {
    if (db) hs_free_database(db);
  }
};

HyperscanScan::HyperscanScan(const std::vector<std::string>& regexes,
                             const std::vector<int>& pieces, std::size_t max_length)
    : db_(std::make_unique<Database>()), serial_(next_serial.fetch_add(1)) {
  if (regexes.empty()) return;
  // Keyed by the regexes as given, so that a database read back needs no
  // split: splitting the shipped rules' gazetteer pieces was a tenth of
  // start-up. Its member list names each part's regex.
  const std::string key = database_key(regexes, kFlags, max_length);
  CachedDatabase cached = load_cached_database(key, regexes.size());
  if (cached.found) {
    db_->db = cached.db;
    keep_members(cached.members, pieces);
    return;
  }
  const auto started = std::chrono::steady_clock::now();
  // Each regex as the database gets it: in parts when it is too long.
  std::vector<std::string> parts;
  std::vector<unsigned> owner;  // per part, its regex
  for (std::size_t i = 0; i < regexes.size(); ++i) {
    std::vector<std::string> split;
    if (max_length > 0 && regexes[i].size() > max_length) {
      split = split_for_length(regexes[i], max_length);
    }
    if (split.empty()) split.push_back(regexes[i]);
    for (std::string& part : split) {
      // Kept as it is where the ASCII classes would make it too long.
      std::optional<std::string> ascii = ascii_k_and_s(part);
      if (ascii && (max_length == 0 || ascii->size() <= max_length)) part = std::move(*ascii);
      parts.push_back(std::move(part));
      owner.push_back(static_cast<unsigned>(i));
    }
  }
  // A regex is in the database whole or not at all: one whose part
  // Vectorscan's parser refuses (syntax it lacks), or would take long to
  // compile, goes to RE2 at once.
  std::vector<bool> refused(regexes.size(), false);
  for (std::size_t p = 0; p < parts.size(); ++p) {
    if (refused[owner[p]]) continue;
    if (has_wide_counted_repeat(parts[p])) {
      refused[owner[p]] = true;
      continue;
    }
    hs_expr_info_t* info = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_expression_info(parts[p].c_str(), kFlags, &info, &error) != HS_SUCCESS) {
      hs_free_compile_error(error);
      refused[owner[p]] = true;
      continue;
    }
    std::free(info);  // NOLINT: allocated by Vectorscan with malloc
  }
  // A part can still fail in the full compile (too large a pattern): its
  // regex is moved to RE2 and the rest compiled again.
  std::vector<unsigned> members;  // the regex of each database member
  while (true) {
    std::vector<const char*> expressions;
    members.clear();
    for (std::size_t p = 0; p < parts.size(); ++p) {
      if (refused[owner[p]]) continue;
      expressions.push_back(parts[p].c_str());
      members.push_back(owner[p]);
    }
    if (expressions.empty()) break;
    std::vector<unsigned> ids(expressions.size());
    for (std::size_t m = 0; m < ids.size(); ++m) ids[m] = static_cast<unsigned>(m);
    const std::vector<unsigned> flags(expressions.size(), kFlags);
    hs_compile_error_t* error = nullptr;
    const hs_error_t status = hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                                               static_cast<unsigned>(expressions.size()),
                                               HS_MODE_BLOCK, nullptr, &db_->db, &error);
    if (status == HS_SUCCESS) break;
    const int bad = error ? error->expression : -1;
    const std::string message = error && error->message ? error->message : "unknown error";
    hs_free_compile_error(error);
    if (bad < 0 || static_cast<std::size_t>(bad) >= members.size()) {
      error_ = "Vectorscan could not compile the pieces: " + message;
      return;
    }
    refused[members[static_cast<std::size_t>(bad)]] = true;
  }
  keep_members(members, pieces);
  if (std::chrono::steady_clock::now() - started >= kWorthCaching) {
    store_cached_database(key, db_->db, members);
  }
}

void HyperscanScan::keep_members(const std::vector<unsigned>& members,
                                 const std::vector<int>& pieces) {
  piece_of_.clear();
  refused_.clear();
  std::vector<bool> kept(pieces.size(), false);
  for (const unsigned regex : members) {
    piece_of_.push_back(pieces[regex]);
    kept[regex] = true;
  }
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (!kept[i]) refused_.push_back(pieces[i]);
  }
  std::sort(refused_.begin(), refused_.end());
}

HyperscanScan::~HyperscanScan() = default;

bool HyperscanScan::present(std::string_view text, std::vector<int>* ids,
                            std::string* error) const {
  if (!db_->db) return true;
  thread_local ThreadScratch scratch;
  hs_scratch_t* space = scratch.fit(db_->db, serial_);
  if (!space) {
    *error = "cannot allocate Vectorscan scratch space";
    return false;
  }
  // The database reads UTF-8, and its behaviour on anything else is
  // undefined; the engine's matched text is always valid (normalize.hpp).
  if (!text::is_valid_utf8(text)) {
    *error = "internal error: the matched text is not valid UTF-8";
    return false;
  }
  if (text.size() > UINT_MAX) {
    *error = "the sentence is longer than Vectorscan can scan (4 GiB)";
    return false;
  }
  // The database's 'k' and 's' do not match the two signs RE2's (?i) folds
  // to them (ascii_k_and_s.hpp): a text holding either may hold any piece,
  // and RE2 or the lookups, which read the signs, tell which. Slow for such
  // a sentence, but it is rare outside old printing.
  if (holds_k_or_s_sign(text)) {
    ids->insert(ids->end(), piece_of_.begin(), piece_of_.end());
    return true;
  }
  ScanContext context{&piece_of_, ids};
  const hs_error_t status = hs_scan(db_->db, text.data(), static_cast<unsigned>(text.size()), 0,
                                    space, on_match, &context);
  if (status != HS_SUCCESS) {
    *error = "Vectorscan scan failed (error " + std::to_string(status) + ")";
    return false;
  }
  return true;
}

std::size_t HyperscanScan::size_bytes() const {
  std::size_t size = 0;
  if (db_->db) hs_database_size(db_->db, &size);
  return size;
}

}  // namespace demarche::match
