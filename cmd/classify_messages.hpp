// classify_messages.hpp: what `demarche classify` says on standard error.
//
// Record errors, plugin faults, inputs that cannot be opened or read, and the
// summaries at the end. The serial loop and the parallel pipeline both report
// through one object, on one thread, in input order, so that their standard
// error is the same.
#pragma once

#include <cstddef>
#include <demarche/result.hpp>
#include <string>

#include "event_tally.hpp"
#include "plugin_options.hpp"
#include "progress.hpp"
#include "record.hpp"

namespace demarche::cli {

class ClassifyMessages {
 public:
  // `tally`, when given, is fed every record too.
  explicit ClassifyMessages(Progress& progress, EventTally* tally = nullptr)
      : progress_(progress), tally_(tally) {}

  // After `record` was written: its error, if any, and its plugins' faults.
  void record(const Record& record);

  // The same for a record whose sentences are written as they are
  // classified: each sentence as it is written (`index` from 0), then
  // end_record() once the record is written. What they say is held until
  // end_record, so that standard error is what record() gives.
  void sentence(const Record& record, std::size_t index, const SentenceResult& sentence);
  void end_record(const Record& record);

  // True when a record had an error or an input could not be read.
  bool any_failure() const { return record_errors_ > 0 || input_failed_; }

  void cannot_open(const std::string& name, const std::string& error);
  void cannot_read(const std::string& name, const std::string& error);

  // Prints the totals; true when the run must exit 1. The record errors'
  // total is left out when the output was cut short (`output_good` false):
  // the run ended early and the count would be partial.
  bool summarize(bool output_good, bool strict_plugins, bool plugins_refused) const;

 private:
  // After this many record errors the rest are only counted: the error is
  // also in the output itself, and a bad input file should not flood the
  // terminal.
  static constexpr std::size_t kErrorsShown = 20;

  void record_error(const Record& record);

  Progress& progress_;
  EventTally* tally_;
  std::size_t record_errors_ = 0;
  PluginFaults plugin_faults_;
  // Of the record being written: its first sentence error ("sentence 2:
  // ..."), and whether a sentence had plugin faults (held in plugin_faults_).
  std::string first_sentence_error_;
  bool faults_held_ = false;
  bool input_failed_ = false;
};

}  // namespace demarche::cli
