// A generated news-like corpus and a generated rule set, for benchmarks.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace demarche::bench {

// Sentences of 100 to 250 bytes, about `event_share` of them reporting an
// expulsion, withdrawal, condemnation or sanction. Deterministic per seed.
// Template sentences repeat a few hundred shapes, so the pattern set's
// automaton is soon fully built ("warm"); varied sentences draw their words
// from a Zipf-distributed vocabulary of 30,000 made-up words, as real news
// keeps showing words the automaton has not seen.
enum class Variety { kTemplates, kZipfVocabulary };
std::vector<std::string> news_like_sentences(std::size_t count, double event_share, unsigned seed,
                                             Variety variety = Variety::kTemplates);

// `count` distinct rules in the shipped style (definitions joined by ~N
// gaps, some with `unless`), with the event types they need.
std::string generated_rules(std::size_t count, unsigned seed);

}  // namespace demarche::bench
