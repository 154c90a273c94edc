#include "plugins/apply.hpp"

#include <cmath>
#include <exception>
#include <optional>

namespace demarche::plugins {
namespace {

std::optional<std::size_t> type_index(const std::vector<EventTypeInfo>& types,
                                      const std::string& name) {
  for (std::size_t i = 0; i < types.size(); ++i) {
    if (types[i].name == name) return i;
  }
  return std::nullopt;
}

// Checks and converts one plugin's contribution; the reason it is unusable
// if it is, so that nothing of it is used.
std::string convert(const LoadedPlugin& plugin, const plugin::Contribution& contribution,
                    const plugin::Sentence& sentence, const std::vector<EventTypeInfo>& types,
                    Applied& out) {
  std::vector<score::Candidate> candidates;
  for (const plugin::PluginEvidence& e : contribution.evidence) {
    const std::optional<std::size_t> type = type_index(types, e.event_type);
    if (!type) return "evidence for unknown event type '" + e.event_type + "'";
    // Written so that NaN fails too: logit(0) and logit(1) are infinite.
    if (!(e.weight > 0.0 && e.weight < 1.0)) {
      return "evidence weight " + std::to_string(e.weight) + " for '" + e.event_type +
             "' is not in (0,1)";
    }
    if (e.span.begin > e.span.end || e.span.end > sentence.original.size()) {
      return "evidence span [" + std::to_string(e.span.begin) + "," + std::to_string(e.span.end) +
             ") is outside the sentence";
    }
    score::Candidate c;
    c.type_index = *type;
    c.evidence.rule_id = "plugin:" + plugin.name();
    c.evidence.weight = e.weight;
    c.evidence.spans = {e.span};
    c.evidence.plugin_note = e.note;
    candidates.push_back(std::move(c));
  }
  std::vector<TypedAttribute> attributes;
  for (const plugin::Annotation& a : contribution.annotations) {
    const std::optional<std::size_t> type = type_index(types, a.event_type);
    if (!type) return "annotation for unknown event type '" + a.event_type + "'";
    attributes.push_back({*type, Attribute{a.key, a.value, plugin.name()}});
  }
  for (auto& c : candidates) out.candidates.push_back(std::move(c));
  for (auto& a : attributes) out.attributes.push_back(std::move(a));
  return {};
}

}  // namespace

Applied apply_plugins(const PluginSet& set, const plugin::Sentence& sentence,
                      const std::vector<EventTypeInfo>& types) {
  Applied out;
  for (const auto& plugin : set.plugins) {
    plugin::Contribution contribution;
    std::string fault;
    try {
      plugin->instance().process(sentence, contribution);
      fault = convert(*plugin, contribution, sentence, types, out);
    } catch (const std::exception& e) {
      fault = std::string("threw: ") + e.what();
    } catch (...) {
      fault = "threw an exception that is not a std::exception";
    }
    if (!fault.empty()) out.faults.push_back(PluginFault{plugin->name(), std::move(fault)});
  }
  return out;
}

void attach_attributes(std::vector<TypedAttribute> attributes,
                       const std::vector<EventTypeInfo>& types, std::vector<Event>& events) {
  for (TypedAttribute& a : attributes) {
    for (Event& event : events) {
      if (event.type == types[a.type_index].name) {
        event.attributes.push_back(std::move(a.attribute));
        break;
      }
    }
  }
}

}  // namespace demarche::plugins
