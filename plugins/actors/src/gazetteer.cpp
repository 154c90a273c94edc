// Parsing the gazetteer TSV. Run once, in the plugin's constructor.
#include "gazetteer.hpp"

#include <stdexcept>

namespace demarche_actors {
namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool is_code(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

[[noreturn]] void fail(std::size_t line, const std::string& what) {
  throw std::runtime_error("actors.tsv line " + std::to_string(line) + ": " + what);
}

}  // namespace

std::vector<Actor> parse_gazetteer(std::string_view tsv) {
  std::vector<Actor> actors;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < tsv.size()) {
    std::size_t end = tsv.find('\n', start);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_number == 1 || line.empty()) continue;  // the header; a trailing blank line

    const std::vector<std::string_view> fields = split(line, '\t');
    if (fields.size() != 4) fail(line_number, std::to_string(fields.size()) + " columns, not 4");
    // Officials (titles, ministries, governments) help the rules tell who
    // acts (`source: official`) but have no code to annotate with.
    if (fields[1] == "official" && fields[0] == "-") continue;
    if (!is_code(fields[0])) fail(line_number, "code is not three upper-case letters");
    if (fields[1] != "state" && fields[1] != "igo") fail(line_number, "kind is not state or igo");
    if (fields[2].empty()) fail(line_number, "empty name");

    Actor actor;
    actor.code = fields[0];
    actor.igo = fields[1] == "igo";
    actor.name = fields[2];
    actor.keys.emplace_back(fields[2]);
    if (!fields[3].empty()) {
      for (std::string_view alias : split(fields[3], '|')) {
        if (!alias.empty()) actor.keys.emplace_back(alias);
      }
    }
    actors.push_back(std::move(actor));
  }
  return actors;
}

}  // namespace demarche_actors
