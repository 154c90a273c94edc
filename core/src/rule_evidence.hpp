// The rules' say about one sentence: which rules fired, on which words, and
// which an `unless:` cancelled. This is the half of classification that runs
// for every sentence, so it is written to do nothing for a sentence that no
// rule's pieces occur in, and as little as it can for the rest.
#pragma once

#include <string>
#include <vector>

#include "demarche/result.hpp"
#include "engine_impl.hpp"
#include "score/scorer.hpp"
#include "text/normalize.hpp"

namespace demarche {

struct RuleEvidence {
  // The rules that fired and were not cancelled, in rule order, with spans
  // into the original sentence; scoring fills in the rest.
  std::vector<score::Candidate> fired;
  std::vector<Cancellation> cancelled;
};

// The evidence of the rules of `impl` (with the weights of `rules`, parallel
// to impl.program->rules) for `sentence`. Returns false with `error` set
// when the pattern set could not answer: never read that as "nothing fired".
// `officials` (may be null): names of people introduced earlier in the
// document with an official's title. Safe to call from many threads at once.
bool find_rule_evidence(const Engine::Impl& impl, const std::vector<RuleInfo>& rules,
                        const text::MatchText& sentence, const std::vector<std::string>* officials,
                        RuleEvidence* out, std::string* error);

}  // namespace demarche
