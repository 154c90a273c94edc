#include "text/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace demarche::text {

namespace {

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Closes the descriptor however the read ends.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::optional<std::string> read_regular_file(const std::string& path, std::string* error,
                                             std::size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO with no writer must not wait for one.
  Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
  if (file.fd < 0) {
    *error =
        errno == ENOENT ? "no such file" : std::string("cannot open it: ") + std::strerror(errno);
    return std::nullopt;
  }
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) {
    *error = std::string("cannot read it: ") + std::strerror(errno);
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    *error = std::string("is ") + kind_of(info.st_mode) + ", not a regular file";
    return std::nullopt;
  }
  const std::string limit = std::to_string(max_bytes >> 20) + " MiB";
  if (static_cast<std::size_t>(info.st_size) > max_bytes) {
    *error = "is larger than " + limit;
    return std::nullopt;
  }
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t got = 0;
  // Read one byte past the size it had, in case it grew since.
  bytes.resize(bytes.size() + 1);
  for (;;) {
    const ssize_t n = ::read(file.fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = std::string("read failed: ") + std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got > max_bytes) {
      *error = "is larger than " + limit;
      return std::nullopt;
    }
    if (got == bytes.size()) bytes.resize(std::min(bytes.size() * 2, max_bytes + 1));
  }
  bytes.resize(got);
  return bytes;
}

}  // namespace demarche::text
