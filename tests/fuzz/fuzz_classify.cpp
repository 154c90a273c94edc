// fuzz_classify: input through each reader, the shipped rules and plugins,
// into each writer, as `demarche classify -j 1` runs them
// (cmd/classify_command.cpp).
//
// The first byte chooses the reader (--input lines, text, jsonl), the writer
// (--format jsonl, tsv, text), --explain and --threshold; the rest, after
// expand.hpp's macros, is the input. Checked, as docs/cli.md promises: in
// lines and jsonl modes one record per input line, in order; in text mode
// one record; every result within result.hpp's bounds; JSON Lines output
// one valid JSON object per output record, byte for byte what the DOM-based
// reference writer (tests/unit/jsonl_dom_writer.hpp) writes; TSV one row of
// ten fields per output record; text output, for a terminal, no ASCII
// control byte but its line breaks.
#include <cstddef>
#include <cstdint>
#include <demarche/engine.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "../unit/jsonl_dom_writer.hpp"
#include "classify_record.hpp"
#include "expand.hpp"
#include "fuzz_support.hpp"
#include "reader.hpp"
#include "writer.hpp"

namespace {

using namespace demarche;
using namespace demarche::cli;

// Room for a line of megabytes (the chain search's worst case was a 2 MB
// line) and for thousands of records.
constexpr std::size_t kMaxExpandedBytes = std::size_t{4} << 20;

std::shared_ptr<const Engine> g_engine;

std::size_t count_lines(std::string_view text) {
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  return lines + (!text.empty() && text.back() != '\n');
}

std::size_t count_char(std::string_view text, char wanted) {
  std::size_t count = 0;
  for (char c : text) count += c == wanted;
  return count;
}

void check_jsonl(const std::string& written, const std::string& reference, std::size_t records) {
  fuzz::require(written == reference, "the JSON Lines writer differs from the DOM writer");
  fuzz::require(count_char(written, '\n') == records && (written.empty() || written.back() == '\n'),
                "JSON Lines output is not one line per output record");
  std::size_t start = 0;
  while (start < written.size()) {
    const std::size_t end = written.find('\n', start);
    // Throws, which libFuzzer reports, on anything but valid JSON in UTF-8.
    const Json object = Json::parse(written.substr(start, end - start));
    fuzz::require(object.is_object(), "a JSON Lines record is not an object");
    start = end + 1;
  }
}

void check_tsv(const std::string& written, std::size_t records) {
  fuzz::require(count_char(written, '\n') == records && (written.empty() || written.back() == '\n'),
                "TSV output is not one row per output record");
  std::size_t start = 0;
  while (start < written.size()) {
    const std::size_t end = written.find('\n', start);
    fuzz::require(count_char(std::string_view(written).substr(start, end - start), '\t') == 9,
                  "a TSV row does not have ten fields");
    start = end + 1;
  }
}

void check_text(const std::string& written) {
  for (const char c : written) {
    const auto u = static_cast<unsigned char>(c);
    fuzz::require((u >= 0x20 || c == '\n') && u != 0x7F, "text output holds a control byte");
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::init_environment();
  g_engine = fuzz::shipped_engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr InputMode kInputs[] = {InputMode::kLines, InputMode::kText, InputMode::kJsonl};
  static constexpr OutputFormat kFormats[] = {OutputFormat::kJsonl, OutputFormat::kTsv,
                                              OutputFormat::kText};
  static constexpr double kThresholds[] = {0.5, 0, 0.001, 0.3, 0.7, 0.999, 1, 0.9};
  const std::uint8_t choice = data[0];
  const InputMode input_mode = kInputs[(choice & 3) % 3];
  const OutputFormat format = kFormats[((choice >> 2) & 3) % 3];
  ReportOptions report;
  report.explain = (choice >> 4) & 1;
  report.threshold = kThresholds[choice >> 5];
  const std::string input = fuzz::expand(
      std::string_view(reinterpret_cast<const char*>(data + 1), size - 1), kMaxExpandedBytes);

  std::istringstream in(input);
  const std::unique_ptr<Reader> reader = make_reader(input_mode, in, "doc.txt");
  std::ostringstream out;
  std::ostringstream reference_out;
  const std::unique_ptr<Writer> writer = make_writer(format, out, report);
  const std::unique_ptr<Writer> reference = reference::make_dom_jsonl_writer(reference_out, report);
  writer->begin();
  const std::size_t header = format == OutputFormat::kTsv ? 1 : 0;
  fuzz::require(count_char(out.str(), '\n') == header, "the header is not one line");

  Record record;
  record.source = "doc.txt";
  std::size_t records = 0;
  while (reader->next(record)) {
    ++records;
    fuzz::require(input_mode == InputMode::kText || record.line == records,
                  "records are not numbered by input line");
    classify_record(*g_engine, record);
    for (const SentenceResult& sentence : record.sentences)
      fuzz::check_result(sentence, record.text);
    out.str("");
    writer->write(record);
    const std::string written = out.str();
    if (format == OutputFormat::kJsonl) {
      reference_out.str("");
      reference->write(record);
      check_jsonl(written, reference_out.str(), output_record_count(record));
    } else if (format == OutputFormat::kTsv) {
      check_tsv(written, output_record_count(record));
    } else {
      check_text(written);
    }
  }
  fuzz::require(records == (input_mode == InputMode::kText ? 1 : count_lines(input)),
                "not one record per input line (or per document)");
  return 0;
}
