// writer.hpp: output records, one implementation per --format.
//
// A writer formats each record into a buffer and hands it to the stream in
// one write; it never flushes (the caller decides, see Output::end_record).
#pragma once

#include <algorithm>
#include <demarche/result.hpp>
#include <memory>
#include <ostream>
#include <string_view>

#include "record.hpp"
#include "result_text.hpp"  // clears_threshold, span_text

namespace demarche::cli {

// kNone writes nothing: classify --count, --files-with-events and --quiet
// print a summary instead of the records.
enum class OutputFormat { kJsonl, kTsv, kText, kNone };

struct ReportOptions {
  double threshold = 0.5;  // events below it are not reported
  bool explain = false;    // add the scoring detail and the cancelled rules
};

class Writer {
 public:
  virtual ~Writer() = default;
  // Called once before the first record (the TSV header).
  virtual void begin() {}

  // A record whose sentences are classified in `record.sentences`.
  void write(const Record& record) {
    open_record(record);
    for (std::size_t i = 0; i < record.sentences.size(); ++i) {
      write_sentence(record, i, record.sentences[i]);
    }
    close_record(record, record.sentences.size());
  }

  // A record written in parts, for one whose sentences are written as they
  // are classified and never held together: open_record, then
  // write_sentence for each sentence in order (`index` from 0), then
  // close_record with how many there were. `record.sentences` is not read.
  // The bytes are those write() gives for the same sentences.
  virtual void open_record(const Record& record) = 0;
  virtual void write_sentence(const Record& record, std::size_t index,
                              const SentenceResult& sentence) = 0;
  virtual void close_record(const Record& record, std::size_t sentences) = 0;
};

// A writer gathers a record's output in a buffer and hands it to the stream
// at once; past this many bytes it hands over what it has and goes on, so
// that a record of one huge document (whose output is several times its
// text) is never held whole in the writer as well as in the stream's buffer.
inline constexpr std::size_t kWriterSpillBytes = std::size_t{1} << 20;

// Writes `buffer` to `out` and empties it when it holds kWriterSpillBytes or more.
inline void spill_if_full(std::ostream& out, std::string& buffer) {
  if (buffer.size() < kWriterSpillBytes) return;
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
}

std::unique_ptr<Writer> make_jsonl_writer(std::ostream& out, ReportOptions options);
std::unique_ptr<Writer> make_tsv_writer(std::ostream& out, ReportOptions options);
std::unique_ptr<Writer> make_text_writer(std::ostream& out, ReportOptions options);
std::unique_ptr<Writer> make_writer(OutputFormat format, std::ostream& out, ReportOptions options);

// What the writers agree on.
inline bool is_reported(const Event& event, const ReportOptions& options) {
  return clears_threshold(event.confidence, options.threshold);
}

// Without --explain only the evidence that counted towards the confidence is
// shown; the rest (a weaker overlapping rule, another member of a group) is
// detail for --explain.
inline bool is_shown(const Evidence& evidence, const ReportOptions& options) {
  return evidence.counted || options.explain;
}

// Output records of `record`: its sentences, or one for a document record,
// or one for a record whose input could not be classified.
std::size_t output_record_count(const Record& record);

}  // namespace demarche::cli
