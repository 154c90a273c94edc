// classify_record.hpp: classifying one record, as every classify loop does.
#pragma once

#include <demarche/engine.hpp>
#include <functional>

#include "record.hpp"

namespace demarche::cli {

// Hands `each` the result of every sentence of `record`, in order, as each
// is classified; a record whose input could not be used has none.
inline void for_each_sentence_result(const Engine& engine, const Record& record,
                                     const std::function<void(SentenceResult&&)>& each) {
  if (!record.input_error.empty()) return;
  if (record.shape == Shape::kSentence) {
    each(engine.classify_sentence(record.text));
  } else {
    engine.classify_document(record.text, each);
  }
}

// Fills `record.sentences`; a record whose input could not be used gets none.
inline void classify_record(const Engine& engine, Record& record) {
  record.sentences.clear();
  for_each_sentence_result(engine, record, [&](SentenceResult&& sentence) {
    record.sentences.push_back(std::move(sentence));
  });
}

}  // namespace demarche::cli
