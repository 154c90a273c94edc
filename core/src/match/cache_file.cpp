#include "match/cache_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <system_error>
#include <utility>

#include "match/hyperscan_cache.hpp"

namespace demarche::match {

namespace {
// Far above any rule set's file (the shipped rules': a few MiB); a bigger
// file is not ours.
constexpr std::uintmax_t kMaxFileBytes = 512u << 20;
}  // namespace

std::optional<CacheFileReader> CacheFileReader::open(const std::string& name) {
  const std::string dir = database_cache_dir();
  if (dir.empty()) return std::nullopt;
  const int fd = ::open((dir + "/" + name).c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0 ||
      static_cast<std::uintmax_t>(st.st_size) > kMaxFileBytes) {
    ::close(fd);
    return std::nullopt;
  }
  return CacheFileReader(fd, static_cast<std::size_t>(st.st_size));
}

CacheFileReader::CacheFileReader(CacheFileReader&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), size_(other.size_) {}

CacheFileReader& CacheFileReader::operator=(CacheFileReader&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    size_ = other.size_;
  }
  return *this;
}

CacheFileReader::~CacheFileReader() {
  if (fd_ >= 0) ::close(fd_);
}

bool CacheFileReader::read(std::size_t offset, std::size_t size, char* out) const {
  if (offset > size_ || size > size_ - offset) return false;
  std::size_t got = 0;
  while (got < size) {
    const ssize_t n = ::pread(fd_, out + got, size - got, static_cast<off_t>(offset + got));
    if (n <= 0) return false;
    got += static_cast<std::size_t>(n);
  }
  return true;
}

std::optional<CacheFile> read_cache_file(const std::string& name) {
  const std::optional<CacheFileReader> reader = CacheFileReader::open(name);
  if (!reader) return std::nullopt;
  // Not zeroed first, and read in one go: zeroing a 4 MB buffer before
  // reading into it cost a millisecond of start-up, and reading a character
  // at a time (istreambuf_iterator) took 7 ms of a 35 ms start-up on a
  // 2.6 MB database.
  CacheFile file;
  file.size = reader->size();
  file.data = std::make_unique_for_overwrite<char[]>(file.size);
  // The size fstat gave: were the file changed in place meanwhile, the
  // checksum the caller checks would not match.
  if (!reader->read(0, file.size, file.data.get())) return std::nullopt;
  return file;
}

bool cache_folder_writable() {
  const std::string dir = database_cache_dir();
  if (dir.empty()) return false;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  return !ec && ::access(dir.c_str(), W_OK) == 0;
}

}  // namespace demarche::match
