#include "chart_axis.hpp"

#include <algorithm>
#include <cmath>

namespace demarche::cli {

AxisRange zoomed_axis(const std::vector<double>& values) {
  if (values.empty()) return AxisRange{};
  const auto [min, max] = std::minmax_element(values.begin(), values.end());
  const double margin = std::max(0.1 * (*max - *min), 0.02);
  const double from = std::max(0.0, *min - margin);
  const double to = std::min(1.0, *max + margin);
  // Steps are counted in hundredths, so that ticks are exact multiples of
  // the step rather than sums that drift (0.1 * 3 is not 0.3).
  constexpr double kUnit = 100;
  for (const int step : {1, 2, 5, 10, 20}) {
    // 1e-9 keeps a bound that is already a multiple (0.8 = 80 hundredths,
    // computed as 79.99999999999999) where it is.
    const int first = static_cast<int>(std::floor(from * kUnit / step + 1e-9)) * step;
    const int last = static_cast<int>(std::ceil(to * kUnit / step - 1e-9)) * step;
    if ((last - first) / step > 5 && step != 20) continue;
    AxisRange axis;
    axis.low = first / kUnit;
    axis.high = last / kUnit;
    axis.ticks.clear();
    for (int at = first; at <= last; at += step) axis.ticks.push_back(at / kUnit);
    axis.decimals = step < 10 ? 2 : 1;
    return axis;
  }
  return AxisRange{};  // not reached: a step of 0.2 always fits
}

}  // namespace demarche::cli
