// classify_many.hpp: classifying many texts on several threads, in input order.
//
// Plain C++ with no Python in it, so that the caller can release the GIL
// around it (module.cpp). Each worker thread classifies with its own engine,
// a copy with its own regex caches that shares the rest
// (Engine::with_own_matcher_state, as
// cmd/parallel_classify.cpp uses), and takes the next text from a shared
// counter, so a long text does not hold up the other workers.
#pragma once

#include <cstddef>
#include <demarche/engine.hpp>
#include <string>
#include <vector>

namespace demarche::python {

// The number of threads `jobs` asks for: 0 means one per core.
std::size_t worker_count(std::size_t jobs);

// One entry per text, in the order given: the text's sentences (one for a
// sentence, when `documents` is false). One thread per engine of `workers`
// (at most one per text); one engine: no thread, the caller's.
std::vector<std::vector<SentenceResult>> classify_many(const std::vector<const Engine*>& workers,
                                                       const std::vector<std::string>& texts,
                                                       bool documents);

}  // namespace demarche::python
