// classify_options.hpp: the command line of `demarche classify`.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "command_line.hpp"
#include "event_tally.hpp"
#include "plugin_options.hpp"
#include "reader.hpp"
#include "selection_options.hpp"
#include "weights_options.hpp"
#include "writer.hpp"

namespace demarche::cli {

struct ClassifyOptions {
  std::vector<std::string> rule_paths;
  std::int64_t set_memory_mib = kDefaultSetMemoryMib;
  std::vector<std::string> files;  // never empty: "-" when none was named
  InputMode input = InputMode::kLines;
  OutputFormat format = OutputFormat::kJsonl;
  ReportOptions report;
  PluginOptions plugins;
  WeightsOptions weights;
  SelectionOptions selection;
  // --first-line: the number of the first input line, for a shard of a
  // bigger file (GNU parallel --pipe), so that ids and messages are the
  // whole file's.
  std::size_t first_line = 1;
  unsigned jobs = 1;  // worker threads; 1 is the plain loop on the calling thread
  Summary summary = Summary::kRecords;
  // 0 when some event was reported, 1 when none, 2 on any error, as grep;
  // set by --exit-status and implied by the summaries.
  bool grep_status = false;
};

// -j/--jobs: 0 (the default) means one worker per core; more than this is
// surely a typo, and would only cost threads and memory.
constexpr unsigned kMaxJobs = 1024;

// The number of workers -j N asks for: N, or the number of cores for 0 (at
// least 1 where the library cannot tell). Throws UsageError unless `value` is
// a whole number from 0 to kMaxJobs.
unsigned parse_jobs(const CommandSpec& spec, const std::string& value);

// Parses the words after `classify`. Prints help to `out` and returns nullopt
// for --help; throws UsageError for a mistake.
std::optional<ClassifyOptions> parse_classify_options(const std::vector<std::string>& args,
                                                      std::ostream& out);

}  // namespace demarche::cli
