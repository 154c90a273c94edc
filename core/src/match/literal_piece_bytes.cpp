// A LiteralPiece as bytes and back, for the cache of built lookups
// (literal_cache.hpp). Building a lookup expands the piece's regex into its
// strings; reading one back copies its arrays, first-word index included,
// and checks them.
//
// The bytes come from a file, so they are never trusted: every count is
// checked against what is left, every index against what it indexes, and
// any mismatch gives null (the caller builds the lookup instead).
#include <algorithm>
#include <cstring>
#include <memory>
#include <type_traits>

#include "match/literal_piece.hpp"
#include "match/sentence_words.hpp"

namespace demarche::match {

namespace {

// What the bytes hold, in order; bumped with any change of layout (it is
// part of the cache's key too, literal_cache.cpp).
// 2: a run may stand anywhere in a string. 3: each array starts at a
// multiple of 8 bytes; the first-word index is stored.
constexpr std::uint32_t kLayout = 3;
constexpr std::size_t kAlignment = 8;

// The bitset is copied as it is in memory: a cache written by another
// standard library's layout has another key (literal_cache.cpp).
static_assert(sizeof(CharSet) == 32 && alignof(CharSet) <= kAlignment);
// from_bytes counts tails by the top bit of a position.
static_assert(kTail == 0x8000);

class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}
  void u32(std::uint32_t value) { raw(&value, sizeof value); }
  // The count, zeros up to a multiple of kAlignment, the elements.
  template <typename T>
  void array(const T* data, std::size_t count) {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= kAlignment);
    u32(static_cast<std::uint32_t>(count));
    out_->append((kAlignment - out_->size() % kAlignment) % kAlignment, '\0');
    raw(data, count * sizeof(T));
  }

 private:
  void raw(const void* data, std::size_t size) {
    out_->append(static_cast<const char*>(data), size);
  }
  std::string* out_;
};

// Reads bytes that start at a multiple of kAlignment (from_bytes sees to
// it), so that each array is a run of properly aligned elements, copied
// into its container in one go, without zeroing the container first
// (zeroing took as long as copying: 1.6 million instructions on the news
// sentences).
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool u32(std::uint32_t* value) {
    if (sizeof *value > bytes_.size() - at_) return false;
    std::memcpy(value, bytes_.data() + at_, sizeof *value);
    at_ += sizeof *value;
    return true;
  }
  // `max` bounds the count before anything is allocated.
  template <typename Container>
  bool array(Container* out, std::size_t max = ~std::size_t{0}) {
    using T = typename Container::value_type;
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= kAlignment);
    std::uint32_t count = 0;
    if (!u32(&count) || count > max) return false;
    const std::size_t padding = (kAlignment - at_ % kAlignment) % kAlignment;
    if (padding > bytes_.size() - at_) return false;
    at_ += padding;
    if (count > (bytes_.size() - at_) / sizeof(T)) return false;
    const auto* first = reinterpret_cast<const T*>(bytes_.data() + at_);
    out->assign(first, first + count);
    at_ += count * sizeof(T);
    return true;
  }
  bool at_end() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

bool power_of_two(std::size_t n) {
  return n > 0 && (n & (n - 1)) == 0;
}

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
// inlined, as GCC 12 did not vectorise the loop inside from_bytes. In 16-bit
// lanes, eight positions a step with SSE2 (a signed maximum, as a set's
// index is below 0x8000, and a sum of top bits that cannot overflow within
// a chunk): with 32-bit lanes the check took 3.8 instructions a position.
[[gnu::noinline]] bool sets_in_range(const char16_t* positions, std::size_t count,
                                     std::uint32_t sets, std::uint32_t* tails) {
  constexpr std::size_t kChunk = 0x8000;  // positions a 16-bit sum counts
  std::int16_t highest = -1;
  std::uint32_t tail_count = 0;
  for (std::size_t begin = 0; begin < count; begin += kChunk) {
    const std::size_t end = std::min(count, begin + kChunk);
    std::uint16_t chunk_tails = 0;
    for (std::size_t i = begin; i < end; ++i) {
      highest = std::max(highest, static_cast<std::int16_t>(positions[i] & (kTail - 1u)));
      chunk_tails = static_cast<std::uint16_t>(chunk_tails + (positions[i] >> 15));
    }
    tail_count += chunk_tails;
  }
  *tails = tail_count;
  return highest < static_cast<std::int32_t>(sets);
}

}  // namespace

std::string LiteralPiece::to_bytes() const {
  std::string out;
  Writer w(&out);
  w.u32(kLayout);
  w.u32(folds_k_or_s_ ? 1 : 0);
  w.array(sets_.data(), sets_.size());
  w.array(unicode_.data(), unicode_.size());
  w.array(positions_.data(), positions_.size());
  w.array(starts_.data(), starts_.size());
  w.array(unkeyed_.data(), unkeyed_.size());
  w.array(keys_.data(), keys_.size());
  w.array(entries_.data(), entries_.size());
  w.array(candidates_.data(), candidates_.size());
  w.array(slots_.data(), slots_.size());
  w.array(first_word_filter_.data(), first_word_filter_.size());
  w.u32(static_cast<std::uint32_t>(longest_first_word_));
  return out;
}

std::unique_ptr<const LiteralPiece> LiteralPiece::from_bytes(std::string_view bytes) {
  // Bytes that do not start at a multiple of kAlignment (a record is read
  // into memory from operator new[], which does; a test's substring may
  // not) are read from an aligned copy.
  std::unique_ptr<std::uint64_t[]> aligned;
  if (reinterpret_cast<std::uintptr_t>(bytes.data()) % kAlignment != 0) {
    aligned = std::make_unique_for_overwrite<std::uint64_t[]>(bytes.size() / 8 + 1);
    std::memcpy(aligned.get(), bytes.data(), bytes.size());
    bytes = std::string_view(reinterpret_cast<const char*>(aligned.get()), bytes.size());
  }
  std::unique_ptr<LiteralPiece> piece(new LiteralPiece());
  Reader r(bytes);
  std::uint32_t layout = 0;
  std::uint32_t folds = 0;
  std::uint32_t longest = 0;
  if (!r.u32(&layout) || layout != kLayout || !r.u32(&folds) || folds > 1) return nullptr;
  // A position is a set's index below kTail, which marks a tail.
  if (!r.array(&piece->sets_, kTail) || !r.array(&piece->unicode_, kTail)) return nullptr;
  if (!r.array(&piece->positions_) || !r.array(&piece->starts_) || !r.array(&piece->unkeyed_) ||
      !r.array(&piece->keys_) || !r.array(&piece->entries_) || !r.array(&piece->candidates_) ||
      !r.array(&piece->slots_) || !r.array(&piece->first_word_filter_) || !r.u32(&longest) ||
      !r.at_end()) {
    return nullptr;
  }
  piece->folds_k_or_s_ = folds == 1;
  if (piece->unicode_.size() != piece->sets_.size()) return nullptr;
  for (const std::uint8_t u : piece->unicode_) {
    if (u > 1) return nullptr;
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
  // The first-word index as index_first_words() made it. Checked only so
  // far as it could make a search read out of bounds or never end: the
  // slots and the filter are powers of two, slots name entries, and one
  // slot at least is empty. (A forged one can only make words be missed,
  // as forged strings can make wrong ones be found.)
  const std::vector<std::uint32_t>& slots = piece->slots_;
  if (!power_of_two(slots.size()) || !power_of_two(piece->first_word_filter_.size())) {
    return nullptr;
  }
  bool empty_slot = false;
  for (const std::uint32_t slot : slots) {
    if (slot > piece->entries_.size()) return nullptr;
    empty_slot = empty_slot || slot == 0;
  }
  if (!empty_slot) return nullptr;
  piece->longest_first_word_ = longest;
  return piece;
}

}  // namespace demarche::match
