#include "record_id.hpp"

#include "text_format.hpp"

namespace demarche::cli {

void append_plain_id(std::string& out, const Record& record) {
  if (record.name_source) {
    append_one_line(out, record.source);
    out += ':';
  }
  append_one_line(out, record.id_text);
}

}  // namespace demarche::cli
