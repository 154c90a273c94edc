// A LiteralPiece as bytes and back, for the cache of built lookups
// (literal_cache.hpp). Building a lookup expands the piece's regex into its
// strings; reading one back copies arrays and hashes the first words again.
//
// The bytes come from a file, so they are never trusted: every count is
// checked against what is left, every index against what it indexes, and
// any mismatch gives null (the caller builds the lookup instead).
#include <cstring>
#include <type_traits>

#include "match/literal_piece.hpp"
#include "match/sentence_words.hpp"

namespace demarche::match {

namespace {

// What the bytes hold, in order; bumped with any change of layout (it is
// part of the cache's key too, literal_cache.cpp).
constexpr std::uint32_t kLayout = 2;  // 2: a run may stand anywhere in a string

// The bitset is copied as it is in memory: a cache written by another
// standard library's layout has another key (literal_cache.cpp).
static_assert(sizeof(CharSet) == 32);
// from_bytes counts tails by the top bit of a position.
static_assert(kTail == 0x8000);

class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}
  void u32(std::uint32_t value) { raw(&value, sizeof value); }
  template <typename T>
  void array(const T* data, std::size_t count) {
    static_assert(std::is_trivially_copyable_v<T>);
    u32(static_cast<std::uint32_t>(count));
    raw(data, count * sizeof(T));
  }

 private:
  void raw(const void* data, std::size_t size) {
    out_->append(static_cast<const char*>(data), size);
  }
  std::string* out_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool u32(std::uint32_t* value) { return raw(value, sizeof *value); }
  // `max` bounds the count before anything is allocated.
  template <typename Container>
  bool array(Container* out, std::size_t max = ~std::size_t{0}) {
    using T = typename Container::value_type;
    static_assert(std::is_trivially_copyable_v<T>);
    std::uint32_t count = 0;
    if (!u32(&count) || count > max || count > (bytes_.size() - at_) / sizeof(T)) return false;
    out->resize(count);
    return raw(out->data(), count * sizeof(T));
  }
  bool at_end() const { return at_ == bytes_.size(); }

 private:
  bool raw(void* data, std::size_t size) {
    if (size > bytes_.size() - at_) return false;
    if (size > 0) std::memcpy(data, bytes_.data() + at_, size);
    at_ += size;
    return true;
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
};

// Strictly ascending, each below `limit`: a list of strings in preference
// order, as try_at() merges them.
bool ascending_below(const std::uint32_t* begin, const std::uint32_t* end, std::uint32_t limit) {
  for (const std::uint32_t* p = begin; p != end; ++p) {
    if (*p >= limit || (p != begin && *p <= p[-1])) return false;
  }
  return true;
}

// Whether every position's set is below `sets`, counting the positions that
// carry kTail. A loop of its own, plain enough for the compiler to take many
// positions a step: lookups read back hold hundreds of thousands. Not
// inlined, as GCC 12 did not vectorise the loop inside from_bytes.
[[gnu::noinline]] bool sets_in_range(const char16_t* positions, std::size_t count,
                                     std::uint32_t sets, std::uint32_t* tails) {
  std::uint32_t beyond = 0;
  std::uint32_t tail_count = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t id = positions[i];
    beyond |= static_cast<std::uint32_t>((id & (kTail - 1u)) >= sets);
    tail_count += id >> 15;  // kTail is the top bit
  }
  *tails = tail_count;
  return beyond == 0;
}

}  // namespace

std::string LiteralPiece::to_bytes() const {
  std::string out;
  Writer w(&out);
  w.u32(kLayout);
  w.u32(folds_k_or_s_ ? 1 : 0);
  w.array(sets_.data(), sets_.size());
  const std::vector<std::uint8_t> unicode(unicode_.begin(), unicode_.end());
  w.array(unicode.data(), unicode.size());
  w.array(positions_.data(), positions_.size());
  w.array(starts_.data(), starts_.size());
  w.array(unkeyed_.data(), unkeyed_.size());
  w.array(keys_.data(), keys_.size());
  w.array(entries_.data(), entries_.size());
  w.array(candidates_.data(), candidates_.size());
  return out;
}

std::unique_ptr<const LiteralPiece> LiteralPiece::from_bytes(std::string_view bytes) {
  std::unique_ptr<LiteralPiece> piece(new LiteralPiece());
  Reader r(bytes);
  std::uint32_t layout = 0;
  std::uint32_t folds = 0;
  std::vector<std::uint8_t> unicode;
  if (!r.u32(&layout) || layout != kLayout || !r.u32(&folds) || folds > 1) return nullptr;
  // A position is a set's index below kTail, which marks a tail.
  if (!r.array(&piece->sets_, kTail) || !r.array(&unicode, kTail)) return nullptr;
  if (!r.array(&piece->positions_) || !r.array(&piece->starts_) || !r.array(&piece->unkeyed_) ||
      !r.array(&piece->keys_) || !r.array(&piece->entries_) || !r.array(&piece->candidates_) ||
      !r.at_end()) {
    return nullptr;
  }
  piece->folds_k_or_s_ = folds == 1;
  if (unicode.size() != piece->sets_.size()) return nullptr;
  for (const std::uint8_t u : unicode) {
    if (u > 1) return nullptr;
    piece->unicode_.push_back(u == 1);
  }
  // The strings: non-empty, each position a set, at most one run and not
  // alone (build() refuses such a piece), starts_ from 0 to the end.
  const std::vector<std::uint32_t>& starts = piece->starts_;
  if (starts.empty() || starts.front() != 0 || starts.back() != piece->positions_.size()) {
    return nullptr;
  }
  // Ascending all through first: a later start below an earlier one would
  // let the loop below run past the end of positions_.
  for (std::size_t i = 0; i + 1 < starts.size(); ++i) {
    if (starts[i + 1] <= starts[i]) return nullptr;
  }
  // Checked over all positions at once, not string by string (a string by
  // string check was a third of reading a lookup back, 17,000 instructions
  // a sentence on fresh news): every set below the count, and how many
  // positions are runs.
  const std::u16string& positions = piece->positions_;
  std::uint32_t tails = 0;
  if (!sets_in_range(positions.data(), positions.size(),
                     static_cast<std::uint32_t>(piece->sets_.size()), &tails)) {
    return nullptr;
  }
  // Runs: at most one a string, and not a string's only position; one
  // before a string's end of word characters only, as build() makes them (a
  // record that broke this would be slow, not unsafe). Read string by
  // string only where there are any: few lookups have them.
  piece->has_runs_ = tails > 0;
  if (tails > 0) {
    CharSet non_word;
    for (unsigned c = 0; c < 256; ++c)
      non_word.set(c, !is_word_byte(static_cast<unsigned char>(c)));
    for (std::size_t i = 0; i + 1 < starts.size(); ++i) {
      std::uint32_t runs = 0;
      for (std::uint32_t p = starts[i]; p < starts[i + 1]; ++p) {
        const char16_t id = positions[p];
        if ((id & kTail) == 0) continue;
        ++runs;
        const bool last = p + 1 == starts[i + 1];
        if (!last && (piece->sets_[id & ~kTail] & non_word).any()) return nullptr;
      }
      if (runs > 1 || (runs == 1 && starts[i + 1] - starts[i] == 1)) return nullptr;
    }
  }
  const auto strings = static_cast<std::uint32_t>(starts.size() - 1);
  const std::uint32_t* unkeyed = piece->unkeyed_.data();
  if (!ascending_below(unkeyed, unkeyed + piece->unkeyed_.size(), strings)) return nullptr;
  for (const Entry& e : piece->entries_) {
    if (e.key_begin > piece->keys_.size() || e.key_size > piece->keys_.size() - e.key_begin ||
        e.first > e.last || e.last > piece->candidates_.size()) {
      return nullptr;
    }
    const std::uint32_t* list = piece->candidates_.data();
    if (!ascending_below(list + e.first, list + e.last, strings)) return nullptr;
  }
  if (!piece->index_first_words()) return nullptr;
  return piece;
}

}  // namespace demarche::match
