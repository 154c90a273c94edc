#include "event_tally.hpp"

#include <algorithm>

namespace demarche::cli {
namespace {

// grep's name for standard input, so that scripts written for grep read ours.
std::string display_name(const std::string& file) {
  return file == "-" ? "(standard input)" : file;
}

}  // namespace

EventTally::EventTally(std::vector<std::string> files, ReportOptions report)
    : files_(std::move(files)),
      report_(report),
      counts_(files_.size(), 0),
      unopened_(files_.size(), false) {}

std::size_t EventTally::locate(const std::string& name, bool fresh) {
  const bool same = started_ && current_ < files_.size() && files_[current_] == name && !fresh;
  if (same) return current_;
  for (std::size_t i = started_ ? current_ + 1 : 0; i < files_.size(); ++i) {
    if (files_[i] == name) {
      started_ = true;
      return current_ = i;
    }
  }
  return files_.size();
}

void EventTally::cannot_open(const std::string& name) {
  const std::size_t i = locate(name, true);
  if (i < files_.size()) unopened_[i] = true;
  last_line_ = 0;
}

void EventTally::record(const Record& record) {
  for (const SentenceResult& sentence : record.sentences) this->sentence(sentence);
  end_record(record);
}

void EventTally::sentence(const SentenceResult& sentence) {
  const bool reported =
      std::any_of(sentence.events.begin(), sentence.events.end(),
                  [&](const Event& event) { return is_reported(event, report_); });
  if (reported) ++record_with_event_;
}

void EventTally::end_record(const Record& record) {
  const std::size_t with_event = record_with_event_;
  record_with_event_ = 0;
  const bool fresh = record.line == 0 || record.line <= last_line_;
  const std::size_t i = locate(record.source, fresh);
  last_line_ = record.line;
  if (with_event == 0) return;
  any_event_ = true;
  if (i < files_.size()) counts_[i] += with_event;
}

void EventTally::print(Summary summary, std::ostream& out) const {
  if (summary == Summary::kCount) {
    for (std::size_t i = 0; i < files_.size(); ++i) {
      if (unopened_[i]) continue;
      if (files_.size() > 1) out << display_name(files_[i]) << ':';
      out << counts_[i] << '\n';
    }
  } else if (summary == Summary::kFilesWithEvents) {
    for (std::size_t i = 0; i < files_.size(); ++i) {
      if (counts_[i] > 0) out << display_name(files_[i]) << '\n';
    }
  }
}

}  // namespace demarche::cli
