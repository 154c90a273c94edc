// event_tally.hpp: `classify --count`, `--files-with-events` and `--quiet`,
// and the grep-like exit status they imply (docs/cli.md, "Exit status").
//
// Fed every record after it was classified, in input order (by the serial
// loop or the parallel pipeline's writer thread), it counts per input file
// the sentences with at least one reported event.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "record.hpp"
#include "writer.hpp"

namespace demarche::cli {

// What classify prints instead of its records.
enum class Summary {
  kRecords,          // the records themselves (the default)
  kCount,            // per input, the number of sentences with an event
  kFilesWithEvents,  // the names of the inputs with an event
  kQuiet,            // nothing: the exit status says it
};

class EventTally {
 public:
  // `files`: the inputs as named on the command line, in order.
  EventTally(std::vector<std::string> files, ReportOptions report);

  void record(const Record& record);
  // The same in parts, for a record whose sentences come one at a time:
  // each sentence, then the record once it is done.
  void sentence(const SentenceResult& sentence);
  void end_record(const Record& record);
  // An input that could not be opened gets no count, as in grep.
  void cannot_open(const std::string& name);

  // Prints the summary (nothing for kRecords and kQuiet).
  void print(Summary summary, std::ostream& out) const;

  bool any_event() const { return any_event_; }

 private:
  // The index of the input named `name` that the run is in, or files_.size().
  // Records and failures arrive file by file in command-line order; `fresh`
  // says the event starts a new file (a failure, a whole-file document, or
  // a line number that went back), so a name given twice is told apart.
  std::size_t locate(const std::string& name, bool fresh);

  std::vector<std::string> files_;
  ReportOptions report_;
  std::vector<std::size_t> counts_;  // by index into files_
  std::vector<bool> unopened_;       // by index into files_
  std::size_t current_ = 0;          // index of the input the last event was in
  bool started_ = false;             // some event has been located
  std::size_t last_line_ = 0;
  bool any_event_ = false;
  std::size_t record_with_event_ = 0;  // sentences of the record in progress with an event
};

}  // namespace demarche::cli
