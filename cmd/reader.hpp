// reader.hpp: input records from a stream, one implementation per --input mode.
//
// Readers only split and decode input; they never classify, so each can be
// tested and replaced alone. A reader reuses the Record it is given, so a
// long run does not allocate per line.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "input_file.hpp"  // read_line, skip_byte_order_mark
#include "record.hpp"

namespace demarche::cli {

enum class InputMode { kLines, kText, kJsonl };

class Reader {
 public:
  virtual ~Reader() = default;
  // Fills `record` (all but its sentences) with the next input record and
  // returns true, or returns false at the end of the input.
  virtual bool next(Record& record) = 0;
};

// One sentence per line; the id is the line number, counted from
// `first_line` (1, or a shard's place in a bigger file: classify --first-line).
std::unique_ptr<Reader> make_lines_reader(std::istream& in, std::size_t first_line = 1);
// The whole stream is one document; the id is `name`.
std::unique_ptr<Reader> make_text_reader(std::istream& in, std::string name);
// One JSON object per line with `id` and a string `text`.
std::unique_ptr<Reader> make_jsonl_reader(std::istream& in, std::size_t first_line = 1);

std::unique_ptr<Reader> make_reader(InputMode mode, std::istream& in, const std::string& name,
                                    std::size_t first_line = 1);

}  // namespace demarche::cli
