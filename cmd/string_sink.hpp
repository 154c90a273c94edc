// string_sink.hpp: an output stream buffer that appends to a std::string.
//
// A pipeline worker formats records with the ordinary writers
// (cmd/writer.hpp) into its batch's buffer, so formatting, which costs as
// much as classifying, runs on every worker instead of on the one thread that
// writes standard output. std::ostringstream would copy its text out on
// every str(); this writes straight into a string the batch keeps.
#pragma once

#include <streambuf>
#include <string>

namespace demarche::cli {

class StringSink final : public std::streambuf {
 public:
  // Where the following writes go; must be set before the first.
  void target(std::string& out) { out_ = &out; }

 protected:
  int_type overflow(int_type ch) override {
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      out_->push_back(traits_type::to_char_type(ch));
    }
    return traits_type::not_eof(ch);
  }

  std::streamsize xsputn(const char* data, std::streamsize size) override {
    out_->append(data, static_cast<std::size_t>(size));
    return size;
  }

 private:
  std::string* out_ = nullptr;
};

}  // namespace demarche::cli
