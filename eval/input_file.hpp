// input_file.hpp: an input named on the command line, open for reading.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "fd_streambuf.hpp"

namespace demarche::cli {

class InputFile {
 public:
  // Opens `name` ("-" is standard input). Check ok() before reading, and
  // error_message() after, since a read can fail too (EISDIR for a folder).
  explicit InputFile(std::string name);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  bool ok() const { return error_ == 0; }
  const std::string& name() const { return name_; }
  std::istream& stream() { return stream_; }

  // Why opening or reading failed ("No such file or directory"), or "".
  std::string error_message() const;

 private:
  std::string name_;
  int fd_ = -1;
  bool owns_fd_ = false;  // standard input is not ours to close
  int error_ = 0;
  std::unique_ptr<FdInBuf> buffer_;
  std::istream stream_;
};

// Reads the next line without its '\n' (and without a '\r' before it, for
// files written on Windows). False when the stream is at its end.
bool read_line(std::istream& in, std::string& line);

// Drops a UTF-8 byte order mark from the start of a file's text: editors
// write one that nobody sees, and every input (lines, text, jsonl, gold,
// rule and weights files) treats it the same way, as nothing.
inline void skip_byte_order_mark(std::string& text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
}

}  // namespace demarche::cli
