// `demarche classify`: load the rules and plugins, then classify every input
// record and write its output in input order. With -j 1 that is the plain
// loop below (read a record, classify it, write it, repeat); with more jobs
// the pipeline of cmd/parallel_classify.hpp, whose output and messages are
// the same. Failures of single records or files are reported and the run
// goes on, ending with exit 1.
#include "classify_command.hpp"

#include <demarche/engine.hpp>
#include <iostream>

#include "classify_messages.hpp"
#include "classify_options.hpp"
#include "classify_record.hpp"
#include "exit_error.hpp"
#include "input_file.hpp"
#include "parallel_classify.hpp"
#include "plugin_options.hpp"
#include "progress.hpp"
#include "rule_loading.hpp"
#include "write_while_classifying.hpp"

namespace demarche::cli {
namespace {

void classify_serially(const Engine& engine, const ClassifyOptions& options, Output& output,
                       Writer& writer, ClassifyMessages& messages, Progress& progress) {
  Record record;
  record.name_source = options.input == InputMode::kLines && options.files.size() > 1;
  for (const std::string& name : options.files) {
    InputFile input(name);
    if (!input.ok()) {
      messages.cannot_open(name, input.error_message());
      continue;
    }
    record.source = name;
    const std::unique_ptr<Reader> reader =
        make_reader(options.input, input.stream(), name, options.first_line);
    while (output.good() && reader->next(record)) {
      if (is_written_while_classified(record)) {
        write_while_classifying(engine, record, writer, messages);
      } else {
        classify_record(engine, record);
        writer.write(record);
      }
      output.end_record();
      messages.record(record);
      progress.advance();
    }
    if (!output.good()) return;  // main reports a write error, or ends quietly on a closed pipe
    if (const std::string error = input.error_message(); !error.empty()) {
      messages.cannot_read(name, error);
    }
  }
}

}  // namespace

int run_classify(const std::vector<std::string>& args, Output& output) {
  const std::optional<ClassifyOptions> options = parse_classify_options(args, output.stream());
  if (!options) return kExitOk;
  const std::shared_ptr<const Engine> rules =
      load_engine(options->rule_paths, options->set_memory_mib, std::cerr);
  const std::shared_ptr<const PluginSet> plugins = load_plugin_set(options->plugins, std::cerr);
  const CommandSpec spec{"classify", "", ""};
  // Plugins first, so that the weights can be checked against the plugins loaded.
  const Engine engine =
      apply_selection(apply_weights_options(rules->with_plugins(plugins), options->weights,
                                            options->rule_paths, std::cerr)
                          .engine,
                      options->selection, spec);
  const bool refused = plugins->plugins.size() != plugins->reports.size();

  const std::unique_ptr<Writer> writer =
      make_writer(options->format, output.stream(), options->report);
  writer->begin();
  Progress progress;
  EventTally tally(options->files, options->report);
  ClassifyMessages messages(progress, &tally);
  if (options->jobs == 1) {
    classify_serially(engine, *options, output, *writer, messages, progress);
  } else {
    classify_in_parallel(engine, *options, output, messages, progress);
  }
  progress.finish();
  tally.print(options->summary, output.stream());
  const bool failed = messages.summarize(output.good(), options->plugins.strict, refused);
  if (options->grep_status) {
    if (failed) return kExitUsage;  // 2: any error, as grep
    return tally.any_event() ? kExitOk : kExitFailure;
  }
  return failed ? kExitFailure : kExitOk;
}

}  // namespace demarche::cli
