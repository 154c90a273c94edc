// rule_statistics.hpp: what the gold sentences say about each rule.
//
// In the spirit of Snorkel's labelling-function summary: how often a rule
// fires, how often it is right, what it finds that no other rule of its type
// does, and which rules it overlaps or conflicts with. docs/evaluation.md
// explains each column and how to find the rule that hurts.
#pragma once

#include <cstddef>
#include <demarche/engine.hpp>
#include <optional>
#include <string>
#include <vector>

#include "metrics.hpp"

namespace demarche::cli {

// Another rule seen with a rule, and on how many sentences.
struct RuleCount {
  std::string rule_id;
  std::size_t sentences = 0;
};

// What the gold sentences say about one rule (Snorkel-style labelling
// function summary). A rule "fires" on a sentence when it gave evidence,
// counted or not; a sentence where its `unless` cancelled it is not covered.
struct RuleStats {
  std::string rule_id;
  std::string type;
  double weight = 0;  // in use: learned, when the evaluation scored with learned weights
  // As the rule file writes it: what `rules stats`, which never loads a
  // weights file, shows as its weight.
  double authored_weight = 0;
  std::size_t coverage = 0;          // gold sentences it fires on
  std::size_t hits = 0;              // of those, how many have its type in gold
  std::optional<double> precision;   // hits / coverage: its empirical precision
  std::optional<Interval> interval;  // Wilson 95% interval of that precision
  std::size_t type_gold = 0;         // gold sentences of its type
  std::optional<double> recall;      // hits / type_gold
  std::size_t unique = 0;            // gold positives it finds and no other rule of its type does
  std::optional<double> unique_recall;  // unique / type_gold
  std::size_t cancelled = 0;            // sentences its `unless` cancelled it on
  std::size_t cancelled_positive = 0;   // of those, how many have its type in gold
  // Rules of the same type firing on the same sentences, most sentences first.
  std::vector<RuleCount> overlaps;
  // Rules of other types firing on the same sentences where gold has
  // exactly one of the two types, most sentences first.
  std::vector<RuleCount> conflicts;
  // Empirical precision below 0.7 while the weight (the author's estimate
  // of precision) is above 0.7: the rule claims more than it delivers.
  bool flagged = false;
};

inline constexpr double kHealthBar = 0.7;

struct SentenceOutcome;

// Per-rule statistics over classified gold sentences, in the order of
// `rules`. Plugin evidence is no rule's and is ignored.
std::vector<RuleStats> rule_statistics(const std::vector<RuleInfo>& rules,
                                       const std::vector<SentenceOutcome>& sentences);

}  // namespace demarche::cli
