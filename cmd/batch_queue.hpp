// batch_queue.hpp: hands batches from one stage of the classify pipeline to
// the next (cmd/parallel_classify.hpp).
//
// One mutex and condition variable, taken once per batch of hundreds of
// records, never per record, so threads meet here rarely. The queue sets no
// capacity of its own: the pipeline owns a fixed pool of batches, so no queue
// can ever hold more than the pool.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace demarche::cli {

template <typename T>
class BatchQueue {
 public:
  // Adds `item`; dropped once the queue is closed (the pipeline is stopping).
  void push(T item) {
    {
      const std::lock_guard lock(mutex_);
      if (closed_) return;
      items_.push_back(std::move(item));
    }
    ready_.notify_one();
  }

  // Waits for the next item. Items pushed before close() are still handed
  // out; nullopt once the queue is closed and empty.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [this] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    return item;
  }

  // Wakes every waiter; later pushes are dropped.
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
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace demarche::cli
