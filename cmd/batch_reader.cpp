#include "batch_reader.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <istream>
#include <memory>

#include "input_file.hpp"
#include "reader.hpp"

namespace demarche::cli {
namespace {

// True unless `name` is a regular file: a pipe or a terminal may make the
// reader wait, and the records read so far must not wait with it.
bool may_wait(const std::string& name) {
  struct stat info {};
  const int status = name == "-" ? ::fstat(STDIN_FILENO, &info) : ::stat(name.c_str(), &info);
  return status != 0 || !S_ISREG(info.st_mode);
}

}  // namespace

void BatchReader::run() noexcept {
  try {
    for (const std::string& name : options_.files) {
      if (!read_input(name)) return;
    }
    if (have_batch()) send(true);
  } catch (...) {
    // Reported by the writer after the records before it, as the serial loop
    // would have. Taking a batch does not throw.
    if (!have_batch()) return;
    batch_->failure = std::current_exception();
    send(true);
  }
}

bool BatchReader::read_input(const std::string& name) {
  if (!have_batch()) return false;
  InputFile input(name);
  if (!input.ok()) {
    batch_->events.push_back(
        {InputEvent::Kind::kOpenFailed, batch_->size(), name, input.error_message()});
    return true;
  }
  const bool jsonl = options_.input == InputMode::kJsonl;
  const bool name_source = options_.input == InputMode::kLines && options_.files.size() > 1;
  const bool waits = may_wait(name);
  const std::unique_ptr<Reader> reader =
      jsonl ? nullptr : make_reader(options_.input, input.stream(), name, options_.first_line);
  std::size_t line = options_.first_line - 1;
  for (;;) {
    if (stopping_.load(std::memory_order_relaxed) || !have_batch()) return false;
    RecordSlot& slot = batch_->open_slot();
    Record& record = slot.record;
    if (jsonl) {
      // Split only; a worker decodes (JsonlLineDecoder). No '\r' is dropped
      // here: the jsonl reader drops it there.
      if (!std::getline(input.stream(), slot.raw)) break;
      if (line == options_.first_line - 1) skip_byte_order_mark(slot.raw);
      slot.raw.push_back('\n');
      record.line = ++line;
    } else if (!reader->next(record)) {
      break;
    }
    record.source = name;
    record.name_source = name_source;
    batch_->commit(jsonl ? slot.raw.size() : record.text.size());
    // Send what is read before waiting for more, so that lines typed at a
    // terminal are answered at once, as with one thread.
    if (batch_->full() || (waits && input.stream().rdbuf()->in_avail() <= 0)) send(false);
  }
  batch_->events.push_back(
      {InputEvent::Kind::kFileEnd, batch_->size(), name, input.error_message()});
  return true;
}

bool BatchReader::have_batch() {
  if (batch_ != nullptr) return true;
  const std::optional<RecordBatch*> batch = free_.pop();
  if (!batch || stopping_.load(std::memory_order_relaxed)) return false;
  batch_ = *batch;
  batch_->reset(sequence_++);
  return true;
}

void BatchReader::send(bool last) {
  batch_->last = last;
  work_.push(batch_);
  batch_ = nullptr;
}

}  // namespace demarche::cli
