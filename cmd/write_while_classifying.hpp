// write_while_classifying.hpp: a huge record, written as it is classified.
//
// An ordinary record is classified whole (classify_record.hpp), then
// written and reported. Its sentences' results take many times its text
// (12 to 16 times on an event-dense document), too much to hold for a huge
// document: such a record is written a sentence at a time instead, each
// sentence handed to the writer and the messages as soon as it is
// classified and then dropped. The output and the messages are the same.
#pragma once

#include <cstddef>
#include <demarche/engine.hpp>

#include "classify_messages.hpp"
#include "record.hpp"
#include "writer.hpp"

namespace demarche::cli {

// A record of at least this much text is written while it is classified.
// Far above any batch of ordinary records (cmd/record_batch.hpp), so that the
// parallel pipeline's workers classify all of those.
inline constexpr std::size_t kWriteWhileClassifyingBytes = std::size_t{4} << 20;

inline bool is_written_while_classified(const Record& record) {
  return record.text.size() >= kWriteWhileClassifyingBytes;
}

// Classifies `record` and writes it with writer.open_record, write_sentence
// and close_record, telling `messages` of each sentence as it goes.
// `record.sentences` is left empty, so the caller then ends the record as it
// ends any other (output.end_record(), then messages.record(record)).
void write_while_classifying(const Engine& engine, Record& record, Writer& writer,
                             ClassifyMessages& messages);

}  // namespace demarche::cli
