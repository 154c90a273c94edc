#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace demarche::cli {
namespace {

constexpr auto kInterval = std::chrono::milliseconds(500);

// Straight to the descriptor: std::cerr may be in use for messages, and a
// progress line must never be held in a buffer.
void write_stderr(const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(STDERR_FILENO, data, size);
    if (written <= 0) return;  // progress is best effort
    data += written;
    size -= static_cast<std::size_t>(written);
  }
}

}  // namespace

Progress::Progress()
    : enabled_(::isatty(STDERR_FILENO) == 1),
      start_(Clock::now()),
      next_draw_(start_ + kInterval) {}

Progress::~Progress() {
  finish();
}

void Progress::maybe_draw() {
  const Clock::time_point now = Clock::now();
  if (now < next_draw_) return;
  next_draw_ = now + kInterval;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  char line[96];
  // "\033[K" erases what a longer earlier line left behind.
  const int n = std::snprintf(line, sizeof line, "\r%zu records, %.0f records/s\033[K", done_,
                              seconds > 0 ? static_cast<double>(done_) / seconds : 0.0);
  if (n > 0) write_stderr(line, static_cast<std::size_t>(n));
  drawn_ = true;
}

void Progress::finish() {
  if (!drawn_) return;
  drawn_ = false;
  static constexpr char kErase[] = "\r\033[K";
  write_stderr(kErase, sizeof kErase - 1);
}

}  // namespace demarche::cli
