#include "writer.hpp"

namespace demarche::cli {

namespace {

class NullWriter final : public Writer {
 public:
  void open_record(const Record&) override {}
  void write_sentence(const Record&, std::size_t, const SentenceResult&) override {}
  void close_record(const Record&, std::size_t) override {}
};

}  // namespace

std::unique_ptr<Writer> make_writer(OutputFormat format, std::ostream& out, ReportOptions options) {
  switch (format) {
    case OutputFormat::kNone:
      return std::make_unique<NullWriter>();
    case OutputFormat::kJsonl:
      return make_jsonl_writer(out, options);
    case OutputFormat::kTsv:
      return make_tsv_writer(out, options);
    case OutputFormat::kText:
      return make_text_writer(out, options);
  }
  return make_jsonl_writer(out, options);
}

std::size_t output_record_count(const Record& record) {
  if (record.shape == Shape::kDocumentSentences && record.input_error.empty()) {
    return record.sentences.size();
  }
  return 1;
}

}  // namespace demarche::cli
