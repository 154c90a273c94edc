#include "classify_many.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace demarche::python {

std::size_t worker_count(std::size_t jobs) {
  return jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

std::vector<std::vector<SentenceResult>> classify_many(const std::vector<const Engine*>& workers,
                                                       const std::vector<std::string>& texts,
                                                       bool documents) {
  std::vector<std::vector<SentenceResult>> results(texts.size());
  const std::size_t jobs = std::max<std::size_t>(1, std::min(workers.size(), texts.size()));

  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  const auto work = [&](const Engine& worker) {
    try {
      for (std::size_t i = next++; i < texts.size(); i = next++) {
        if (documents) {
          results[i] = worker.classify_document(texts[i]);
        } else {
          results[i].push_back(worker.classify_sentence(texts[i]));
        }
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(failure_lock);
      if (!failure) failure = std::current_exception();
      next = texts.size();  // the others stop at their next text
    }
  };

  if (jobs == 1) {
    work(*workers.front());
  } else {
    std::vector<std::thread> threads;
    for (std::size_t j = 0; j < jobs; ++j) threads.emplace_back(work, std::cref(*workers[j]));
    for (std::thread& thread : threads) thread.join();
  }
  if (failure) std::rethrow_exception(failure);
  return results;
}

}  // namespace demarche::python
