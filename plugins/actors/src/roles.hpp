// roles.hpp: who did an event (source) and to whom (target), read from the
// sentence's structure around the event's trigger.
#pragma once

#include <cstddef>
#include <vector>

#include "gazetteer.hpp"
#include "mentions.hpp"
#include "text.hpp"
#include "triggers.hpp"

namespace demarche_actors {

// Indices into the mentions; several when actors are listed together
// ("France, Germany and Poland expelled ..."). Empty when the sentence does
// not say, or says it in a way the rules below do not read with confidence.
struct Roles {
  std::vector<std::size_t> source;
  std::vector<std::size_t> target;
  std::size_t count() const { return (source.empty() ? 0 : 1) + (target.empty() ? 0 : 1); }
};

// The roles of an event of `kind` whose evidence matched `pieces` (token
// ranges in sentence order).
Roles assign_roles(const Text& text, const std::vector<Mention>& mentions,
                   const std::vector<Actor>& actors, EventKind kind,
                   const std::vector<TokenRange>& pieces);

}  // namespace demarche_actors
