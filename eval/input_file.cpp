#include "input_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace demarche::cli {

InputFile::InputFile(std::string name) : name_(std::move(name)), stream_(nullptr) {
  if (name_ == "-") {
    fd_ = STDIN_FILENO;
  } else {
    do {
      fd_ = ::open(name_.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd_ < 0 && errno == EINTR);
    if (fd_ < 0) {
      error_ = errno;
      return;
    }
    owns_fd_ = true;
  }
  buffer_ = std::make_unique<FdInBuf>(fd_);
  stream_.rdbuf(buffer_.get());
}

InputFile::~InputFile() {
  if (owns_fd_) ::close(fd_);
}

std::string InputFile::error_message() const {
  const int error = error_ != 0 ? error_ : (buffer_ ? buffer_->error() : 0);
  return error == 0 ? std::string() : std::string(std::strerror(error));
}

bool read_line(std::istream& in, std::string& line) {
  // libstdc++'s getline scans the stream buffer in bulk, not a byte at a time.
  if (!std::getline(in, line)) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

}  // namespace demarche::cli
