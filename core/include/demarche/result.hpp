// demarche/result.hpp: what classifying a sentence tells you.
//
// Every offset is a byte offset into the original text that was passed in,
// even though matching ran on a normalised copy (curly quotes, Unicode spaces
// and dashes folded to ASCII), so `text.substr(span.begin, span.size())`
// always shows the words that were matched.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace demarche {

struct Span {
  std::size_t begin = 0;  // byte offset of the first byte
  std::size_t end = 0;    // byte offset one past the last byte
  std::size_t size() const { return end - begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

// One rule's say about one sentence, or one plugin's (docs/plugins.md).
struct Evidence {
  std::string rule_id;  // a rule's id, or "plugin:NAME" for a plugin's evidence
  std::string event_type;
  double weight = 0;        // the rule's weight: its author's precision estimate
  double contribution = 0;  // log-odds added to the type: logit(weight) - logit(prior)
  bool counted = true;  // false when a stronger overlapping rule or a group member counted instead
  std::string note;     // why it was not counted, empty when counted
  std::vector<Span> spans;  // the matched pieces, in sentence order
  std::string plugin_note;  // a plugin's own reason for this evidence; empty for a rule
};

// A rule whose patterns matched but that did not fire: its `unless` pattern
// cancelled it, or no actor of its `source:` or `target:` classes stood
// where that role stands (docs/rule-language.md, "Actors").
struct Cancellation {
  std::string rule_id;
  std::string event_type;
  std::vector<Span> spans;         // what the rule matched
  std::vector<Span> unless_spans;  // what the unless pattern matched; empty for a missing role
  std::string missing_role;  // "source", "speaker" or "target" when no actor filled it; else empty
};

// A key=value fact a plugin stated about an event, such as modality=threatened.
struct Attribute {
  std::string key;
  std::string value;
  std::string plugin;  // the plugin that stated it
  friend bool operator==(const Attribute&, const Attribute&) = default;
};

// A plugin that threw (or returned something unusable) on a sentence: the
// sentence was scored without that plugin's contribution.
struct PluginFault {
  std::string plugin;
  std::string message;
};

// Every Event::confidence lies in [kMinConfidence, kMaxConfidence]: the
// scorer bounds the log-odds to +-logit(0.999) = +-ln 999 (about 6.907) before
// the sigmoid (docs/scoring.md, "Bounds"). Rules that agree can add up to any
// log-odds, but no number of them makes a rule engine sure, and 0.999 still
// reads 0.999 at three decimals, where 0.9996 would read 1.000.
inline constexpr double kMinConfidence = 0.001;
inline constexpr double kMaxConfidence = 0.999;

// The combined evidence for one event type in one sentence.
struct Event {
  std::string type;
  double prior = 0;     // the type's base rate
  double log_odds = 0;  // logit(prior) + sum of counted contributions, unbounded
  // sigmoid(log_odds), with log_odds first held within
  // [logit(kMinConfidence), logit(kMaxConfidence)].
  double confidence = 0;
  std::vector<Evidence> evidence;
  std::vector<Attribute> attributes;  // from plugins, in plugin order
};

struct SentenceResult {
  Span span;         // the sentence within the original text
  std::string text;  // the original bytes of the sentence
  // Every type that any rule gave evidence for, highest confidence first.
  // Callers choose their own threshold: nothing here is filtered.
  std::vector<Event> events;
  std::vector<Cancellation> cancelled;
  // Non-empty when the sentence could not be classified (for example the
  // pattern set ran out of memory); `events` is then empty. Never a silent miss.
  std::string error;
  // Plugins that failed on this sentence, in plugin order; the events above
  // hold the other plugins' contributions and the rules'.
  std::vector<PluginFault> plugin_faults;

  bool ok() const { return error.empty(); }
};

}  // namespace demarche
