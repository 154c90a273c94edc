// record_batch.hpp: the unit of work of the parallel classify pipeline
// (cmd/parallel_classify.hpp).
//
// The reader fills a batch with up to kMaxRecords records or about kMaxBytes
// of input, whichever comes first; a worker classifies and formats them into
// `output`; the writer copies that to standard output and reports, in order.
// Batches are recycled for the whole run, and so are their records' strings
// and vectors, so a long run allocates almost nothing per record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <vector>

#include "record.hpp"

namespace demarche::cli {

// Something about an input that the writer reports between two records, so
// that it comes where the serial loop would have said it.
struct InputEvent {
  enum class Kind {
    kOpenFailed,  // `error` says why
    kFileEnd,     // the input was read to its end; `error` is why reading stopped, if it failed
  };
  Kind kind = Kind::kFileEnd;
  std::size_t before = 0;  // how many of the batch's records come before it
  std::string name;
  std::string error;
};

struct RecordSlot {
  Record record;
  // --input jsonl: the line as read, with its '\n'. The worker decodes it
  // into `record`, so JSON parsing is spread over the workers too.
  std::string raw;
  std::size_t output_end = 0;  // where this record's output ends in RecordBatch::output
  // A record of a huge text (is_written_while_classified) is only decoded by
  // the worker: the thread that writes standard output classifies it when
  // its turn comes, writing each sentence straight to the output as it goes
  // (cmd/write_while_classifying.hpp). Classified by the worker, all its
  // sentences' results (many times its text) would wait for their turn, and
  // its output (several times its text) too in the batch's buffer.
  bool classify_on_emit = false;
};

class RecordBatch {
 public:
  static constexpr std::size_t kMaxRecords = 256;
  static constexpr std::size_t kMaxBytes = std::size_t{1} << 20;

  std::uint64_t sequence = 0;      // the batch's place in the input, from 0
  bool last = false;               // nothing follows it
  std::vector<InputEvent> events;  // in input order
  std::string output;              // every record's output, one after the other
  // Set when reading or classifying threw: the batch then holds only the
  // records before the failure, and the writer rethrows after them.
  std::exception_ptr failure;

  std::size_t size() const { return size_; }
  RecordSlot& operator[](std::size_t i) { return slots_[i]; }
  const RecordSlot& operator[](std::size_t i) const { return slots_[i]; }

  // The slot the next record is read into; counted only by commit(), so a
  // read that finds the end of the input or throws leaves no record behind.
  RecordSlot& open_slot() {
    if (size_ == slots_.size()) slots_.emplace_back();
    return slots_[size_];
  }
  void commit(std::size_t input_bytes) {
    ++size_;
    bytes_ += input_bytes;
  }
  bool full() const { return size_ >= kMaxRecords || bytes_ >= kMaxBytes; }

  // Keeps only the first `size` records and records `error` after them.
  void fail_at(std::size_t size, std::exception_ptr error) {
    if (size < size_) size_ = size;
    failure = std::move(error);
  }

  // Empties the batch for reuse as batch `next_sequence`. Buffers keep their
  // capacity, except those a huge record left far beyond a batch's bound.
  void reset(std::uint64_t next_sequence) {
    for (std::size_t i = 0; i < size_; ++i) {
      release_if_huge(slots_[i].record.text);
      release_if_huge(slots_[i].raw);
    }
    release_if_huge(output, 4 * kMaxBytes);
    sequence = next_sequence;
    last = false;
    events.clear();
    output.clear();
    failure = nullptr;
    size_ = 0;
    bytes_ = 0;
  }

 private:
  static void release_if_huge(std::string& text, std::size_t limit = kMaxBytes) {
    if (text.capacity() > limit) std::string().swap(text);
  }

  std::vector<RecordSlot> slots_;
  std::size_t size_ = 0;
  std::size_t bytes_ = 0;  // input bytes of the records
};

}  // namespace demarche::cli
