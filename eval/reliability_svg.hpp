// reliability_svg.hpp: a reliability diagram, drawn as one SVG element.
//
// Shared by the HTML report (inline, one per type and one pooled) and
// `eval --plot` (one file each), so that both show the same picture. The
// element names its namespace and styles itself with presentation
// attributes rather than the page's CSS, so the same text is a valid
// standalone .svg file and renders alike inside a page.
#pragma once

#include <string>

#include "metrics.hpp"

namespace demarche::cli {

// `<svg class="reliability" data-type="TYPE" xmlns=...>...</svg>`, no
// trailing newline: x is a bin's mean confidence, y its observed frequency,
// the dashed diagonal is perfect calibration, each non-empty bin is a dot
// sized and labelled by its count with a red stroke down or up to the
// diagonal (its gap), and the title gives the type and the ECE. The axes
// stand off the plot by more than the largest dot's radius, so that no dot
// covers a tick's label (most samples sit near 0, at the types' priors).
std::string reliability_svg(const Calibration& calibration);

}  // namespace demarche::cli
