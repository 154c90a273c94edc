// chart_axis.hpp: the range and ticks of a chart axis for figures in [0, 1].
//
// Precision and recall drawn from 0 to 1 put every threshold of a healthy
// type in the top right corner, a few pixels apart. The precision-recall
// charts of the HTML report zoom each axis to the figures they show instead,
// with a margin, on round ticks, and say so when an axis does not span 0-1.
#pragma once

#include <vector>

namespace demarche::cli {

struct AxisRange {
  double low = 0;
  double high = 1;
  std::vector<double> ticks = {0, 0.2, 0.4, 0.6, 0.8, 1};  // low to high, evenly spaced
  int decimals = 1;  // enough for every tick's label to differ

  // Where `value` lies on the axis: 0 at `low`, 1 at `high`.
  double fraction(double value) const { return (value - low) / (high - low); }
  // Whether the axis shows less than 0-1, which its chart must say.
  bool zoomed() const { return low > 0 || high < 1; }
};

// The axis for `values` (each in [0, 1]): from the smallest less a margin to
// the largest plus one (a tenth of their spread, at least 0.02), widened to
// the nearest multiples of a round step (0.01, 0.02, 0.05, 0.1 or 0.2, the
// smallest that needs at most 5 intervals) and kept within [0, 1]. With no
// values, 0 to 1.
AxisRange zoomed_axis(const std::vector<double>& values);

}  // namespace demarche::cli
