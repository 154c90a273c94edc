// output.hpp: standard output as every command uses it.
//
// Buffered in large blocks (flushed after each record only when a person is
// watching a terminal), and able to say at the end whether the output was
// complete, cut short by a reader that closed the pipe, or lost to an error.
#pragma once

#include <ostream>

#include "fd_streambuf.hpp"

namespace demarche::cli {

class Output {
 public:
  enum class Status { kOk, kClosedPipe, kFailed };

  Output();  // standard output
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  std::ostream& stream() { return stream_; }
  bool interactive() const { return interactive_; }

  // Call after each record: makes it visible at once on a terminal.
  void end_record() {
    if (interactive_) stream_.flush();
  }

  // False once a write failed; long loops stop writing then.
  bool good() const { return stream_.good(); }

  // Flushes what is buffered and reports how the output ended.
  Status finish();
  int error() const { return buffer_.error(); }

 private:
  FdOutBuf buffer_;
  std::ostream stream_;
  bool interactive_;
};

}  // namespace demarche::cli
