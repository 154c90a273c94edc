// batch_reader.hpp: the reading stage of the parallel classify pipeline
// (cmd/parallel_classify.hpp): every input, in order, into batches.
//
// It runs on a thread of its own and does only what must be sequential:
// opening the inputs and splitting them into records (a line, or a whole
// file for --input text). Decoding JSON, classifying and formatting are left
// to the workers. What the serial loop would have said about an input (it
// cannot be opened, or reading it failed) goes into the batch as an
// InputEvent, for the writer to say in its place.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "batch_queue.hpp"
#include "classify_options.hpp"
#include "record_batch.hpp"

namespace demarche::cli {

class BatchReader {
 public:
  // Takes empty batches from `free` and sends full ones to `work`; stops
  // when `stopping` is set or `free` is closed.
  BatchReader(const ClassifyOptions& options, BatchQueue<RecordBatch*>& free,
              BatchQueue<RecordBatch*>& work, const std::atomic<bool>& stopping)
      : options_(options), free_(free), work_(work), stopping_(stopping) {}

  // Reads every input. Unless stopped, the last batch sent has `last` set; an
  // exception is passed on in it (RecordBatch::failure), never thrown.
  void run() noexcept;

 private:
  bool read_input(const std::string& name);  // false when stopped
  bool have_batch();                         // takes a batch when none is open; false when stopped
  void send(bool last);

  const ClassifyOptions& options_;
  BatchQueue<RecordBatch*>& free_;
  BatchQueue<RecordBatch*>& work_;
  const std::atomic<bool>& stopping_;
  RecordBatch* batch_ = nullptr;  // the batch being filled
  std::uint64_t sequence_ = 0;    // of the next batch taken
};

}  // namespace demarche::cli
