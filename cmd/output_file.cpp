#include "output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <random>

#include "exit_error.hpp"
#include "fd_streambuf.hpp"

namespace demarche::cli {
namespace {

struct Target {
  const std::string& command;
  const std::string& path;
  const std::string& what;
};

[[noreturn]] void fail(const Target& target, int status, const std::string& reason) {
  throw ExitError(status, "demarche " + target.command + ": cannot write " + target.what + ' ' +
                              target.path + ": " + reason);
}

// An open descriptor, closed when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;

  int get() const { return fd_; }
  // Closes now: close() can be the first to report a failed write (NFS).
  int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

// A new file with a random name in `folder`, removed again unless it was
// renamed. O_EXCL makes it ours alone: whatever already stands at the name
// (a planted symlink, a folder) fails the open instead of being followed or
// removed. The name is short so that it fits NAME_MAX whatever the length
// of the target's name.
class TemporaryFile {
 public:
  explicit TemporaryFile(const std::filesystem::path& folder) {
    static constexpr char kLetters[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::random_device random;
    std::uniform_int_distribution<std::size_t> pick(0, sizeof kLetters - 2);
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string name = ".demarche-";
      for (int i = 0; i < 10; ++i) name += kLetters[pick(random)];
      const std::string path = (folder / name).string();
      // 0666: the process's umask applies, as for any file it creates.
      const int fd =
          ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
      if (fd >= 0) {
        fd_.emplace(fd);
        path_ = path;
        return;
      }
      if (errno != EEXIST) break;
    }
    error_ = errno;
  }
  ~TemporaryFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  // errno of the failed creation, 0 when the file is open.
  int error() const { return error_; }
  Fd& fd() { return *fd_; }

  // Renames the file to `target`; from then on it is not removed.
  int rename_to(const std::string& target) {
    if (::rename(path_.c_str(), target.c_str()) != 0) return errno;
    path_.clear();
    return 0;
  }

 private:
  std::optional<Fd> fd_;
  std::string path_;
  int error_ = 0;
};

// Writes the content to `fd` and closes it; status 1 on any failure.
void write_and_close(const Target& target, Fd& fd, const std::function<void(std::ostream&)>& write,
                     bool sync) {
  {
    FdOutBuf buffer(fd.get());
    std::ostream out(&buffer);
    write(out);
    out.flush();
    if (buffer.error() != 0) fail(target, kExitFailure, std::strerror(buffer.error()));
    if (!out) fail(target, kExitFailure, "the write failed");
  }
  // On disk before the rename, so that a crash leaves the old file or the
  // new one, never an empty one.
  if (sync && ::fsync(fd.get()) != 0) fail(target, kExitFailure, std::strerror(errno));
  if (const int error = fd.close(); error != 0) fail(target, kExitFailure, std::strerror(error));
}

// `mode`: the permissions of the file replaced, kept; none for a new file.
void replace_atomically(const Target& target, std::optional<mode_t> mode,
                        const std::function<void(std::ostream&)>& write) {
  std::filesystem::path folder = std::filesystem::path(target.path).parent_path();
  if (folder.empty()) folder = ".";
  TemporaryFile temporary(folder);
  if (temporary.error() != 0) fail(target, kExitUsage, std::strerror(temporary.error()));
  if (mode && ::fchmod(temporary.fd().get(), *mode) != 0)
    fail(target, kExitFailure, std::strerror(errno));
  write_and_close(target, temporary.fd(), write, true);
  if (const int error = temporary.rename_to(target.path); error != 0)
    fail(target, kExitFailure, std::strerror(error));
}

// A device, FIFO or symlink: opened and written where it stands.
// `seen`: what lstat found, unless PATH is a symlink to follow.
void write_through(const Target& target, const struct stat* seen,
                   const std::function<void(std::ostream&)>& write) {
  int flags = O_WRONLY | O_CLOEXEC | O_NOCTTY;
  // A symlink's target may be a regular file (truncated, as by the shell's
  // `>`) or missing (created); a node that was seen is not followed.
  flags |= seen ? O_NOFOLLOW : O_CREAT | O_TRUNC;
  Fd fd(::open(target.path.c_str(), flags, 0666));
  if (fd.get() < 0) fail(target, kExitUsage, std::strerror(errno));
  struct stat opened {};
  if (::fstat(fd.get(), &opened) != 0) fail(target, kExitFailure, std::strerror(errno));
  // Replaced between lstat and open (by a regular file, say, which this
  // open would not have truncated): write nothing rather than the wrong way.
  if (seen && (opened.st_dev != seen->st_dev || opened.st_ino != seen->st_ino))
    fail(target, kExitFailure, "it was replaced while being opened");
  write_and_close(target, fd, write, false);
}

}  // namespace

void write_output_file(const std::string& command, const std::string& path, const std::string& what,
                       const std::function<void(std::ostream&)>& write) {
  const Target target{command, path, what};
  if (path.empty()) fail(target, kExitUsage, "no name given");
  if (path.back() == '/') fail(target, kExitUsage, "it names a folder");
  struct stat seen {};
  if (::lstat(path.c_str(), &seen) != 0) {
    if (errno != ENOENT) fail(target, kExitUsage, std::strerror(errno));
    replace_atomically(target, std::nullopt, write);
  } else if (S_ISDIR(seen.st_mode)) {
    fail(target, kExitUsage, "it is a folder");
  } else if (S_ISREG(seen.st_mode)) {
    replace_atomically(target, seen.st_mode & 07777, write);
  } else {
    write_through(target, S_ISLNK(seen.st_mode) ? nullptr : &seen, write);
  }
}

}  // namespace demarche::cli
