// result_text.hpp: what every report and writer agrees on about a result:
// whether an event is reported at a threshold, and the text under a span.
// Here, below both the evaluation (eval/) and the command line's writers
// (cmd/writer.hpp), so that the two cannot disagree.
#pragma once

#include <algorithm>
#include <demarche/result.hpp>
#include <string_view>

namespace demarche::cli {

// True when `confidence` reaches `threshold`. The tolerance absorbs rounding
// in the engine's logit/sigmoid round trip: a lone rule of weight 0.6 scores
// 0.59999999999999998, and `--threshold 0.6` must still report it.
inline bool clears_threshold(double confidence, double threshold) {
  constexpr double kTolerance = 1e-9;
  return confidence + kTolerance >= threshold;
}

// The bytes of `text` under `span`, clamped so a bad span can never throw.
inline std::string_view span_text(std::string_view text, const Span& span) {
  const std::size_t begin = std::min(span.begin, text.size());
  const std::size_t end = std::min(std::max(span.end, begin), text.size());
  return text.substr(begin, end - begin);
}

}  // namespace demarche::cli
