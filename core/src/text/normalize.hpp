// Folds typography so rules need not care, keeping a map back to the original.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "demarche/result.hpp"

namespace demarche::text {

// Normalised text plus, for each of its bytes, where it came from.
struct NormalizedText {
  std::string text;  // always valid UTF-8
  // to_original[i] is the original byte offset of normalised byte i; the
  // extra last entry is the original's size. Non-decreasing. Copied bytes map
  // one to one; every byte of a replacement maps to the start of the character
  // it replaces (so the three stops of an ellipsis share one offset).
  std::vector<std::uint32_t> to_original;

  // Maps a half-open range of normalised bytes to the original bytes that
  // produced it: [to_original[b], original end of byte e-1). For an empty
  // range, an empty span at to_original[b]. A range that cuts a replacement
  // widens to all of it, so original spans never cut a character. Dropped
  // characters (zero-width, soft hyphen) belong to the character before them:
  // a span that ends just before one includes it, a span that starts just
  // after one does not (a leading byte order mark is in no span).
  // Out-of-range arguments are clamped to the text.
  Span original_span(std::size_t begin, std::size_t end) const;
};

// - Unicode spaces (NBSP U+00A0, U+1680, U+2000..U+200A, U+202F, U+205F,
//   U+3000), tab, and control characters other than '\n' become ' '.
// - "\r\n" and a lone '\r' become '\n' (documents keep their line breaks).
// - Zero-width characters (U+200B..U+200D, U+2060, U+FEFF) and soft hyphens
//   (U+00AD) are dropped.
// - Curly single quotes and primes (U+2018, U+2019, U+201A, U+201B, U+2032)
//   become '\''; curly double quotes (U+201C..U+201F, U+2033) and guillemets
//   (U+00AB, U+00BB) become '"'.
// - Hyphens and dashes (U+2010..U+2015, U+2212, U+FE58, U+FE63, U+FF0D)
//   become '-'; the ellipsis U+2026 becomes "...".
// - Each invalid UTF-8 byte becomes ' '.
// Everything else is copied unchanged. Case is not folded (patterns do that).
// No replacement is longer than what it replaces, so the result is never
// longer than the original. One linear pass; throws std::length_error for an
// original of 4 GiB or more (offsets are 32-bit).
NormalizedText normalize(std::string_view original);

// The text that rules match: `original` itself when normalize() would leave it
// as it is (printable ASCII and line breaks, which most news text is), else
// its normalised copy. Sparing the copy and the offset map matters because
// every sentence classified passes through here. It views `original`, which
// must outlive it.
class MatchText {
 public:
  explicit MatchText(std::string_view original);

  std::string_view text() const { return normalized_ ? normalized_->text : original_; }

  // As NormalizedText::original_span; offsets map to themselves when the
  // original was used as it is.
  Span original_span(std::size_t begin, std::size_t end) const;

 private:
  std::string_view original_;
  std::optional<NormalizedText> normalized_;
};

}  // namespace demarche::text
