// record.hpp: one input record on its way from a reader to a writer.
//
// A reader fills in the input side (id, text, pass-through fields), the
// classify loop the sentences, and a writer turns it into output records.
#pragma once

#include <cstddef>
#include <demarche/result.hpp>
#include <string>
#include <vector>

#include "json_text.hpp"

namespace demarche::cli {

// How the text is classified and how many output records it makes.
enum class Shape {
  kSentence,           // --input lines: one sentence, one output record
  kDocumentSentences,  // --input text: a document, one output record per sentence
  kDocument,           // --input jsonl: a document, one output record holding its sentences
};

struct Record {
  Shape shape = Shape::kSentence;
  std::string source;        // the input's name ("-" for standard input), for messages
  std::size_t line = 0;      // 1-based line in `source`; 0 for a whole-file document
  bool name_source = false;  // lines mode with several inputs: records also carry "file"
  Json id;                   // 3, "doc.txt", or a jsonl input's id (null when it has none)
  std::string id_text;       // the id as plain text: a string id as is, anything else as JSON
  // jsonl: an object holding the input's other fields, in input order, to
  // follow the id in the output object; null in the other modes.
  Json passthrough;
  std::string text;         // what was classified; every offset points into it
  std::string input_error;  // why the input could not be classified; else empty
  std::vector<SentenceResult> sentences;

  // True when the record, or any of its sentences, carries an error.
  bool has_error() const {
    if (!input_error.empty()) return true;
    for (const SentenceResult& sentence : sentences) {
      if (!sentence.ok()) return true;
    }
    return false;
  }
};

}  // namespace demarche::cli
