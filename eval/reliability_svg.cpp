#include "reliability_svg.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string_view>

#include "markup_escape.hpp"
#include "text_format.hpp"

namespace demarche::cli {
namespace {

// The plot area, in SVG units: a square, with room on the left and below
// for the axes' labels, above for the title and on the right for a dot's
// count.
constexpr double kWidth = 310;
constexpr double kHeight = 300;
constexpr double kLeft = 66;
constexpr double kTop = 46;
constexpr double kSide = 200;
// The largest dot's radius, and how far the axes stand off the square: a
// dot at confidence or frequency 0 lies on the square's edge, and were the
// axes and their labels drawn there, the labels "0.0" would sit under the
// largest dots (most samples are at a type's prior, close to 0). Offset by
// more than a radius, no dot ever reaches an axis or its labels.
constexpr double kMaxRadius = 10;
constexpr double kAxisGap = kMaxRadius + 4;
constexpr double kAxisX = kLeft - kAxisGap;         // where the y axis is drawn
constexpr double kAxisY = kTop + kSide + kAxisGap;  // where the x axis is drawn

double x_of(double confidence) {
  return kLeft + confidence * kSide;
}
double y_of(double frequency) {
  return kTop + kSide - frequency * kSide;
}

std::string at(double value) {
  return fixed(value, 1);
}

// Type names are rule identifiers, but the element must stay well-formed XML
// whatever it is given.
std::string xml(std::string_view text) {
  return escape_markup(text);
}

std::string figure_or_na(const std::optional<double>& value) {
  return value ? fixed(*value, 3) : std::string("n/a");
}

void write_axes(std::ostream& out) {
  const char* axis = "stroke=\"#888\" stroke-width=\"1\"";
  out << "<line " << axis << " x1=\"" << at(x_of(0)) << "\" y1=\"" << at(kAxisY) << "\" x2=\""
      << at(x_of(1)) << "\" y2=\"" << at(kAxisY) << "\"/>"
      << "<line " << axis << " x1=\"" << at(kAxisX) << "\" y1=\"" << at(y_of(0)) << "\" x2=\""
      << at(kAxisX) << "\" y2=\"" << at(y_of(1)) << "\"/>";
  for (const double tick : {0.0, 0.5, 1.0}) {
    out << "<line " << axis << " x1=\"" << at(x_of(tick)) << "\" y1=\"" << at(kAxisY) << "\" x2=\""
        << at(x_of(tick)) << "\" y2=\"" << at(kAxisY + 4) << "\"/>"
        << "<text class=\"tick\" x=\"" << at(x_of(tick)) << "\" y=\"" << at(kAxisY + 15)
        << "\" text-anchor=\"middle\">" << fixed(tick, 1) << "</text>"
        << "<line " << axis << " x1=\"" << at(kAxisX - 4) << "\" y1=\"" << at(y_of(tick))
        << "\" x2=\"" << at(kAxisX) << "\" y2=\"" << at(y_of(tick)) << "\"/>"
        << "<text class=\"tick\" x=\"" << at(kAxisX - 6) << "\" y=\"" << at(y_of(tick) + 3.5)
        << "\" text-anchor=\"end\">" << fixed(tick, 1) << "</text>";
  }
  const double middle = y_of(0.5);
  out << "<text class=\"axis-name\" x=\"" << at(x_of(0.5)) << "\" y=\"" << at(kHeight - 8)
      << "\" text-anchor=\"middle\">mean confidence</text>"
      << "<text class=\"axis-name\" x=\"14\" y=\"" << at(middle) << "\" transform=\"rotate(-90 14 "
      << at(middle) << ")\" text-anchor=\"middle\">observed frequency</text>";
  // Perfect calibration: observed frequency equals mean confidence.
  out << "<line class=\"diagonal\" stroke=\"#999\" stroke-dasharray=\"4 3\" x1=\"" << at(x_of(0))
      << "\" y1=\"" << at(y_of(0)) << "\" x2=\"" << at(x_of(1)) << "\" y2=\"" << at(y_of(1))
      << "\"/>";
}

void write_bins(std::ostream& out, const Calibration& calibration) {
  std::size_t largest = 0;
  for (const ReliabilityBin& bin : calibration.bins) largest = std::max(largest, bin.count);
  for (const ReliabilityBin& bin : calibration.bins) {
    if (bin.count == 0 || !bin.mean_confidence || !bin.observed) continue;
    const double x = x_of(*bin.mean_confidence);
    const double y = y_of(*bin.observed);
    // Area grows with the count, so that a bin of two samples does not look
    // as sure as one of two hundred.
    const double radius = 3 + (kMaxRadius - 3) * std::sqrt(static_cast<double>(bin.count) /
                                                           static_cast<double>(largest));
    out << "<line class=\"gap\" stroke=\"#d93025\" stroke-width=\"1.5\" x1=\"" << at(x)
        << "\" y1=\"" << at(y_of(*bin.mean_confidence)) << "\" x2=\"" << at(x) << "\" y2=\""
        << at(y) << "\"/>"
        << "<circle class=\"bin\" data-count=\"" << bin.count
        << "\" fill=\"#3367d6\" fill-opacity=\"0.7\" cx=\"" << at(x) << "\" cy=\"" << at(y)
        << "\" r=\"" << at(radius) << "\"><title>confidence " << fixed(bin.low, 1) << " to "
        << fixed(bin.high, 1) << ": " << bin.count << (bin.count == 1 ? " sample" : " samples")
        << ", mean confidence " << fixed(*bin.mean_confidence, 3) << ", observed "
        << fixed(*bin.observed, 3) << "</title></circle>"
        << "<text class=\"count\" font-size=\"9\" x=\"" << at(x + radius + 2) << "\" y=\""
        << at(y - radius) << "\">" << bin.count << "</text>";
  }
  if (calibration.samples == 0) {
    out << "<text x=\"" << at(x_of(0.5)) << "\" y=\"" << at(y_of(0.5))
        << "\" text-anchor=\"middle\">no samples</text>";
  }
}

}  // namespace

std::string reliability_svg(const Calibration& calibration) {
  const std::string type = xml(calibration.type);
  std::ostringstream out;
  out << "<svg class=\"reliability\" data-type=\"" << type
      << "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kWidth << "\" height=\"" << kHeight
      << "\" viewBox=\"0 0 " << kWidth << ' ' << kHeight
      << "\" font-family=\"sans-serif\" font-size=\"10\" fill=\"#444\" role=\"img\">"
      << "<title>Reliability of " << type << ": " << calibration.samples
      << (calibration.samples == 1 ? " sample" : " samples") << ", ECE "
      << figure_or_na(calibration.ece) << ", Brier " << figure_or_na(calibration.brier)
      << "</title>"
      << "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
      << "<text class=\"heading\" x=\"" << at(kWidth / 2)
      << "\" y=\"20\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"#222\">"
      << type << ": ECE " << figure_or_na(calibration.ece) << "</text>";
  write_axes(out);
  write_bins(out, calibration);
  out << "</svg>";
  return out.str();
}

}  // namespace demarche::cli
