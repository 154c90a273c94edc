// modality.hpp: the modality classes the plugin tells apart, their names in
// annotations and the confidence an event is brought down to in each.
#pragma once

#include <string_view>

namespace demarche_modality {

enum class Modality {
  kAsserted,      // reported as having happened, or decided and scheduled
  kNegated,       // denied, refused, failed, ruled out, reversed
  kThreatened,    // threatened, warned, vowed, planned, considered, possible
  kDemanded,      // called for, urged, demanded of someone else
  kHypothetical,  // conditional, supposed, asked as a question
};

constexpr std::string_view name(Modality m) {
  switch (m) {
    case Modality::kAsserted:
      return "asserted";
    case Modality::kNegated:
      return "negated";
    case Modality::kThreatened:
      return "threatened";
    case Modality::kDemanded:
      return "demanded";
    case Modality::kHypothetical:
      return "hypothetical";
  }
  return "asserted";
}

// The confidence an event whose evidence is all of modality `m` is brought
// down to (README.md, "How it lowers a confidence"). All well under the
// reporting threshold 0.5; lowest where the text says outright that the event
// did not happen, higher where it may still follow soon (a threat carried
// out, a condition met).
constexpr double target_confidence(Modality m) {
  switch (m) {
    case Modality::kNegated:
      return 0.05;
    case Modality::kDemanded:
      return 0.10;
    case Modality::kThreatened:
    case Modality::kHypothetical:
      return 0.15;
    case Modality::kAsserted:
      break;
  }
  return 1.0;
}

}  // namespace demarche_modality
