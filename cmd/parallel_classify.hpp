// parallel_classify.hpp: `demarche classify -j N` for N > 1.
//
//   reader thread  --batches-->  N workers  --batches, any order-->  writer (calling thread)
//   (split input)                (decode, classify, format)          (in order: write, report)
//
// A fixed pool of batches (kBatchesPerWorker per worker) circulates between
// the stages: the reader fills a free one, a worker processes it, the writer
// emits the batches strictly in sequence and frees them. So memory stays
// bounded whatever the input size, and output and standard error are what the
// serial loop gives, byte for byte. A record of a huge text is classified by
// the writer instead, a sentence at a time as it is written
// (cmd/write_while_classifying.hpp). Threads meet only at the hand-off of a
// batch, never per record. Up to four workers share one set of regex caches
// (Engine::with_own_matcher_state), whose lock RE2 takes on every search: so
// many cores never all contend on one lock, and few do not build the same
// automaton states twice (parallel_classify.cpp says why four).
// See docs/architecture.md, "The classify pipeline".
#pragma once

#include <demarche/engine.hpp>

#include "classify_messages.hpp"
#include "classify_options.hpp"
#include "output.hpp"
#include "progress.hpp"

namespace demarche::cli {

// Classifies every input of `options` on `options.jobs` worker threads and
// writes the output (after the header, which the caller writes) to `output`.
// Returns when the input is done or the output failed; every thread it
// started has been joined by then. Rethrows, on the calling thread and after
// the records before it, an exception a worker or the reader met.
void classify_in_parallel(const Engine& engine, const ClassifyOptions& options, Output& output,
                          ClassifyMessages& messages, Progress& progress);

}  // namespace demarche::cli
