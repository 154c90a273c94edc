#include "fd_streambuf.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace demarche::cli {

FdOutBuf::FdOutBuf(int fd, std::size_t buffer_size) : fd_(fd), buffer_(buffer_size) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

FdOutBuf::~FdOutBuf() {
  flush_buffer();
}

bool FdOutBuf::write_all(const char* data, std::size_t size) {
  if (error_ != 0) return false;  // after a failure every later write is dropped
  while (size > 0) {
    const ssize_t written = ::write(fd_, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

bool FdOutBuf::flush_buffer() {
  const auto pending = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return write_all(buffer_.data(), pending);
}

FdOutBuf::int_type FdOutBuf::overflow(int_type ch) {
  if (!flush_buffer()) return traits_type::eof();
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

std::streamsize FdOutBuf::xsputn(const char* data, std::streamsize size) {
  const auto n = static_cast<std::size_t>(size);
  const auto room = static_cast<std::size_t>(epptr() - pptr());
  if (n <= room) {
    std::memcpy(pptr(), data, n);
    pbump(static_cast<int>(n));
    return size;
  }
  // Larger than the free space: flush, then buffer it or (when it would not
  // fit even in an empty buffer) write it straight through without a copy.
  if (!flush_buffer()) return 0;
  if (n < buffer_.size()) {
    std::memcpy(pptr(), data, n);
    pbump(static_cast<int>(n));
    return size;
  }
  return write_all(data, n) ? size : 0;
}

int FdOutBuf::sync() {
  return flush_buffer() ? 0 : -1;
}

FdInBuf::FdInBuf(int fd, std::size_t buffer_size) : fd_(fd), buffer_(buffer_size) {
  setg(buffer_.data(), buffer_.data(), buffer_.data());
}

FdInBuf::int_type FdInBuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (error_ != 0) return traits_type::eof();
  for (;;) {
    const ssize_t got = ::read(fd_, buffer_.data(), buffer_.size());
    if (got < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return traits_type::eof();
    }
    if (got == 0) return traits_type::eof();
    setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
    return traits_type::to_int_type(*gptr());
  }
}

}  // namespace demarche::cli
