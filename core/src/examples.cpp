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

bool was_cancelled(const SentenceResult& result, const std::string& rule_id) {
  for (const Cancellation& c : result.cancelled) {
    if (c.rule_id == rule_id) return true;
  }
  return false;
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
  if (!example.should_fire) {
    return evidence ? "fired on a counterexample, matching " + quoted(example.text, evidence->spans)
                    : "";
  }
  if (!evidence) {
    return was_cancelled(result, rule.id) ? "did not fire: cancelled by its 'unless'"
                                          : "did not fire";
  }
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
    for (const ExampleInfo& example : rule.examples) {
      std::string reason = check(*this, rule, example);
      if (!reason.empty()) failures.push_back(ExampleFailure{rule.id, example, std::move(reason)});
    }
  }
  return failures;
}

}  // namespace demarche
