// classify_many.hpp: classifying many texts on several threads, in input order.
//
// Plain C++ with no Python in it, so that the caller can release the GIL
// around it (module.cpp). Each worker classifies with its own copy of the
// engine's regex caches (Engine::with_own_matcher_state), as
// cmd/parallel_classify.cpp does, and takes the next text from a shared
// counter, so a long text does not hold up the others' workers.
#pragma once

#include <cstddef>
#include <demarche/engine.hpp>
#include <string>
#include <vector>

namespace demarche::python {

// One entry per text, in the order given: the text's sentences (one for a
// sentence, when `documents` is false). `jobs` 0 means one per core.
std::vector<std::vector<SentenceResult>> classify_many(const Engine& engine,
                                                       const std::vector<std::string>& texts,
                                                       std::size_t jobs, bool documents);

}  // namespace demarche::python
