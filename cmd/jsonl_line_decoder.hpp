// jsonl_line_decoder.hpp: decodes one --input jsonl line in a pipeline worker.
//
// The pipeline's reader thread only splits the input into lines; parsing the
// JSON costs about as much as classifying a short sentence, and done on the
// one reader thread it would cap the speed-up. So each worker decodes its
// lines with the ordinary jsonl reader (cmd/jsonl_reader.cpp), fed one line
// at a time, and the record is exactly what the serial loop would have read.
#pragma once

#include <istream>
#include <memory>
#include <streambuf>
#include <string>

#include "reader.hpp"
#include "record.hpp"

namespace demarche::cli {

class JsonlLineDecoder {
 public:
  JsonlLineDecoder();
  JsonlLineDecoder(const JsonlLineDecoder&) = delete;
  JsonlLineDecoder& operator=(const JsonlLineDecoder&) = delete;

  // `line` is one input line with its '\n' (as std::getline read it, plus
  // the '\n', so a '\r' before it is dropped exactly once, by the reader).
  // Fills `record` as the jsonl reader does, but keeps its `line`, which the
  // reader thread set: this decoder sees one line at a time.
  void decode(std::string& line, Record& record);

 private:
  // Reads from a string it does not own, without copying it.
  class LineBuf final : public std::streambuf {
   public:
    void point_at(std::string& line) { setg(line.data(), line.data(), line.data() + line.size()); }
  };

  LineBuf buffer_;
  std::istream stream_;
  std::unique_ptr<Reader> reader_;
};

}  // namespace demarche::cli
