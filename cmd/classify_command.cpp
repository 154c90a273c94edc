// The classify loop: read a record, classify it, write it, repeat. Every
// input record gives output in input order; failures of single records or
// files are reported and the run goes on, ending with exit 1.
#include "classify_command.hpp"

#include <demarche/engine.hpp>
#include <iostream>

#include "classify_options.hpp"
#include "exit_error.hpp"
#include "input_file.hpp"
#include "plugin_options.hpp"
#include "progress.hpp"
#include "record_id.hpp"
#include "rule_loading.hpp"
#include "text_format.hpp"

namespace demarche::cli {
namespace {

void classify(const Engine& engine, Record& record) {
  record.sentences.clear();
  if (!record.input_error.empty()) return;
  if (record.shape == Shape::kSentence) {
    record.sentences.push_back(engine.classify_sentence(record.text));
  } else {
    record.sentences = engine.classify_document(record.text);
  }
}

// Messages on standard error for records that carry an error. The error is
// also in the output itself (jsonl, text), so after a few the rest are only
// counted: a bad input file should not flood the terminal.
class RecordErrors {
 public:
  explicit RecordErrors(Progress& progress) : progress_(progress) {}

  void report(const Record& record) {
    ++count_;
    if (count_ > kShown) return;
    progress_.finish();  // start on a clean line
    std::cerr << "demarche: " << record.source;
    if (record.line != 0) std::cerr << ':' << record.line;
    // The message may quote input bytes: keep it to one line of valid UTF-8.
    std::string message;
    append_one_line(message, first_error(record));
    std::cerr << ": " << message << '\n';
  }

  // Prints the total; true when there was any error.
  bool summarize() const {
    if (count_ == 0) return false;
    std::cerr << "demarche: " << count_ << (count_ == 1 ? " record" : " records")
              << " could not be classified\n";
    return true;
  }

 private:
  static constexpr std::size_t kShown = 20;

  static std::string first_error(const Record& record) {
    if (!record.input_error.empty()) return record.input_error;
    for (std::size_t i = 0; i < record.sentences.size(); ++i) {
      if (!record.sentences[i].ok()) {
        return "sentence " + std::to_string(i) + ": " + record.sentences[i].error;
      }
    }
    return {};
  }

  Progress& progress_;
  std::size_t count_ = 0;
};

// Where a plugin fault happened, for its message: the record's id, and the
// sentence when the record has several.
std::string fault_place(const Record& record, std::size_t sentence) {
  std::string place = "record ";
  append_plain_id(place, record);
  if (record.shape != Shape::kSentence) place += ", sentence " + std::to_string(sentence);
  return place;
}

}  // namespace

int run_classify(const std::vector<std::string>& args, Output& output) {
  const std::optional<ClassifyOptions> options = parse_classify_options(args, output.stream());
  if (!options) return kExitOk;
  const std::shared_ptr<const Engine> rules =
      load_engine(options->rule_paths, options->set_memory_mib, std::cerr);
  const std::shared_ptr<const PluginSet> plugins = load_plugin_set(options->plugins, std::cerr);
  const Engine engine =
      apply_weights_options(*rules, options->weights, options->rule_paths, std::cerr)
          .engine.with_plugins(plugins);
  const bool refused = plugins->plugins.size() != plugins->reports.size();
  PluginFaults plugin_faults;

  const std::unique_ptr<Writer> writer =
      make_writer(options->format, output.stream(), options->report);
  writer->begin();
  Progress progress;
  RecordErrors record_errors(progress);
  bool failed = false;
  Record record;
  record.name_source = options->input == InputMode::kLines && options->files.size() > 1;
  for (const std::string& name : options->files) {
    InputFile input(name);
    if (!input.ok()) {
      progress.finish();
      std::cerr << "demarche: cannot open " << name << ": " << input.error_message() << '\n';
      failed = true;
      continue;
    }
    record.source = name;
    const std::unique_ptr<Reader> reader = make_reader(options->input, input.stream(), name);
    while (output.good() && reader->next(record)) {
      classify(engine, record);
      writer->write(record);
      output.end_record();
      if (record.has_error()) record_errors.report(record);
      for (std::size_t i = 0; i < record.sentences.size(); ++i) {
        if (record.sentences[i].plugin_faults.empty()) continue;
        progress.finish();  // start on a clean line
        plugin_faults.report(record.sentences[i].plugin_faults, fault_place(record, i));
      }
      progress.advance();
    }
    if (!output.good()) break;  // main reports a write error, or ends quietly on a closed pipe
    if (const std::string error = input.error_message(); !error.empty()) {
      progress.finish();
      std::cerr << "demarche: cannot read " << name << ": " << error << '\n';
      failed = true;
    }
  }
  progress.finish();
  if (output.good() && record_errors.summarize()) failed = true;
  if (plugin_faults.count() != 0) {
    std::cerr << "demarche: " << plugin_faults.count()
              << (plugin_faults.count() == 1 ? " plugin fault" : " plugin faults") << '\n';
  }
  if (options->plugins.strict && (refused || plugin_faults.count() != 0)) {
    std::cerr << "demarche: failing because of --strict-plugins\n";
    failed = true;
  }
  return failed ? kExitFailure : kExitOk;
}

}  // namespace demarche::cli
