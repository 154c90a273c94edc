#include "gold_file.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string_view>

#include "exit_error.hpp"
#include "input_file.hpp"

namespace demarche::cli {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

std::string_view trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

std::vector<std::string> parse_labels(std::string_view field) {
  std::vector<std::string> labels;
  std::size_t start = 0;
  while (start <= field.size()) {
    std::size_t comma = field.find(',', start);
    if (comma == std::string_view::npos) comma = field.size();
    const std::string label(trim(field.substr(start, comma - start)));
    if (!label.empty() && std::find(labels.begin(), labels.end(), label) == labels.end())
      labels.push_back(label);
    start = comma + 1;
  }
  return labels;
}

[[noreturn]] void fail(const std::string& place, const std::string& message) {
  throw ExitError(kExitUsage, "demarche: " + place + ": " + message);
}

// Column positions from the header row.
struct Columns {
  std::size_t count = 0;
  std::size_t text = 0;
  std::size_t labels = 0;
  std::optional<std::size_t> id;
  std::optional<std::size_t> url;
};

Columns read_header(std::string_view header, const std::string& place) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (header.substr(0, kBom.size()) == kBom) header.remove_prefix(kBom.size());
  const std::vector<std::string_view> names = split_tabs(header);
  Columns columns;
  columns.count = names.size();
  std::optional<std::size_t> text;
  std::optional<std::size_t> labels;
  for (std::size_t i = 0; i < names.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (!names[i].empty() && names[j] == names[i])
        fail(place, "column '" + std::string(names[i]) + "' appears twice in the header");
    }
    if (names[i] == "text") text = i;
    if (names[i] == "labels") labels = i;
    if (names[i] == "id") columns.id = i;
    if (names[i] == "url") columns.url = i;
  }
  if (!text || !labels) {
    fail(place, std::string("the header has no '") + (text ? "labels" : "text") +
                    "' column; a gold file needs 'text' and 'labels' columns, tab-separated");
  }
  columns.text = *text;
  columns.labels = *labels;
  return columns;
}

}  // namespace

std::string GoldSentence::name() const {
  return id.empty() ? place() : id;
}

void read_gold_file(const std::string& path, std::vector<GoldSentence>& out) {
  // A gold file is read whole into memory: only a regular file (or standard
  // input, "-"), so that `--gold /dev/zero` is refused, not read for ever.
  if (path != "-") {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
      throw ExitError(kExitUsage, "demarche: cannot read " + path + ": not a regular file");
    }
  }
  InputFile input(path);
  if (!input.ok())
    throw ExitError(kExitUsage, "demarche: cannot open " + path + ": " + input.error_message());
  std::string line;
  std::size_t number = 0;
  std::optional<Columns> columns;
  while (read_line(input.stream(), line)) {
    ++number;
    const std::string place = path + ':' + std::to_string(number);
    if (!columns) {
      columns = read_header(line, place);
      continue;
    }
    if (line.empty()) continue;
    const std::vector<std::string_view> fields = split_tabs(line);
    if (fields.size() != columns->count) {
      fail(place, std::to_string(fields.size()) + (fields.size() == 1 ? " field" : " fields") +
                      ", but the header has " + std::to_string(columns->count) +
                      " (a tab or line break inside a field?)");
    }
    GoldSentence sentence;
    sentence.file = path;
    sentence.line = number;
    if (columns->id) sentence.id = std::string(fields[*columns->id]);
    if (columns->url) sentence.url = std::string(trim(fields[*columns->url]));
    sentence.text = std::string(fields[columns->text]);
    sentence.labels = parse_labels(fields[columns->labels]);
    out.push_back(std::move(sentence));
  }
  if (const std::string error = input.error_message(); !error.empty())
    throw ExitError(kExitUsage, "demarche: cannot read " + path + ": " + error);
  if (!columns)
    fail(path + ":1",
         "empty file; a gold file starts with a header row naming its 'text' and 'labels' columns");
}

}  // namespace demarche::cli
