// pr_chart.hpp: the precision-recall chart of one event type, for the HTML
// report (`demarche eval --report`).
#pragma once

#include <cstddef>
#include <string>

#include "evaluation.hpp"

namespace demarche::cli {

// `<figure>` with the type as caption and an `<svg class="pr-chart">`: a
// point per swept threshold where precision is defined, joined in threshold
// order, the evaluation's own threshold red (`circle.current`). Each axis is
// zoomed to the points (chart_axis.hpp) and labelled with its ticks
// (`text.tick`); an axis that does not start at 0 is drawn broken, and a
// zoomed chart says under it which ranges it shows (`p.axis-note`).
std::string pr_chart(const Evaluation& evaluation, std::size_t type_index);

}  // namespace demarche::cli
