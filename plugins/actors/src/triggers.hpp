// triggers.hpp: the word an event's evidence turns on, and how it is used.
//
// A rule's evidence covers several pieces ("expelled" ... "diplomats"); the
// roles are read around one word of it, the trigger: the first word of the
// evidence that is a verb or noun of the event type's own vocabulary.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "mentions.hpp"
#include "text.hpp"

namespace demarche_actors {

// The event types the plugin knows the roles of (rules/common.rules).
// kOther: an event type an author declared in a rule file of their own
// ("protest"): read generically, the first word of the rule's match as a
// verb with its subject as the source and its object as the target.
enum class EventKind { kExpulsion, kWithdrawal, kCondemnation, kSanction, kOther };
std::optional<EventKind> event_kind(std::string_view type);

enum class TriggerForm {
  kVerb,     // "expelled", "imposed": subject does it, object undergoes it
  kNoun,     // "expulsion", "sanctions": doer and undergoer hang on the noun
  kLeave,    // "must leave", "72 hours to leave": the subject is the one sent away
  kVerdict,  // a word outside the vocabulary ("unacceptable"): read as a verb,
             // with a speech verb before it as the real verb when there is one
};

struct Trigger {
  std::size_t token = 0;
  TriggerForm form = TriggerForm::kVerb;
  bool passive = false;  // "were expelled", "diplomats expelled by", "was sanctioned"
};

// The trigger of evidence whose matched pieces cover `pieces` (in sentence
// order, not empty): the first word of a piece in the type's vocabulary, or
// the first word of the first piece. Never outside the pieces except for
// "declared ... persona non grata", whose verb comes before them.
Trigger find_trigger(const Text& text, const std::vector<Mention>& mentions, EventKind kind,
                     const std::vector<TokenRange>& pieces);

}  // namespace demarche_actors
