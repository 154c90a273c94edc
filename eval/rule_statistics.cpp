#include "rule_statistics.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "evaluation.hpp"

namespace demarche::cli {
namespace {

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// Indices (into `rules`) of the rules that gave evidence on a sentence,
// counted or not, ascending and each once.
std::vector<std::size_t> fired_rules(const SentenceResult& result,
                                     const std::unordered_map<std::string, std::size_t>& index) {
  std::vector<std::size_t> fired;
  for (const Event& event : result.events) {
    for (const Evidence& evidence : event.evidence) {
      // Plugin evidence ("plugin:NAME") has no entry.
      if (auto it = index.find(evidence.rule_id); it != index.end()) fired.push_back(it->second);
    }
  }
  std::sort(fired.begin(), fired.end());
  fired.erase(std::unique(fired.begin(), fired.end()), fired.end());
  return fired;
}

// Most sentences first, then rule order.
std::vector<RuleCount> ranked(const std::map<std::size_t, std::size_t>& counts,
                              const std::vector<RuleInfo>& rules) {
  std::vector<std::pair<std::size_t, std::size_t>> order(counts.begin(), counts.end());
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<RuleCount> out;
  for (const auto& [rule, sentences] : order) out.push_back(RuleCount{rules[rule].id, sentences});
  return out;
}

}  // namespace

std::vector<RuleStats> rule_statistics(const std::vector<RuleInfo>& rules,
                                       const std::vector<SentenceOutcome>& sentences) {
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t r = 0; r < rules.size(); ++r) index.emplace(rules[r].id, r);
  std::vector<RuleStats> stats(rules.size());
  std::vector<std::map<std::size_t, std::size_t>> overlaps(rules.size());
  std::vector<std::map<std::size_t, std::size_t>> conflicts(rules.size());
  std::map<std::string, std::size_t> type_gold;

  for (const SentenceOutcome& sentence : sentences) {
    const std::vector<std::string>& gold = sentence.gold_types;
    for (const std::string& type : gold) ++type_gold[type];
    const std::vector<std::size_t> fired = fired_rules(sentence.result, index);
    for (std::size_t r : fired) {
      const bool right = has(gold, rules[r].event_type);
      ++stats[r].coverage;
      stats[r].hits += right;
      bool alone = true;
      for (std::size_t other : fired) {
        if (other == r) continue;
        if (rules[other].event_type == rules[r].event_type) {
          alone = false;
          ++overlaps[r][other];
        } else if (right != has(gold, rules[other].event_type)) {
          ++conflicts[r][other];
        }
      }
      stats[r].unique += right && alone;
    }
    for (const Cancellation& cancellation : sentence.result.cancelled) {
      const auto it = index.find(cancellation.rule_id);
      if (it == index.end()) continue;
      ++stats[it->second].cancelled;
      stats[it->second].cancelled_positive += has(gold, cancellation.event_type);
    }
  }

  for (std::size_t r = 0; r < rules.size(); ++r) {
    RuleStats& s = stats[r];
    s.rule_id = rules[r].id;
    s.type = rules[r].event_type;
    s.weight = rules[r].weight;
    s.authored_weight = rules[r].authored_weight;
    s.precision = ratio(s.hits, s.coverage);
    s.interval = wilson_interval(s.hits, s.coverage);
    s.type_gold = type_gold[s.type];
    s.recall = ratio(s.hits, s.type_gold);
    s.unique_recall = ratio(s.unique, s.type_gold);
    s.overlaps = ranked(overlaps[r], rules);
    s.conflicts = ranked(conflicts[r], rules);
    s.flagged = s.precision && *s.precision < kHealthBar && s.weight > kHealthBar;
  }
  return stats;
}

}  // namespace demarche::cli
