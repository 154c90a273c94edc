// Engine::test_examples: every rule's own examples, run through the engine.
#include "demarche/engine.hpp"

namespace demarche {

namespace {

const Evidence* find_evidence(const SentenceResult& result, const std::string& rule_id) {
  for (const Event& event : result.events) {
    for (const Evidence& evidence : event.evidence) {
      if (evidence.rule_id == rule_id) return &evidence;
    }
  }
  return nullptr;
}

// The threshold `demarche classify` reports at by default.
constexpr double kReportThreshold = 0.5;

// The event that holds `evidence`.
const Event* event_holding(const SentenceResult& result, const Evidence* evidence) {
  for (const Event& event : result.events) {
    for (const Evidence& e : event.evidence) {
      if (&e == evidence) return &event;
    }
  }
  return nullptr;
}

// The plugin that brought `event` under the report threshold by arguing
// against it (the modality plugin for a threat or a denial), or empty.
std::string lowering_plugin(const Event& event) {
  if (event.confidence >= kReportThreshold) return "";
  for (const Evidence& e : event.evidence) {
    if (e.rule_id.rfind("plugin:", 0) == 0 && e.contribution < 0) return e.rule_id.substr(7);
  }
  return "";
}

std::string attributes_of(const Event& event) {
  std::string out;
  for (const Attribute& a : event.attributes) {
    if (a.key == "source" || a.key == "target") continue;
    out += (out.empty() ? "" : ", ") + a.key + "=" + a.value;
  }
  return out.empty() ? out : " (" + out + ")";
}

const Cancellation* cancellation_of(const SentenceResult& result, const std::string& rule_id) {
  for (const Cancellation& c : result.cancelled) {
    if (c.rule_id == rule_id) return &c;
  }
  return nullptr;
}

// Why `rule` did not fire on `text`, for its author: the actor it missed, or
// the near miss's account of which piece is missing or too far (the same
// words as eval's near misses).
std::string why_not_fired(const Engine& engine, const RuleInfo& rule, const std::string& text,
                          const SentenceResult& result) {
  if (const Cancellation* c = cancellation_of(result, rule.id); c && !c->missing_role.empty()) {
    return "did not fire: no actor of its " + c->missing_role +
           ": classes stands where it looks for one";
  }
  for (const NearMiss& miss : engine.near_misses(text, rule.event_type)) {
    if (miss.rule_id == rule.id) return "did not fire: " + miss.reason;
  }
  return cancellation_of(result, rule.id) ? "did not fire: cancelled by its 'unless'"
                                          : "did not fire: none of its pieces occur";
}

bool overlaps_any(const Span& span, const std::vector<Span>& spans) {
  for (const Span& s : spans) {
    if (span.begin < s.end && s.begin < span.end) return true;
  }
  return false;
}

std::string quoted(const std::string& text, const std::vector<Span>& spans) {
  std::string out;
  for (const Span& s : spans) {
    out += (out.empty() ? "'" : ", '") + text.substr(s.begin, s.size()) + "'";
  }
  return out;
}

// Empty when the example behaved, else why not.
std::string check(const Engine& engine, const RuleInfo& rule, const ExampleInfo& example) {
  const SentenceResult result = engine.classify_sentence(example.text);
  if (!result.ok()) return "could not be classified: " + result.error;
  const Evidence* evidence = find_evidence(result, rule.id);
  const Event* event = evidence ? event_holding(result, evidence) : nullptr;
  const std::string lowered_by = event ? lowering_plugin(*event) : "";
  if (!example.should_fire) {
    // A plugin that judges the sentence not to report the event (a threat,
    // a denial) does the rule's job: "threatened to expel" needs no unless.
    if (!evidence || !lowered_by.empty()) return "";
    return "fired on a counterexample, matching " + quoted(example.text, evidence->spans);
  }
  if (!lowered_by.empty()) {
    return "fired, but plugin " + lowered_by + " brought its event under the threshold" +
           attributes_of(*event);
  }
  if (!evidence) return why_not_fired(engine, rule, example.text, result);
  for (const Span& marked : example.marked) {
    if (!overlaps_any(marked, evidence->spans)) {
      return "matched " + quoted(example.text, evidence->spans) + ", not the marked " +
             quoted(example.text, {marked});
    }
  }
  for (const Span& matched : evidence->spans) {
    if (!example.marked.empty() && !overlaps_any(matched, example.marked)) {
      return "matched " + quoted(example.text, {matched}) + " outside the marked " +
             quoted(example.text, example.marked);
    }
  }
  return "";
}

}  // namespace

std::vector<ExampleFailure> Engine::test_examples() const {
  std::vector<ExampleFailure> failures;
  for (const RuleInfo& rule : rules()) {
    if (!selects_rule(rule.id)) continue;
    for (const ExampleInfo& example : rule.examples) {
      std::string reason = check(*this, rule, example);
      if (!reason.empty()) failures.push_back(ExampleFailure{rule.id, example, std::move(reason)});
    }
  }
  return failures;
}

}  // namespace demarche
