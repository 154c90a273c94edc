#include "text/normalize.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "demarche/invisible.hpp"
#include "text/utf8.hpp"

namespace demarche::text {
namespace {

// What a non-ASCII code point becomes. No replacement is longer than the
// UTF-8 form it replaces, which is what lets normalize() size its output once.
struct Fold {
  enum class Kind : std::uint8_t { kCopy, kDrop, kReplace };
  Kind kind = Kind::kCopy;
  std::string_view replacement;
};

constexpr Fold kCopy{};
constexpr Fold kDrop{Fold::Kind::kDrop, {}};
constexpr Fold kSpace{Fold::Kind::kReplace, " "};
constexpr Fold kApostrophe{Fold::Kind::kReplace, "'"};
constexpr Fold kQuote{Fold::Kind::kReplace, "\""};
constexpr Fold kDash{Fold::Kind::kReplace, "-"};
constexpr Fold kEllipsis{Fold::Kind::kReplace, "..."};

Fold fold_non_ascii(char32_t c) {
  if (c < 0xA0) return kSpace;  // C1 controls
  // Shared with plugins that fold text themselves (the actors plugin).
  if (is_dropped_invisible(c)) return kDrop;
  if (c >= 0x2000 && c <= 0x200A) return kSpace;
  if (c >= 0x2010 && c <= 0x2015) return kDash;
  if (c >= 0x201C && c <= 0x201F) return kQuote;
  switch (c) {
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return kSpace;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
      return kApostrophe;
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
      return kQuote;
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return kDash;
    case 0x2026:
      return kEllipsis;
    default:
      return kCopy;
  }
}

// Printable ASCII and '\n' are copied as they are: the fast path.
constexpr std::array<bool, 256> make_plain_table() {
  std::array<bool, 256> table{};
  for (int c = 0x20; c < 0x7F; ++c) table[c] = true;
  table['\n'] = true;
  return table;
}
constexpr std::array<bool, 256> kPlain = make_plain_table();

// Writes into buffers sized for the worst case (output as long as input), so
// the hot loop has no capacity checks.
class Writer {
 public:
  Writer(char* text, std::uint32_t* map) : text_(text), map_(map) {}

  void put(char c, std::size_t source) {
    text_[size_] = c;
    map_[size_] = static_cast<std::uint32_t>(source);
    ++size_;
  }
  // Every byte of a replacement maps to the start of the character it
  // replaces, so no original span ever starts or ends inside that character.
  void put(std::string_view s, std::size_t source) {
    for (const char c : s) put(c, source);
  }
  // Copied bytes map one to one. Kept free of per-byte branches so long ASCII
  // runs compile to a block copy and a vectorised count.
  void copy(std::string_view original, std::size_t begin, std::size_t length) {
    std::memcpy(text_ + size_, original.data() + begin, length);
    std::uint32_t* map = map_ + size_;
    const auto first = static_cast<std::uint32_t>(begin);
    for (std::size_t k = 0; k < length; ++k) map[k] = first + static_cast<std::uint32_t>(k);
    size_ += length;
  }
  std::size_t size() const { return size_; }

 private:
  char* text_;
  std::uint32_t* map_;
  std::size_t size_ = 0;
};

// Handles the byte at `pos`, which is not plain ASCII; returns the next position.
std::size_t fold_at(std::string_view original, std::size_t pos, Writer& out) {
  const auto byte = static_cast<unsigned char>(original[pos]);
  if (byte == '\r') {
    out.put('\n', pos);
    const bool crlf = pos + 1 < original.size() && original[pos + 1] == '\n';
    return pos + (crlf ? 2 : 1);
  }
  if (byte < 0x80) {  // tab and the other controls
    out.put(' ', pos);
    return pos + 1;
  }
  const Decoded decoded = decode_utf8(original, pos);
  if (decoded.code_point == kInvalidCodePoint) {
    out.put(' ', pos);
    return pos + 1;
  }
  const Fold fold = fold_non_ascii(decoded.code_point);
  switch (fold.kind) {
    case Fold::Kind::kCopy:
      out.copy(original, pos, decoded.length);
      break;
    case Fold::Kind::kReplace:
      out.put(fold.replacement, pos);
      break;
    case Fold::Kind::kDrop:
      break;
  }
  return pos + decoded.length;
}

}  // namespace

Span NormalizedText::original_span(std::size_t begin, std::size_t end) const {
  if (to_original.empty()) return {};
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  const std::size_t first = to_original[begin];
  if (begin == end) return {first, first};
  // Byte end-1 ends where the next character's bytes start. Bytes of one
  // replacement share their offset, so step over them; the final sentinel
  // (the original's size) is strictly greater than any byte's offset, so the
  // loop stops, after at most the length of one replacement.
  const std::uint32_t last = to_original[end - 1];
  std::size_t next = end;
  while (to_original[next] == last) ++next;
  return {first, to_original[next]};
}

NormalizedText normalize(std::string_view original) {
  const std::size_t size = original.size();
  if (size >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("demarche::text::normalize: text of 4 GiB or more");
  }
  NormalizedText result;
  result.text.resize(size);
  result.to_original.resize(size + 1);
  Writer out(result.text.data(), result.to_original.data());

  const auto* bytes = reinterpret_cast<const unsigned char*>(original.data());
  std::size_t pos = 0;
  while (pos < size) {
    std::size_t run_end = pos;
    while (run_end < size && kPlain[bytes[run_end]]) ++run_end;
    out.copy(original, pos, run_end - pos);
    pos = run_end;
    if (pos < size) pos = fold_at(original, pos, out);
  }

  const std::size_t written = out.size();
  result.to_original[written] = static_cast<std::uint32_t>(size);
  result.text.resize(written);
  result.to_original.resize(written + 1);
  return result;
}

namespace {

// Whether every byte is one normalize() copies as it is (kPlain), eight at a
// time: this runs on every sentence classified, and a byte-by-byte table
// lookup cost a tenth of classifying a sentence that no rule concerns.
bool all_plain(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHighBits = 0x8080808080808080;
  // A byte of `x`, all below 0x80, that is below `n`.
  auto any_below = [](std::uint64_t x, std::uint64_t n) {
    return ((x - kOnes * n) & ~x & kHighBits) != 0;
  };
  std::size_t at = 0;
  for (; at + 8 <= text.size(); at += 8) {
    std::uint64_t x;
    std::memcpy(&x, text.data() + at, 8);
    if ((x & kHighBits) != 0 || any_below(x ^ (kOnes * 0x7F), 1)) return false;  // non-ASCII, DEL
    if (any_below(x, 0x20)) {  // controls: only '\n' is plain
      for (std::size_t i = at; i < at + 8; ++i) {
        if (!kPlain[static_cast<unsigned char>(text[i])]) return false;
      }
    }
  }
  for (; at < text.size(); ++at) {
    if (!kPlain[static_cast<unsigned char>(text[at])]) return false;
  }
  return true;
}

}  // namespace

MatchText::MatchText(std::string_view original) : original_(original) {
  if (!all_plain(original)) normalized_ = normalize(original);
}

Span MatchText::original_span(std::size_t begin, std::size_t end) const {
  if (normalized_) return normalized_->original_span(begin, end);
  end = std::min(end, original_.size());
  return {std::min(begin, end), end};
}

}  // namespace demarche::text
