// Rule files are line-oriented: this splits one into lines the parser reads.
#pragma once

#include <string_view>
#include <vector>

namespace demarche::rules {

struct Line {
  int number = 0;            // 1-based
  std::string_view text;     // the whole line, without "\n" or "\r\n"
  bool indented = false;     // starts with a space or a tab
  std::string_view content;  // without leading and trailing whitespace
  int content_column = 1;    // 1-based column of content's first byte
  bool skip = false;         // blank, or a comment ('#' first after blanks)
};

std::vector<Line> split_lines(std::string_view file_text);

}  // namespace demarche::rules
