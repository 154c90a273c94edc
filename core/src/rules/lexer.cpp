#include "rules/lexer.hpp"

namespace demarche::rules {

namespace {
bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
}  // namespace

std::vector<Line> split_lines(std::string_view file_text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  int number = 0;
  while (start < file_text.size()) {
    std::size_t end = file_text.find('\n', start);
    if (end == std::string_view::npos) end = file_text.size();
    Line line;
    line.number = ++number;
    line.text = file_text.substr(start, end - start);
    if (!line.text.empty() && line.text.back() == '\r') line.text.remove_suffix(1);
    std::size_t first = 0;
    while (first < line.text.size() && is_blank(line.text[first])) ++first;
    std::size_t last = line.text.size();
    while (last > first && is_blank(line.text[last - 1])) --last;
    line.indented = first > 0;
    line.content = line.text.substr(first, last - first);
    line.content_column = static_cast<int>(first) + 1;
    line.skip = line.content.empty() || line.content.front() == '#';
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

}  // namespace demarche::rules
