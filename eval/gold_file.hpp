// gold_file.hpp: reading labelled sentences (gold files) for `demarche eval`,
// `demarche calibrate` and `demarche rules stats`.
//
// A gold file is tab-separated UTF-8 with a header row: a `text` column (one
// sentence) and a `labels` column (event types separated by commas, empty
// for none) are required, an `id` column is used when present, a `url`
// column (the page the sentence came from) groups sentences into whole
// pages for cross-validation, and any other column is ignored. There is no quoting: a `"` is an
// ordinary character, and a field holds no tab or line break (as in the files under shared/data).
// A line may end in CRLF; a UTF-8 byte order mark before the header is
// skipped; entirely empty lines are skipped. The reader knows nothing of the
// rules: whether a label names a known event type is for the caller to say.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace demarche::cli {

struct GoldSentence {
  std::string file;      // as named on the command line
  std::size_t line = 0;  // 1-based line in `file` (the header is line 1)
  std::string id;        // the `id` field; empty when the file has no `id` column
  std::string url;       // the `url` field, spaces trimmed; empty when absent or blank
  std::string text;
  std::vector<std::string> labels;  // as written, spaces trimmed, no empty or repeated ones

  // The id when there is one, else FILE:LINE: how a sentence is named in reports.
  std::string name() const;
  std::string place() const { return file + ':' + std::to_string(line); }
};

// Reads `path` ("-" is standard input) and appends its sentences to `out`.
// Throws ExitError (exit 2) naming the file, and the line when there is one:
// a file that cannot be opened or read, no header, no `text` or `labels`
// column, a column named twice, a row whose field count differs from the
// header's.
void read_gold_file(const std::string& path, std::vector<GoldSentence>& out);

}  // namespace demarche::cli
