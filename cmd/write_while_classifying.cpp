#include "write_while_classifying.hpp"

#include "classify_record.hpp"

namespace demarche::cli {

void write_while_classifying(const Engine& engine, Record& record, Writer& writer,
                             ClassifyMessages& messages) {
  record.sentences.clear();
  writer.open_record(record);
  std::size_t index = 0;
  for_each_sentence_result(engine, record, [&](SentenceResult&& sentence) {
    writer.write_sentence(record, index, sentence);
    messages.sentence(record, index, sentence);
    ++index;
  });
  writer.close_record(record, index);
}

}  // namespace demarche::cli
