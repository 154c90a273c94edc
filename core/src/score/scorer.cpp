#include "score/scorer.hpp"

#include <algorithm>
#include <cmath>

namespace demarche::score {

namespace {

bool spans_overlap(const std::vector<Span>& a, const std::vector<Span>& b) {
  for (const Span& x : a) {
    for (const Span& y : b) {
      if (x.begin < y.end && y.begin < x.end) return true;
    }
  }
  return false;
}

// Why `candidate` must not count next to the already counted `kept`, or "".
std::string reason_not_counted(const Candidate& candidate, const Candidate& kept) {
  const bool same_direction =
      (candidate.evidence.contribution >= 0) == (kept.evidence.contribution >= 0);
  if (!candidate.group.empty() && candidate.group == kept.group) {
    return "group '" + kept.group + "' already counted by " + kept.evidence.rule_id;
  }
  if (same_direction && spans_overlap(candidate.evidence.spans, kept.evidence.spans)) {
    return "overlaps " + kept.evidence.rule_id + ", which counts instead";
  }
  return "";
}

}  // namespace

double logit(double p) {
  return std::log(p / (1.0 - p));
}

double sigmoid(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

double max_log_odds() {
  static const double bound = logit(kMaxConfidence);
  return bound;
}

double bounded_confidence(double log_odds) {
  // Symmetric, as logit(kMinConfidence) = -logit(kMaxConfidence) (0.001 = 1 - 0.999).
  return sigmoid(std::clamp(log_odds, -max_log_odds(), max_log_odds()));
}

Scorer::Scorer(std::vector<EventTypeInfo> types, Counting counting)
    : types_(std::move(types)), counting_(types_.size(), counting) {}

Scorer::Scorer(std::vector<EventTypeInfo> types, std::vector<Counting> counting)
    : types_(std::move(types)), counting_(std::move(counting)) {
  counting_.resize(types_.size(), Counting::kStrongestOfOverlaps);
}

std::vector<Event> Scorer::combine(std::vector<Candidate> candidates) const {
  for (Candidate& c : candidates) {
    c.evidence.event_type = types_[c.type_index].name;
    c.evidence.contribution =
        c.scale * logit(c.evidence.weight) - logit(types_[c.type_index].prior);
  }
  // Strongest first, so that whatever is dropped is dropped for something stronger.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.type_index != b.type_index) return a.type_index < b.type_index;
                     return std::fabs(a.evidence.contribution) > std::fabs(b.evidence.contribution);
                   });

  std::vector<Event> events;
  for (std::size_t begin = 0; begin < candidates.size();) {
    std::size_t end = begin;
    while (end < candidates.size() && candidates[end].type_index == candidates[begin].type_index)
      ++end;
    const EventTypeInfo& type = types_[candidates[begin].type_index];
    Event event;
    event.type = type.name;
    event.prior = type.prior;
    event.log_odds = logit(type.prior);
    std::vector<const Candidate*> counted;
    for (std::size_t i = begin; i < end; ++i) {
      Candidate& c = candidates[i];
      for (const Candidate* kept : counted) {
        if (counting_[c.type_index] == Counting::kEvery) break;
        c.evidence.note = reason_not_counted(c, *kept);
        if (!c.evidence.note.empty()) break;
      }
      c.evidence.counted = c.evidence.note.empty();
      if (c.evidence.counted) {
        event.log_odds += c.evidence.contribution;
        counted.push_back(&c);
      }
    }
    // Moved only now: the decisions above compare each candidate with the
    // counted ones before it.
    event.evidence.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i) {
      event.evidence.push_back(std::move(candidates[i].evidence));
    }
    // The sum stays as it is, so that explain's terms add up to it; only the
    // confidence is bounded.
    event.confidence = bounded_confidence(event.log_odds);
    events.push_back(std::move(event));
    begin = end;
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return a.confidence > b.confidence; });
  return events;
}

}  // namespace demarche::score
