#include "weights_by_type.hpp"

#include <algorithm>
#include <map>

namespace demarche::cli {
namespace {

// The event type an entry belongs to: a prior's name, a rule's type, the
// TYPE of a plugin's PLUGIN/TYPE; empty when unknown.
std::string type_of(const LearnedWeights::Entry& entry,
                    const std::map<std::string, std::string>& rule_types) {
  switch (entry.kind) {
    case LearnedWeights::Kind::kPrior:
      return entry.name;
    case LearnedWeights::Kind::kRule: {
      const auto it = rule_types.find(entry.name);
      return it == rule_types.end() ? std::string() : it->second;
    }
    case LearnedWeights::Kind::kPlugin: {
      const std::size_t slash = entry.name.rfind('/');
      return slash == std::string::npos ? std::string() : entry.name.substr(slash + 1);
    }
  }
  return {};
}

}  // namespace

WeightsByType weights_by_type(const Engine& engine, const LearnedWeights& weights) {
  WeightsByType out;
  for (const EventTypeInfo& type : engine.event_types()) {
    const auto it = weights.type_hashes.find(type.name);
    if (it == weights.type_hashes.end()) {
      out.unfitted.push_back(type.name);
    } else if (engine.has_rules_hash(it->second, type.name)) {
      out.learned.push_back(type.name);
    } else {
      out.changed.push_back(type.name);
    }
  }
  std::map<std::string, std::string> rule_types;
  for (const RuleInfo& rule : engine.rules()) rule_types.emplace(rule.id, rule.event_type);
  out.kept = weights;
  out.kept.entries.clear();
  for (const LearnedWeights::Entry& entry : weights.entries) {
    const std::string type = type_of(entry, rule_types);
    if (std::find(out.learned.begin(), out.learned.end(), type) != out.learned.end()) {
      out.kept.entries.push_back(entry);
    }
  }
  // The kept entries were fitted on exactly these types' rules: the file's
  // whole-rules fingerprint no longer says anything about them.
  out.kept.rules_hash = engine.rules_hash();
  return out;
}

}  // namespace demarche::cli
