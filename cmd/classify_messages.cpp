#include "classify_messages.hpp"

#include <iostream>

#include "record_id.hpp"
#include "text_format.hpp"

namespace demarche::cli {
namespace {

// Where a plugin fault happened, for its message: the record's id, and the
// sentence when the record has several.
std::string fault_place(const Record& record, std::size_t sentence) {
  std::string place = "record ";
  append_plain_id(place, record);
  if (record.shape != Shape::kSentence) place += ", sentence " + std::to_string(sentence);
  return place;
}

}  // namespace

void ClassifyMessages::record(const Record& record) {
  for (std::size_t i = 0; i < record.sentences.size(); ++i)
    sentence(record, i, record.sentences[i]);
  end_record(record);
}

void ClassifyMessages::sentence(const Record& record, std::size_t index,
                                const SentenceResult& sentence) {
  if (tally_ != nullptr) tally_->sentence(sentence);
  if (!sentence.ok() && first_sentence_error_.empty()) {
    first_sentence_error_ = "sentence " + std::to_string(index) + ": " + sentence.error;
  }
  if (!sentence.plugin_faults.empty()) {
    plugin_faults_.hold(sentence.plugin_faults, fault_place(record, index));
    faults_held_ = true;
  }
}

void ClassifyMessages::end_record(const Record& record) {
  if (tally_ != nullptr) tally_->end_record(record);
  if (!record.input_error.empty() || !first_sentence_error_.empty()) record_error(record);
  if (faults_held_) {
    progress_.finish();  // start on a clean line
    plugin_faults_.print_held();
  }
  first_sentence_error_.clear();
  faults_held_ = false;
}

void ClassifyMessages::record_error(const Record& record) {
  ++record_errors_;
  if (record_errors_ > kErrorsShown) return;
  progress_.finish();  // start on a clean line
  std::cerr << "demarche: " << record.source;
  if (record.line != 0) std::cerr << ':' << record.line;
  // The message may quote input bytes: keep it to one line of valid UTF-8.
  std::string message;
  append_one_line(message, record.input_error.empty() ? first_sentence_error_ : record.input_error);
  std::cerr << ": " << message << '\n';
}

void ClassifyMessages::cannot_open(const std::string& name, const std::string& error) {
  progress_.finish();
  std::cerr << "demarche: cannot open " << name << ": " << error << '\n';
  input_failed_ = true;
  if (tally_ != nullptr) tally_->cannot_open(name);
}

void ClassifyMessages::cannot_read(const std::string& name, const std::string& error) {
  progress_.finish();
  std::cerr << "demarche: cannot read " << name << ": " << error << '\n';
  input_failed_ = true;
}

bool ClassifyMessages::summarize(bool output_good, bool strict_plugins,
                                 bool plugins_refused) const {
  bool failed = input_failed_;
  if (output_good && record_errors_ != 0) {
    std::cerr << "demarche: " << record_errors_ << (record_errors_ == 1 ? " record" : " records")
              << " could not be classified\n";
    failed = true;
  }
  const std::size_t faults = plugin_faults_.count();
  if (faults != 0) {
    std::cerr << "demarche: " << faults << (faults == 1 ? " plugin fault" : " plugin faults")
              << '\n';
  }
  if (strict_plugins && (plugins_refused || faults != 0)) {
    std::cerr << "demarche: failing because of --strict-plugins\n";
    failed = true;
  }
  return failed;
}

}  // namespace demarche::cli
