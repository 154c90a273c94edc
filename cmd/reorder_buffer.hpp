// reorder_buffer.hpp: batches come back from the workers in any order; the
// writer takes them in sequence order (cmd/parallel_classify.hpp).
//
// At most `capacity` batches exist (the pipeline's pool), and the one the
// writer waits for is one of them, so batch `s` always has slot
// `s % capacity` to itself: no search and no allocation per batch.
#pragma once

#include <cassert>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <utility>
#include <vector>

namespace demarche::cli {

// T has a `std::uint64_t sequence`.
template <typename T>
class ReorderBuffer {
 public:
  explicit ReorderBuffer(std::size_t capacity) : slots_(capacity, nullptr) {}

  // A worker hands back a finished batch; dropped once the buffer is closed.
  void put(T* batch) {
    {
      const std::lock_guard lock(mutex_);
      if (closed_) return;
      T*& slot = slots_[batch->sequence % slots_.size()];
      assert(slot == nullptr);
      slot = batch;
    }
    // One waiter only: the writer.
    ready_.notify_one();
  }

  // Waits for batch `sequence`; null once the buffer is closed.
  T* take(std::uint64_t sequence) {
    std::unique_lock lock(mutex_);
    T*& slot = slots_[sequence % slots_.size()];
    ready_.wait(lock, [&] { return closed_ || slot != nullptr; });
    if (closed_) return nullptr;
    assert(slot->sequence == sequence);
    return std::exchange(slot, nullptr);
  }

  void close() {
    {
      const std::lock_guard lock(mutex_);
      closed_ = true;
    }
    ready_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<T*> slots_;
  bool closed_ = false;
};

}  // namespace demarche::cli
