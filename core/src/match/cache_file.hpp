// Reading a file of the pattern cache folder (hyperscan_cache.hpp) safely:
// a symbolic link is not followed, only a regular file of a bounded size is
// read, and what is checked (fstat on the open file) is what is read. The
// caller still checks every byte: these files are never trusted.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace demarche::match {

// An open file of the cache folder, read in parts where they are needed
// (pread: safe from several threads, and a file replaced by a newer one
// meanwhile is still the one opened). Cut short under us, a read fails.
class CacheFileReader {
 public:
  // The folder's file `name`; nothing when caching is off, or it is
  // missing, not a regular file or too big to be one of ours.
  static std::optional<CacheFileReader> open(const std::string& name);

  CacheFileReader(CacheFileReader&& other) noexcept;
  CacheFileReader& operator=(CacheFileReader&& other) noexcept;
  CacheFileReader(const CacheFileReader&) = delete;
  CacheFileReader& operator=(const CacheFileReader&) = delete;
  ~CacheFileReader();

  // Its size when it was opened.
  std::size_t size() const { return size_; }
  // Bytes [offset, offset + size) into `out`; false when not all of them
  // could be read.
  bool read(std::size_t offset, std::size_t size, char* out) const;

 private:
  CacheFileReader(int fd, std::size_t size) : fd_(fd), size_(size) {}
  int fd_ = -1;
  std::size_t size_ = 0;
};

// The bytes of a whole file of the cache folder.
struct CacheFile {
  std::unique_ptr<char[]> data;
  std::size_t size = 0;
  std::string_view bytes() const { return std::string_view(data.get(), size); }
};

// The folder's file `name`, read in one go (see CacheFileReader::open).
std::optional<CacheFile> read_cache_file(const std::string& name);

// Whether files can be written to the cache folder (made if missing): work
// done only to be cached is not worth doing otherwise.
bool cache_folder_writable();

}  // namespace demarche::match
