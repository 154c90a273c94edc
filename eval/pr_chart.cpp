#include "pr_chart.hpp"

#include <sstream>
#include <vector>

#include "chart_axis.hpp"
#include "markup_escape.hpp"
#include "text_format.hpp"

namespace demarche::cli {
namespace {

// The plot area, in SVG units, with room on the left and below for the
// axes, their ticks' labels and names. The axes stand kGap off the plot
// area, so that a point at the lowest figure shown does not sit on an axis
// and an axis broken below its first tick has room for the break.
constexpr double kWidth = 264;
constexpr double kHeight = 248;
constexpr double kLeft = 60;
constexpr double kTop = 10;
constexpr double kPlotWidth = 190;
constexpr double kPlotHeight = 180;
constexpr double kBottom = kTop + kPlotHeight;
constexpr double kGap = 14;
constexpr double kAxisX = kLeft - kGap;    // where the precision axis is drawn
constexpr double kAxisY = kBottom + kGap;  // where the recall axis is drawn

std::string at(double value) {
  return fixed(value, 1);
}

struct Point {
  double recall = 0;
  double precision = 0;
  double threshold = 0;
  bool current = false;
};

// The evaluation's points for the type: the sweep, then its own threshold.
std::vector<Point> points_of(const Evaluation& eval, std::size_t type_index) {
  std::vector<Point> points;
  auto add = [&](const Summary& summary, bool current) {
    const Scores& s = summary.per_type[type_index].scores;
    if (s.precision && s.recall)
      points.push_back(Point{*s.recall, *s.precision, summary.threshold, current});
  };
  for (const Summary& summary : eval.sweep) add(summary, false);
  add(eval.summary, true);
  return points;
}

// Two short strokes across an axis between the corner and its first tick:
// the usual sign that the axis does not start at 0.
void write_break(std::ostream& out, bool horizontal) {
  for (const double shift : {-1.5, 1.5}) {
    const double x = horizontal ? kLeft - kGap / 2 + shift : kAxisX;
    const double y = horizontal ? kAxisY : kBottom + kGap / 2 + shift;
    out << "<line class=\"axis-break\" x1=\"" << at(x - 2.5) << "\" y1=\"" << at(y + 3.5)
        << "\" x2=\"" << at(x + 2.5) << "\" y2=\"" << at(y - 3.5) << "\"/>";
  }
}

void write_axes(std::ostream& out, const AxisRange& recall, const AxisRange& precision) {
  out << "<line class=\"axis\" x1=\"" << at(kAxisX) << "\" y1=\"" << at(kAxisY) << "\" x2=\""
      << at(kLeft + kPlotWidth) << "\" y2=\"" << at(kAxisY) << "\"/>"
      << "<line class=\"axis\" x1=\"" << at(kAxisX) << "\" y1=\"" << at(kAxisY) << "\" x2=\""
      << at(kAxisX) << "\" y2=\"" << at(kTop) << "\"/>";
  for (const double tick : recall.ticks) {
    const double x = kLeft + recall.fraction(tick) * kPlotWidth;
    out << "<line class=\"axis\" x1=\"" << at(x) << "\" y1=\"" << at(kAxisY) << "\" x2=\"" << at(x)
        << "\" y2=\"" << at(kAxisY + 4) << "\"/><text class=\"tick x\" x=\"" << at(x) << "\" y=\""
        << at(kAxisY + 15) << "\" text-anchor=\"middle\">" << fixed(tick, recall.decimals)
        << "</text>";
  }
  for (const double tick : precision.ticks) {
    const double y = kBottom - precision.fraction(tick) * kPlotHeight;
    out << "<line class=\"axis\" x1=\"" << at(kAxisX - 4) << "\" y1=\"" << at(y) << "\" x2=\""
        << at(kAxisX) << "\" y2=\"" << at(y) << "\"/><text class=\"tick y\" x=\"" << at(kAxisX - 6)
        << "\" y=\"" << at(y + 3.5) << "\" text-anchor=\"end\">" << fixed(tick, precision.decimals)
        << "</text>";
  }
  if (recall.low > 0) write_break(out, true);
  if (precision.low > 0) write_break(out, false);
  const double middle = kTop + kPlotHeight / 2;
  out << "<text class=\"axis-name\" x=\"" << at(kLeft + kPlotWidth / 2) << "\" y=\""
      << at(kHeight - 8) << "\" text-anchor=\"middle\">recall</text>"
      << "<text class=\"axis-name\" x=\"12\" y=\"" << at(middle) << "\" transform=\"rotate(-90 12 "
      << at(middle) << ")\" text-anchor=\"middle\">precision</text>";
}

// "recall 0.85–1.00", kept on one line.
std::string range_text(const char* name, const AxisRange& axis) {
  return std::string("<span class=\"range\">") + name + ' ' + fixed(axis.low, axis.decimals) + "–" +
         fixed(axis.high, axis.decimals) + "</span>";
}

}  // namespace

std::string pr_chart(const Evaluation& eval, std::size_t type_index) {
  const std::string type = escape_markup(eval.types[type_index]);
  const std::vector<Point> points = points_of(eval, type_index);
  std::vector<double> recalls;
  std::vector<double> precisions;
  for (const Point& p : points) {
    recalls.push_back(p.recall);
    precisions.push_back(p.precision);
  }
  const AxisRange recall = zoomed_axis(recalls);
  const AxisRange precision = zoomed_axis(precisions);
  std::ostringstream curve;
  std::ostringstream marks;
  for (const Point& p : points) {
    const double x = kLeft + recall.fraction(p.recall) * kPlotWidth;
    const double y = kBottom - precision.fraction(p.precision) * kPlotHeight;
    if (!p.current) curve << at(x) << ',' << at(y) << ' ';
    marks << "<circle" << (p.current ? " class=\"current\"" : "") << " cx=\"" << at(x) << "\" cy=\""
          << at(y) << "\" r=\"" << (p.current ? 4 : 3) << "\"><title>threshold "
          << fixed(p.threshold, 2) << ": precision " << fixed(p.precision, 3) << ", recall "
          << fixed(p.recall, 3) << "</title></circle>";
  }
  std::ostringstream out;
  out << "<figure class=\"pr-figure\"><figcaption>" << type << "</figcaption>"
      << "<svg class=\"pr-chart\" data-type=\"" << type << "\" width=\"" << kWidth << "\" height=\""
      << kHeight << "\" viewBox=\"0 0 " << kWidth << ' ' << kHeight
      << "\" role=\"img\" aria-label=\"precision against recall for " << type << "\">";
  write_axes(out, recall, precision);
  out << "<polyline class=\"curve\" points=\"" << curve.str() << "\"/>" << marks.str();
  if (points.empty()) {
    out << "<text x=\"" << at(kLeft + kPlotWidth / 2) << "\" y=\"" << at(kTop + kPlotHeight / 2)
        << "\" text-anchor=\"middle\">none</text>";
  }
  out << "</svg>";
  if (points.empty()) {
    out << "<p class=\"axis-note\">No point: precision or recall is n/a at every threshold.</p>";
  } else if (recall.zoomed() || precision.zoomed()) {
    out << "<p class=\"axis-note\">Zoomed to the points, not 0–1: " << range_text("recall", recall)
        << ", " << range_text("precision", precision) << ".</p>";
  }
  out << "</figure>";
  return out.str();
}

}  // namespace demarche::cli
