#include "output.hpp"

#include <unistd.h>

#include <cerrno>

namespace demarche::cli {

Output::Output()
    : buffer_(STDOUT_FILENO), stream_(&buffer_), interactive_(::isatty(STDOUT_FILENO) == 1) {}

Output::Status Output::finish() {
  stream_.flush();
  if (buffer_.error() == 0) return Status::kOk;
  return buffer_.error() == EPIPE ? Status::kClosedPipe : Status::kFailed;
}

}  // namespace demarche::cli
