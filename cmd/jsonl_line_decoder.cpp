#include "jsonl_line_decoder.hpp"

namespace demarche::cli {

JsonlLineDecoder::JsonlLineDecoder() : stream_(&buffer_), reader_(make_jsonl_reader(stream_)) {}

void JsonlLineDecoder::decode(std::string& line, Record& record) {
  buffer_.point_at(line);
  stream_.clear();  // the previous line left the stream at its end
  const std::size_t line_number = record.line;
  // Always true: the line ends with '\n', so even an empty one is a line.
  reader_->next(record);
  record.line = line_number;
}

}  // namespace demarche::cli
