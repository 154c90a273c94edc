#include "rules/gazetteer.hpp"

#include <re2/re2.h>

#include <algorithm>

namespace demarche::rules {
namespace {

constexpr std::string_view kHeader = "code\tkind\tname\taliases";

bool is_kind(std::string_view s) {
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

class RowReader {
 public:
  RowReader(const GazetteerText& file, DiagnosticSink& sink) : file_(file), sink_(sink) {}

  std::vector<ActorKey> run() {
    // A byte order mark is nothing, as in every other input.
    std::size_t start = std::string_view(file_.text).starts_with("\xEF\xBB\xBF") ? 3 : 0;
    int number = 0;
    while (start < file_.text.size()) {
      std::size_t end = file_.text.find('\n', start);
      if (end == std::string::npos) end = file_.text.size();
      std::string_view line(file_.text.data() + start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++number;
      if (number == 1) {
        if (line != kHeader)
          error(number, line, 0,
                "the first line must be the header 'code<TAB>kind<TAB>name<TAB>aliases'");
      } else if (!line.empty()) {
        row(number, line);
      }
      start = end + 1;
    }
    if (number == 0) error(1, "", 0, "the gazetteer is empty; it needs at least its header");
    return std::move(keys_);
  }

 private:
  void row(int number, std::string_view line) {
    std::vector<std::string_view> fields;
    std::vector<std::size_t> columns;
    std::size_t from = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', from);
      fields.push_back(
          line.substr(from, tab == std::string_view::npos ? std::string_view::npos : tab - from));
      columns.push_back(from);
      if (tab == std::string_view::npos) break;
      from = tab + 1;
    }
    if (fields.size() != 4) {
      error(number, line, 0,
            std::to_string(fields.size()) +
                " tab-separated columns, not 4 (code, kind, name, aliases)");
      return;
    }
    const std::string_view kind = fields[1];
    if (!is_kind(kind)) {
      error(number, line, columns[1],
            "kind must be lower-case letters, digits and '_' (state, igo, official): '" +
                std::string(kind) + "'");
      return;
    }
    if (fields[2].empty()) {
      error(number, line, columns[2], "the name is empty");
      return;
    }
    keys_.push_back(ActorKey{std::string(kind), std::string(fields[2])});
    std::size_t at = 0;
    const std::string_view aliases = fields[3];
    if (aliases.empty()) return;
    for (;;) {
      const std::size_t bar = aliases.find('|', at);
      const std::string_view alias =
          aliases.substr(at, bar == std::string_view::npos ? std::string_view::npos : bar - at);
      if (alias.empty()) {
        error(number, line, columns[3] + at, "an empty alias (two '|' in a row, or one at an end)");
      } else {
        keys_.push_back(ActorKey{std::string(kind), std::string(alias)});
      }
      if (bar == std::string_view::npos) break;
      at = bar + 1;
    }
  }

  void error(int number, std::string_view line, std::size_t column, const std::string& message) {
    sink_.error(SourcePos{file_.name, number, static_cast<int>(column) + 1, std::string(line)},
                "E018", "gazetteer: " + message);
  }

  const GazetteerText& file_;
  DiagnosticSink& sink_;
  std::vector<ActorKey> keys_;
};

}  // namespace

std::vector<ActorKey> parse_gazetteer(const GazetteerText& file, DiagnosticSink& sink) {
  return RowReader(file, sink).run();
}

std::vector<std::vector<ActorKey>> parse_gazetteers(const ParsedFiles& files,
                                                    DiagnosticSink& sink) {
  std::vector<std::vector<ActorKey>> out;
  out.reserve(files.gazetteers.size());
  for (const GazetteerText& g : files.gazetteers) out.push_back(parse_gazetteer(g, sink));
  return out;
}

namespace {

// Whether `key` holds an upper-case or title-case letter of any script. An
// ASCII key is read directly (\p{Lt} has no ASCII member): asking RE2 for
// each of the gazetteer's thousands of keys was a tenth of start-up.
bool has_capital(const std::string& key) {
  const auto ascii = [](char c) { return static_cast<unsigned char>(c) < 0x80; };
  if (std::all_of(key.begin(), key.end(), ascii)) {
    return std::any_of(key.begin(), key.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  }
  static const RE2 capital(R"(\p{Lu}|\p{Lt})");
  return RE2::PartialMatch(key, capital);
}

// Appends `key` quoted as RE2::QuoteMeta quotes it (a backslash before each
// ASCII byte that is not a letter, digit or '_', "\\x00" for NUL, UTF-8 as
// it is), without a string per key: the gazetteer has thousands of keys.
void append_quoted(std::string& out, std::string_view key) {
  for (const char c : key) {
    const auto u = static_cast<unsigned char>(c);
    const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                       u == '_' || u >= 0x80;
    if (plain) {
      out += c;
    } else if (u == 0) {
      out += "\\x00";
    } else {
      out += '\\';
      out += c;
    }
  }
}

}  // namespace

std::string actor_keys_pattern(std::vector<std::string> keys) {
  std::sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::string pattern;
  for (const std::string& key : keys) {
    if (!pattern.empty()) pattern += '|';
    // Any capital counts, "Ç" and "É" as much as "C" and "E": "Çavuşoğlu"
    // in any case would also be a piece RE2 must search letter by letter
    // (literal_piece.hpp folds case only within Latin-1).
    const bool any_case = !has_capital(key);
    pattern += any_case ? "(?i:" : "(?-i:";
    append_quoted(pattern, key);
    pattern += ')';
  }
  return pattern;
}

}  // namespace demarche::rules
