// progress.hpp: a live "records done, records/s" line on standard error.
//
// Shown only when standard error is a terminal: in a pipeline or a log file
// the carriage returns would be noise. Redrawn about twice a second and
// erased at the end, so the terminal is left as it was.
#pragma once

#include <chrono>
#include <cstddef>

namespace demarche::cli {

class Progress {
 public:
  Progress();  // enabled when standard error is a terminal
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Counts `n` more records done; redraws when it is time to.
  void advance(std::size_t n = 1) {
    done_ += n;
    if (enabled_) maybe_draw();
  }

  // Erases the line (also done by the destructor).
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  void maybe_draw();

  bool enabled_;
  bool drawn_ = false;
  std::size_t done_ = 0;
  Clock::time_point start_;
  Clock::time_point next_draw_;
};

}  // namespace demarche::cli
