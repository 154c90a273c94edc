// Runs every plugin on one sentence and turns what they say into scorer
// candidates and event attributes, so that plugin evidence is combined with
// rule evidence by the one Scorer (docs/scoring.md).
#pragma once

#include <vector>

#include "demarche/plugins.hpp"
#include "score/scorer.hpp"

namespace demarche::plugins {

struct TypedAttribute {
  std::size_t type_index = 0;
  Attribute attribute;
};

struct Applied {
  std::vector<score::Candidate> candidates;
  std::vector<TypedAttribute> attributes;
  std::vector<PluginFault> faults;
};

// Calls each plugin of `set` in order. A plugin that throws, or returns an
// unknown event type, a weight outside (0,1) or a span outside the sentence,
// contributes nothing for this sentence and gets a fault instead.
Applied apply_plugins(const PluginSet& set, const plugin::Sentence& sentence,
                      const std::vector<EventTypeInfo>& types);

// Adds each attribute to the event of its type, if the sentence has one
// (an attribute for a type with no evidence at all is dropped).
void attach_attributes(std::vector<TypedAttribute> attributes,
                       const std::vector<EventTypeInfo>& types, std::vector<Event>& events);

}  // namespace demarche::plugins
