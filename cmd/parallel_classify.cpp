#include "parallel_classify.hpp"

#include <atomic>
#include <exception>
#include <memory>
#include <optional>
#include <ostream>
#include <thread>
#include <vector>

#include "batch_queue.hpp"
#include "batch_reader.hpp"
#include "classify_record.hpp"
#include "jsonl_line_decoder.hpp"
#include "record_batch.hpp"
#include "reorder_buffer.hpp"
#include "string_sink.hpp"
#include "write_while_classifying.hpp"
#include "writer.hpp"

namespace demarche::cli {
namespace {

// Batches in flight per worker: one being classified, one waiting for it,
// and one more so that a slow batch (a huge line) does not idle the others
// at once while the writer waits for it.
constexpr std::size_t kBatchesPerWorker = 3;

// Every worker but the first classifies with a copy of the engine from
// Engine::with_own_matcher_state(): the copies share the loaded rules,
// Vectorscan databases and word lookups, and each has its own RE2 objects,
// whose DFA caches RE2 guards with a lock that every search takes. So no
// two workers ever wait on one lock, however many cores. (Before the
// copies shared the databases and lookups, a copy rebuilt everything, and
// up to four workers shared one engine instead: docs/architecture.md.)

// One worker's tools, made on its own thread when its first batch arrives.
class WorkerTools {
 public:
  WorkerTools(const Engine& engine, const ClassifyOptions& options)
      : engine_(engine),
        stream_(&sink_),
        writer_(make_writer(options.format, stream_, options.report)) {
    if (options.input == InputMode::kJsonl) decoder_.emplace();
  }

  // Decodes, classifies and formats the batch's records into its output.
  void process(RecordBatch& batch) {
    sink_.target(batch.output);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      RecordSlot& slot = batch[i];
      try {
        if (decoder_) decoder_->decode(slot.raw, slot.record);
        slot.classify_on_emit = is_written_while_classified(slot.record);
        if (slot.classify_on_emit) {
          // Decoded, it is no longer needed, and a huge record's line is huge.
          std::string().swap(slot.raw);
        } else {
          classify_record(engine_, slot.record);
          writer_->write(slot.record);
        }
      } catch (...) {
        batch.fail_at(i, std::current_exception());
        return;
      }
      slot.output_end = batch.output.size();
    }
  }

 private:
  Engine engine_;
  StringSink sink_;
  std::ostream stream_;
  std::unique_ptr<Writer> writer_;  // never begin()s: the header is the caller's
  std::optional<JsonlLineDecoder> decoder_;
};

class Pipeline {
 public:
  Pipeline(const Engine& engine, const ClassifyOptions& options)
      : engine_(engine),
        options_(options),
        done_(kBatchesPerWorker * options.jobs),
        reader_(options, free_, work_, stopping_) {
    const std::size_t batches = kBatchesPerWorker * options.jobs;
    pool_.reserve(batches);
    for (std::size_t i = 0; i < batches; ++i) {
      pool_.push_back(std::make_unique<RecordBatch>());
      free_.push(pool_.back().get());
    }
    try {
      threads_.reserve(options.jobs + 1);
      threads_.emplace_back([this] { reader_.run(); });
      for (unsigned i = 0; i < options.jobs; ++i) {
        threads_.emplace_back([this, i] { work(i); });
      }
    } catch (...) {
      stop();  // so that the threads already started can be joined
      throw;
    }
  }

  // Stops every stage and joins the threads: after the last batch, or early
  // when the output failed or an exception is on its way.
  ~Pipeline() {
    stop();
    threads_.clear();
  }

  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Batch `sequence`, once a worker has finished it.
  RecordBatch* take(std::uint64_t sequence) { return done_.take(sequence); }
  void recycle(RecordBatch* batch) { free_.push(batch); }

 private:
  void work(unsigned index) noexcept {
    std::optional<WorkerTools> tools;
    std::exception_ptr setup_failure;
    while (const std::optional<RecordBatch*> batch = work_.pop()) {
      if (!stopping_.load(std::memory_order_relaxed)) {
        if (!tools && !setup_failure) {
          try {
            // The first worker matches with the loaded engine itself: no
            // other worker does, so its caches are free to take.
            tools.emplace(index == 0 ? engine_ : engine_.with_own_matcher_state(), options_);
          } catch (...) {
            setup_failure = std::current_exception();
          }
        }
        if (tools) {
          tools->process(**batch);
        } else {
          (*batch)->fail_at(0, setup_failure);
        }
      }
      done_.put(*batch);
    }
  }

  void stop() {
    stopping_.store(true, std::memory_order_relaxed);
    free_.close();
    work_.close();
    done_.close();
  }

  const Engine& engine_;
  const ClassifyOptions& options_;
  std::vector<std::unique_ptr<RecordBatch>> pool_;  // owns every batch
  BatchQueue<RecordBatch*> free_;                   // writer -> reader
  BatchQueue<RecordBatch*> work_;                   // reader -> workers
  ReorderBuffer<RecordBatch> done_;                 // workers -> writer
  std::atomic<bool> stopping_{false};
  BatchReader reader_;
  std::vector<std::jthread> threads_;  // last: joined before anything they use is destroyed
};

// Writes a finished batch and says what the serial loop would have said
// about it, in the same order. False when the run must stop: the output
// failed (as the serial loop, which stops reading then and reports no more).
bool emit(const Engine& engine, RecordBatch& batch, Writer& writer, Output& output,
          ClassifyMessages& messages, Progress& progress) {
  std::size_t event = 0;
  std::size_t begin = 0;
  for (std::size_t i = 0;; ++i) {
    for (; event < batch.events.size() && batch.events[event].before == i; ++event) {
      const InputEvent& input = batch.events[event];
      if (input.kind == InputEvent::Kind::kOpenFailed) {
        messages.cannot_open(input.name, input.error);
      } else if (!output.good()) {
        return false;
      } else if (!input.error.empty()) {
        messages.cannot_read(input.name, input.error);
      }
    }
    if (i == batch.size()) break;
    if (!output.good()) return false;
    RecordSlot& slot = batch[i];
    if (slot.classify_on_emit) {
      write_while_classifying(engine, slot.record, writer, messages);  // not in batch.output
    } else {
      output.stream().write(batch.output.data() + begin,
                            static_cast<std::streamsize>(slot.output_end - begin));
    }
    begin = slot.output_end;
    output.end_record();
    messages.record(slot.record);
    progress.advance();
  }
  if (batch.failure) std::rethrow_exception(batch.failure);
  return true;
}

}  // namespace

void classify_in_parallel(const Engine& engine, const ClassifyOptions& options, Output& output,
                          ClassifyMessages& messages, Progress& progress) {
  Pipeline pipeline(engine, options);
  // For records written while they are classified; never begin()s, as the workers'.
  const std::unique_ptr<Writer> writer =
      make_writer(options.format, output.stream(), options.report);
  for (std::uint64_t sequence = 0;; ++sequence) {
    RecordBatch* const batch = pipeline.take(sequence);
    if (batch == nullptr) return;
    const bool go_on = emit(engine, *batch, *writer, output, messages, progress);
    const bool last = batch->last;
    pipeline.recycle(batch);
    if (!go_on || last) return;
  }
}

}  // namespace demarche::cli
