// classify_record.hpp: classifying one record, as every classify loop does.
#pragma once

#include <demarche/engine.hpp>

#include "record.hpp"

namespace demarche::cli {

// Fills `record.sentences`; a record whose input could not be used gets none.
inline void classify_record(const Engine& engine, Record& record) {
  record.sentences.clear();
  if (!record.input_error.empty()) return;
  if (record.shape == Shape::kSentence) {
    record.sentences.push_back(engine.classify_sentence(record.text));
  } else {
    record.sentences = engine.classify_document(record.text);
  }
}

}  // namespace demarche::cli
