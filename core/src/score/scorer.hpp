// Combines evidence into one confidence per event type, in log-odds.
//
// Every type has a base rate π. A piece of evidence with weight c (a
// precision) moves the type's log-odds by logit(c) - logit(π), so evidence
// that stands alone yields exactly c, several independent pieces add up, and
// c < π counts against the type. This is the form of a logistic regression
// with the prior as intercept, so later issues can learn the same numbers
// from data and plugins can add evidence through the same door.
#pragma once

#include <string>
#include <vector>

#include "demarche/engine.hpp"
#include "demarche/result.hpp"

namespace demarche::score {

double logit(double p);
double sigmoid(double x);

// The log-odds at which confidence stops: logit(kMaxConfidence) = ln 999.
// The lower bound is its negative.
double max_log_odds();

// sigmoid(log_odds) with log_odds held within +-max_log_odds(): what
// Event::confidence is.
double bounded_confidence(double log_odds);

struct Candidate {
  std::size_t type_index = 0;
  std::string group;  // candidates of one type sharing a group count once
  Evidence evidence;  // weight and spans set; contribution and counted are filled in
  // The contribution is scale * logit(weight) - logit(prior): 1 for rules;
  // learned weights may trust a plugin's stated precision more or less than
  // it states (docs/scoring.md, "Learned weights").
  double scale = 1.0;
};

// How candidates of one type combine.
enum class Counting {
  // Authored weights: overlapping same-direction candidates and group
  // members count once, since their authors guessed each in isolation.
  kStrongestOfOverlaps,
  // Learned weights: every candidate counts, since the fit saw them fire
  // together and set their weights for exactly that.
  kEvery,
};

class Scorer {
 public:
  explicit Scorer(std::vector<EventTypeInfo> types,
                  Counting counting = Counting::kStrongestOfOverlaps);
  // One way of counting per type (parallel to `types`): a type keeps its
  // authored numbers while others use learned ones.
  Scorer(std::vector<EventTypeInfo> types, std::vector<Counting> counting);

  // One Event per type that has any candidate, highest confidence first.
  // Within a type, candidates pointing the same way whose spans overlap, or
  // that share a group, count once: the strongest; the others are kept with
  // counted = false and a note saying which one counted instead.
  std::vector<Event> combine(std::vector<Candidate> candidates) const;

 private:
  std::vector<EventTypeInfo> types_;
  std::vector<Counting> counting_;  // parallel to types_
};

}  // namespace demarche::score
