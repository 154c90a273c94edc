// Reading data/cues.txt (cue_file.hpp). The file is compiled into the
// plugin, so an error here is a build's mistake; it is still reported with
// its line and column, and the plugin refuses to load rather than run with
// part of its table.
#include "cue_file.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace demarche_modality {
namespace {

constexpr std::size_t kMaxReach = 50;

struct Field {
  std::string_view text;
  std::size_t column = 0;  // 1-based
};

class Failure {
 public:
  Failure(std::size_t line, std::size_t column, std::string message)
      : text_("cues.txt:" + std::to_string(line) + ":" + std::to_string(column) + ": " +
              std::move(message)) {}
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

// 'text' in quotes. (Appended, not `"'" + std::string(text) + "'"`, which
// GCC 12 warns falsely about: -Wrestrict.)
std::string quoted(std::string_view text) {
  return std::string(1, '\'').append(text).append(1, '\'');
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

// The line cut into fields: runs of non-space bytes, where a quoted part
// may hold spaces and '#'; a '#' outside quotes ends the line.
std::vector<Field> fields_of(std::string_view line, std::size_t line_number) {
  std::vector<Field> fields;
  std::size_t i = 0;
  for (;;) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    if (i == line.size() || line[i] == '#') return fields;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
      if (line[i] == '"') {
        const std::size_t close = line.find('"', i + 1);
        if (close == std::string_view::npos) throw Failure(line_number, i + 1, "unclosed '\"'");
        i = close;
      }
      ++i;
    }
    fields.push_back({line.substr(start, i - start), start + 1});
  }
}

class Parser {
 public:
  std::vector<CueSpec> run(std::string_view text) {
    while (!text.empty()) {
      ++line_;
      const std::size_t newline = text.find('\n');
      const std::string_view line = text.substr(0, newline);
      text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
      const std::vector<Field> fields = fields_of(line, line_);
      if (fields.empty()) continue;
      if (fields[0].text == "define") {
        define(fields);
      } else {
        cues_.push_back(cue(fields));
      }
    }
    return std::move(cues_);
  }

 private:
  [[noreturn]] void fail(const Field& at, std::string message) const {
    throw Failure(line_, at.column, std::move(message));
  }

  // The content of a quoted field, its `$name`s replaced; checked to be
  // lists of alternatives, separated by single spaces when `phrase`.
  std::string text_of(const Field& field, bool phrase) const {
    const std::string_view t = field.text;
    if (t.size() < 2 || t.front() != '"' || t.back() != '"') {
      fail(field, "expected a quoted text, found " + quoted(t));
    }
    std::string out;
    for (std::size_t i = 1; i + 1 < t.size(); ++i) {
      if (t[i] != '$') {
        out += t[i];
        continue;
      }
      std::size_t end = i + 1;
      while (end + 1 < t.size() && is_name_char(t[end])) ++end;
      const std::string name(t.substr(i + 1, end - i - 1));
      const auto found = defines_.find(name);
      if (found == defines_.end()) {
        fail({t, field.column + i}, "no name " + quoted("$" + name) + " is defined above");
      }
      out += found->second;
      i = end - 1;
    }
    check_words(field, out, phrase);
    return out;
  }

  void check_words(const Field& field, std::string_view words, bool phrase) const {
    if (std::any_of(words.begin(), words.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      fail(field, quoted(words) + " has an upper-case letter (words are compared lower-cased)");
    }
    if (!phrase && words.find(' ') != std::string_view::npos) {
      fail(field, quoted(words) + " must be one word's alternatives, without spaces");
    }
    // Every word and every alternative non-empty: no "||", no leading or
    // trailing '|' or ' ', no two spaces.
    char previous = ' ';
    for (const char c : words) {
      if ((c == '|' || c == ' ') && (previous == '|' || previous == ' ')) {
        fail(field, quoted(words) + " has an empty word or alternative");
      }
      previous = c;
    }
    if (previous == '|' || previous == ' ') {
      fail(field, quoted(words) + " has an empty word or alternative");
    }
  }

  void define(const std::vector<Field>& fields) {
    if (fields.size() != 3) fail(fields[0], "expected: define NAME \"TEXT\"");
    const std::string_view name = fields[1].text;
    if (name.empty() || !std::all_of(name.begin(), name.end(), is_name_char)) {
      fail(fields[1], "a name is lower-case letters, digits and '-', not " + quoted(name));
    }
    std::string text = text_of(fields[2], true);
    if (!defines_.emplace(std::string(name), std::move(text)).second) {
      fail(fields[1], quoted(name) + " is defined twice");
    }
  }

  CueSpec cue(const std::vector<Field>& fields) const {
    if (fields.size() < 4) fail(fields[0], "expected: CLASS SCOPE REACH \"PHRASE\" [OPTION ...]");
    CueSpec spec;
    spec.modality = modality_of(fields[0]);
    spec.scope = scope_of(fields[1]);
    spec.reach = number(fields[2]);
    if (spec.scope == Scope::kClause && spec.reach != 0) {
      fail(fields[2], "a clause cue reaches the whole clause: its reach is 0");
    }
    const std::string phrase = text_of(fields[3], true);
    for (std::size_t start = 0;;) {
      const std::size_t space = phrase.find(' ', start);
      spec.words.push_back(phrase.substr(start, space - start));
      if (space == std::string::npos) break;
      start = space + 1;
    }
    std::vector<std::string_view> seen;
    for (std::size_t i = 4; i < fields.size(); ++i) option(fields[i], &spec, &seen);
    return spec;
  }

  void option(const Field& field, CueSpec* spec, std::vector<std::string_view>* seen) const {
    const std::string_view t = field.text;
    const std::string_view key = t.substr(0, t.find('='));
    if (std::find(seen->begin(), seen->end(), key) != seen->end()) {
      fail(field, "option " + quoted(key) + " is given twice");
    }
    seen->push_back(key);
    const auto value = [&] {
      return Field{t.substr(key.size() + 1), field.column + key.size() + 1};
    };
    if (t == "lower-case") {
      spec->lower_case_only = true;
    } else if (t == "first-word") {
      spec->sentence_initial = true;
    } else if (key == "unless-next" && key.size() < t.size()) {
      spec->not_before = text_of(value(), false);
    } else if (key == "unless-previous" && key.size() < t.size()) {
      spec->not_after = text_of(value(), false);
    } else if (key == "bridge" && key.size() < t.size()) {
      if (spec->scope != Scope::kInfinitive) fail(field, "only an infinitive cue has a bridge");
      const Field v = value();
      const std::size_t colon = v.text.find(':');
      spec->object_reach = number({v.text.substr(0, colon), v.column});
      if (colon != std::string_view::npos) {
        spec->bridge = text_of({v.text.substr(colon + 1), v.column + colon + 1}, false);
      }
    } else {
      fail(field, "unknown option " + quoted(t) +
                      " (bridge=N, bridge=N:\"WORDS\", unless-next=\"WORDS\", "
                      "unless-previous=\"WORDS\", lower-case, first-word)");
    }
  }

  Modality modality_of(const Field& field) const {
    static const std::pair<std::string_view, Modality> kClasses[] = {
        {"hypothetical", Modality::kHypothetical},
        {"negated", Modality::kNegated},
        {"threatened", Modality::kThreatened},
        {"demanded", Modality::kDemanded}};
    for (const auto& [name, modality] : kClasses) {
      if (field.text == name) return modality;
    }
    fail(field, "unknown class " + quoted(field.text) +
                    " (hypothetical, negated, threatened, demanded, or define)");
  }

  Scope scope_of(const Field& field) const {
    static const std::pair<std::string_view, Scope> kScopes[] = {{"adjacent", Scope::kAdjacent},
                                                                 {"near", Scope::kNear},
                                                                 {"infinitive", Scope::kInfinitive},
                                                                 {"clause", Scope::kClause}};
    for (const auto& [name, scope] : kScopes) {
      if (field.text == name) return scope;
    }
    fail(field, "unknown scope " + quoted(field.text) + " (adjacent, near, infinitive, clause)");
  }

  std::size_t number(const Field& field) const {
    const std::string_view t = field.text;
    if (t.empty() || t.size() > 2 ||
        !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      fail(field, "expected a number of words from 0 to 50, found " + quoted(t));
    }
    const std::size_t n = std::stoul(std::string(t));
    if (n > kMaxReach) fail(field, "a reach is at most 50 words, not " + std::string(t));
    return n;
  }

  std::size_t line_ = 0;
  std::map<std::string, std::string, std::less<>> defines_;
  std::vector<CueSpec> cues_;
};

}  // namespace

std::optional<std::vector<CueSpec>> parse_cue_file(std::string_view text, std::string* error) {
  try {
    std::vector<CueSpec> cues = Parser().run(text);
    if (cues.empty()) {
      *error = "cues.txt: no cue";
      return std::nullopt;
    }
    return cues;
  } catch (const Failure& failure) {
    *error = failure.text();
    return std::nullopt;
  }
}

}  // namespace demarche_modality
