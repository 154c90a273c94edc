// Sentences of a whole document, found a block of lines at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "demarche/result.hpp"

namespace demarche::text {

// About this many bytes of a document are normalised at once.
inline constexpr std::size_t kSegmentBlockBytes = std::size_t{1} << 20;

// Hands `each` the sentence spans of `document` (original bytes, not
// normalised), in order: what segment_sentences finds in the document's
// MatchText, mapped back with original_span. Normalising a document costs
// five bytes per byte of it (the copy and its offset map), so it is done a
// block of whole lines at a time: a line break always ends a sentence and
// normalisation never looks past one, so the spans are the same, and a
// huge document costs only its longest block. `block_bytes` is for tests.
void for_each_document_sentence(std::string_view document, const std::function<void(Span)>& each,
                                std::size_t block_bytes = kSegmentBlockBytes);

}  // namespace demarche::text
