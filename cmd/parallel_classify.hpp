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
// batch, never per record. Each worker has its own RE2 regexes, whose DFA
// caches RE2 guards with a lock that every search takes, and shares the
// rest (Engine::with_own_matcher_state): no two workers meet on a lock.
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
