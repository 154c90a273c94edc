// fd_streambuf.hpp: stream buffers over raw file descriptors.
//
// std::filebuf cannot say *why* a write failed, and the tool must tell a
// closed pipe (`demarche classify | head`: the reader has all it wants, end
// quietly) from a full disk (report, exit 1). These buffers keep the errno of
// the first failure. They also use a larger buffer than the default BUFSIZ,
// since the engine reads and writes tens of MB a second.
#pragma once

#include <cstddef>
#include <streambuf>
#include <vector>

namespace demarche::cli {

class FdOutBuf : public std::streambuf {
 public:
  explicit FdOutBuf(int fd, std::size_t buffer_size = std::size_t{1} << 16);
  ~FdOutBuf() override;
  FdOutBuf(const FdOutBuf&) = delete;
  FdOutBuf& operator=(const FdOutBuf&) = delete;

  // errno of the first failed write, 0 when every write succeeded.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* data, std::streamsize size) override;
  int sync() override;

 private:
  bool flush_buffer();
  bool write_all(const char* data, std::size_t size);

  int fd_;
  std::vector<char> buffer_;
  int error_ = 0;
};

class FdInBuf : public std::streambuf {
 public:
  explicit FdInBuf(int fd, std::size_t buffer_size = std::size_t{1} << 16);
  FdInBuf(const FdInBuf&) = delete;
  FdInBuf& operator=(const FdInBuf&) = delete;

  // errno of a failed read (e.g. EISDIR for a folder), 0 when none failed.
  int error() const { return error_; }

 protected:
  int_type underflow() override;

 private:
  int fd_;
  std::vector<char> buffer_;
  int error_ = 0;
};

}  // namespace demarche::cli
