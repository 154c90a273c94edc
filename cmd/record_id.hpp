// record_id.hpp: a record's id as one line of plain text (tsv and text formats).
#pragma once

#include <string>

#include "record.hpp"

namespace demarche::cli {

// Record::id_text (a string id decoded, anything else as JSON); lines read
// from several inputs as "file:line". Tabs and newlines become spaces.
void append_plain_id(std::string& out, const Record& record);

}  // namespace demarche::cli
