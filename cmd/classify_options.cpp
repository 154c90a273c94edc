#include "classify_options.hpp"

#include <charconv>
#include <thread>

#include "command_line.hpp"
#include "exit_error.hpp"

namespace demarche::cli {

unsigned parse_jobs(const CommandSpec& spec, const std::string& value) {
  unsigned jobs = 0;
  const char* const end = value.data() + value.size();
  // from_chars takes no sign, space or '+', so "-1", " 2" and "+2" fail here.
  const auto [stop, error] = std::from_chars(value.data(), end, jobs);
  if (value.empty() || error != std::errc() || stop != end || jobs > kMaxJobs) {
    throw UsageError(spec.name, "demarche " + spec.name + ": invalid --jobs '" + value +
                                    "' (a whole number from 0 to " + std::to_string(kMaxJobs) +
                                    "; 0 means one per core)");
  }
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  return jobs;
}

std::size_t parse_first_line(const CommandSpec& spec, const std::string& value) {
  std::size_t line = 0;
  const char* const end = value.data() + value.size();
  const auto [stop, error] = std::from_chars(value.data(), end, line);
  // At most 2^53, so that an id stays exact in any JSON reader.
  constexpr std::size_t kMaxLine = std::size_t{1} << 53;
  if (value.empty() || error != std::errc() || stop != end || line < 1 || line > kMaxLine) {
    throw UsageError(spec.name, "demarche " + spec.name + ": invalid --first-line '" + value +
                                    "' (a whole number from 1 to 2^53)");
  }
  return line;
}

std::optional<ClassifyOptions> parse_classify_options(const std::vector<std::string>& args,
                                                      std::ostream& out) {
  const CommandSpec spec{
      "classify", "demarche classify [options] [FILE...]",
      "Reports which diplomatic events each sentence of the input reports, with a\n"
      "confidence and the words that are the evidence. Reads standard input when no\n"
      "FILE (or '-') is given. An unreadable FILE is reported and skipped (exit 1).\n"
      "See docs/cli.md for the output fields."};
  ClassifyOptions options;
  std::string input = "lines";
  std::string format = "jsonl";
  std::string jobs = "0";
  po::options_description visible("Options");
  add_help_option(visible);
  add_rules_option(visible, options.rule_paths);
  add_set_memory_option(visible, options.set_memory_mib);
  add_plugin_options(visible, options.plugins, true);
  add_weights_options(visible, options.weights);
  add_selection_options(visible, options.selection);
  visible.add_options()("input,i",
                        po::value<std::string>(&input)->value_name("MODE")->default_value(input),
                        "lines (one sentence per line), text (each FILE is one document) or "
                        "jsonl (one JSON object per line with \"id\" and \"text\")")(
      "format,f", po::value<std::string>(&format)->value_name("FORMAT")->default_value(format),
      "jsonl, tsv or text (for reading at a terminal)");
  add_threshold_option(visible, options.report.threshold);
  visible.add_options()("explain,e", po::bool_switch(&options.report.explain),
                        "add the scoring detail: prior, log-odds, each rule's weight and "
                        "contribution, and the rules cancelled by `unless`");
  bool count = false;
  bool files_with_events = false;
  bool quiet = false;
  visible.add_options()("count,c", po::bool_switch(&count),
                        "print, per input, the number of sentences with an event instead of "
                        "the records (implies --exit-status)")(
      "files-with-events,l", po::bool_switch(&files_with_events),
      "print the names of the inputs with an event instead of the records (implies "
      "--exit-status)")("quiet,q", po::bool_switch(&quiet),
                        "print no records: only the exit status tells (implies --exit-status)")(
      "exit-status", po::bool_switch(&options.grep_status),
      "exit 0 when some event was reported, 1 when none, 2 on any error (as grep)");
  std::string first_line = "1";
  visible.add_options()(
      "first-line", po::value<std::string>(&first_line)->value_name("N")->default_value(first_line),
      "number the input lines from N (lines and jsonl), for a shard of a bigger input: "
      "ids and messages are then the whole input's (docs/scale-out.md)");
  visible.add_options()("jobs,j",
                        po::value<std::string>(&jobs)->value_name("N")->default_value(jobs),
                        "classify on N threads, 0 for one per core; the output is the same "
                        "whatever N");

  const po::variables_map vm = parse_command_line(spec, args, visible, "file");
  if (vm.count("help") != 0) {
    print_help(out, spec, visible);
    return std::nullopt;
  }
  check_choice(spec, "input", input, {"lines", "text", "jsonl"});
  check_choice(spec, "format", format, {"jsonl", "tsv", "text"});
  check_threshold(spec, options.report.threshold);
  check_set_memory(spec, options.set_memory_mib);
  check_plugin_options(spec, options.plugins);
  check_weights_options(spec, options.weights);
  options.jobs = parse_jobs(spec, jobs);
  options.first_line = parse_first_line(spec, first_line);
  options.input = input == "text"    ? InputMode::kText
                  : input == "jsonl" ? InputMode::kJsonl
                                     : InputMode::kLines;
  options.format = format == "tsv"    ? OutputFormat::kTsv
                   : format == "text" ? OutputFormat::kText
                                      : OutputFormat::kJsonl;
  if (count + files_with_events + quiet > 1) {
    throw UsageError(spec.name, "demarche " + spec.name +
                                    ": give at most one of --count, --files-with-events and "
                                    "--quiet");
  }
  if (count || files_with_events || quiet) {
    options.summary = count               ? Summary::kCount
                      : files_with_events ? Summary::kFilesWithEvents
                                          : Summary::kQuiet;
    options.format = OutputFormat::kNone;
    options.grep_status = true;
  }
  if (vm.count("file") != 0) options.files = vm["file"].as<std::vector<std::string>>();
  if (options.files.empty()) options.files.emplace_back("-");
  return options;
}

}  // namespace demarche::cli
