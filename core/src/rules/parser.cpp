#include "rules/parser.hpp"

#include <array>
#include <optional>

#include "rules/lexer.hpp"

namespace demarche::rules {

namespace {

bool is_lower_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_event_name(std::string_view s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  for (char c : s) {
    if (!is_lower_ident_char(c)) return false;
  }
  return true;
}

bool is_define_name(std::string_view s) {
  if (s.empty() || !(s[0] >= 'A' && s[0] <= 'Z')) return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// `type.topic.what`: lower-case parts, at least two, the first starting with a letter.
bool is_rule_id(std::string_view s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  int parts = 1;
  bool part_empty = false;
  for (char c : s) {
    if (c == '.') {
      if (part_empty) return false;
      ++parts;
      part_empty = true;
    } else if (is_lower_ident_char(c)) {
      part_empty = false;
    } else {
      return false;
    }
  }
  return parts >= 2 && !part_empty;
}

SourcePos pos_of(const std::string& file, const Line& line, int column) {
  return SourcePos{file, line.number, column, std::string(line.text)};
}

// Splits "directive rest" at the first blank.
std::pair<std::string_view, std::string_view> split_word(std::string_view s) {
  std::size_t end = 0;
  while (end < s.size() && s[end] != ' ' && s[end] != '\t') ++end;
  std::size_t rest = end;
  while (rest < s.size() && (s[rest] == ' ' || s[rest] == '\t')) ++rest;
  return {s.substr(0, end), s.substr(rest)};
}

constexpr std::array<std::string_view, 17> kRuleKeys = {
    "type",      "weight",  "group",  "description", "cameo",         "plover",
    "reference", "case",    "words",  "source",      "speaker",       "target",
    "match",     "pattern", "unless", "example",     "counterexample"};

class Parser {
 public:
  Parser(const std::string& name, DiagnosticSink& sink) : sink_(sink) { file_.name = name; }

  FileAst parse(std::string_view text) {
    for (const Line& line : split_lines(text)) {
      if (line.skip) continue;
      if (line.indented) {
        body_line(line);
      } else {
        directive(line);
      }
    }
    close_block();
    return std::move(file_);
  }

 private:
  enum class Block { kNone, kEvent, kDefine, kRule, kBroken };

  SourcePos at(const Line& line, std::size_t content_offset = 0) const {
    return pos_of(file_.name, line, line.content_column + static_cast<int>(content_offset));
  }

  void directive(const Line& line) {
    close_block();
    auto [word, rest] = split_word(line.content);
    const std::size_t rest_offset = static_cast<std::size_t>(rest.data() - line.content.data());
    if (word == "import") {
      import_line(line, rest, rest_offset, file_.imports);
    } else if (word == "gazetteer") {
      import_line(line, rest, rest_offset, file_.gazetteers);
    } else if (word == "event") {
      // A bad name is reported and the block read on all the same, so that
      // every other problem of it shows in the same run, and the rules
      // that use the name get no "unknown event type" on top.
      if (!is_event_name(rest)) {
        sink_.error(at(line, rest_offset), "E012",
                    "event name must be lower case letters, digits and '_', starting with a "
                    "letter: '" +
                        std::string(rest) + "'");
      }
      file_.events.push_back(EventAst{std::string(rest), at(line), {}, {}});
      block_ = Block::kEvent;
    } else if (word == "define") {
      define_line(line, rest, rest_offset);
    } else if (word == "rule") {
      // As for an event: report a bad id and read the rule on, so that its
      // weight, patterns and examples are checked in the same run.
      if (!is_rule_id(rest)) {
        sink_.error(at(line, rest_offset), "E012",
                    "rule id must be dotted lower-case parts such as "
                    "'expulsion.diplomats.ordered_out': '" +
                        std::string(rest) + "'");
      }
      RuleAst rule;
      rule.id = std::string(rest);
      rule.pos = at(line, rest_offset);
      file_.rules.push_back(std::move(rule));
      block_ = Block::kRule;
    } else {
      sink_.error(at(line), "E001",
                  "expected 'import', 'gazetteer', 'event', 'define' or 'rule' at the start of "
                  "a line "
                  "(keys belong indented under their block): '" +
                      std::string(word) + "'");
      block_ = Block::kBroken;
    }
  }

  // `import "FILE"` and `gazetteer "FILE"`: a quoted path.
  void import_line(const Line& line, std::string_view rest, std::size_t rest_offset,
                   std::vector<ImportAst>& into) {
    if (rest.size() < 2 || rest.front() != '"' || rest.back() != '"') {
      sink_.error(at(line, rest_offset), "E001",
                  &into == &file_.imports
                      ? "import takes a quoted file name: import \"common.rules\""
                      : "gazetteer takes a quoted file name: gazetteer \"actors.tsv\"");
      return;
    }
    into.push_back(ImportAst{std::string(rest.substr(1, rest.size() - 2)), at(line, rest_offset)});
  }

  void define_line(const Line& line, std::string_view rest, std::size_t rest_offset) {
    auto [name, after] = split_word(rest);
    if (!is_define_name(name)) {
      sink_.error(at(line, rest_offset), "E012",
                  "definition name must be upper case letters, digits and '_', starting with a "
                  "letter: '" +
                      std::string(name) + "'");
      block_ = Block::kBroken;
      return;
    }
    DefineAst def;
    def.name = std::string(name);
    def.pos = at(line, rest_offset);
    if (after.empty()) {
      def.is_list = true;  // word list follows on indented lines
    } else if (after.front() == '=') {
      after.remove_prefix(1);
      while (!after.empty() && (after.front() == ' ' || after.front() == '\t'))
        after.remove_prefix(1);
      if (after.empty()) {
        sink_.error(at(line, line.content.size()), "E001",
                    "definition '" + def.name + "' has nothing after '='");
        block_ = Block::kBroken;
        return;
      }
      def.body = std::string(after);
      def.pos = at(line, static_cast<std::size_t>(after.data() - line.content.data()));
    } else {
      sink_.error(at(line, static_cast<std::size_t>(after.data() - line.content.data())), "E001",
                  "expected '=' after the definition name, or nothing (a word list on the "
                  "indented lines below)");
      block_ = Block::kBroken;
      return;
    }
    define_items_ = 0;
    file_.defines.push_back(std::move(def));
    block_ = Block::kDefine;
  }

  void close_block() {
    if (block_ == Block::kDefine) {
      DefineAst& def = file_.defines.back();
      if (def.is_list && define_items_ == 0) {
        sink_.error(def.pos, "E001",
                    "definition '" + def.name +
                        "' is empty: write '= pattern' or list words on "
                        "indented lines below it");
      }
    }
    block_ = Block::kNone;
  }

  void body_line(const Line& line) {
    switch (block_) {
      case Block::kNone:
        sink_.error(at(line), "E001", "indented line outside any block");
        return;
      case Block::kBroken:
        return;  // the block's header was already reported
      case Block::kDefine:
        define_item(line);
        return;
      case Block::kEvent:
      case Block::kRule:
        key_line(line);
        return;
    }
  }

  void define_item(const Line& line) {
    DefineAst& def = file_.defines.back();
    if (!def.is_list) {
      sink_.error(at(line), "E001",
                  "definition '" + def.name +
                      "' already has a value after '='; a word list "
                      "goes on indented lines under 'define " +
                      def.name + "' with no '='");
      return;
    }
    if (define_items_++ > 0) def.body += '|';
    def.body += std::string(line.content);
  }

  void key_line(const Line& line) {
    const std::string_view content = line.content;
    std::size_t colon = 0;
    while (colon < content.size() &&
           ((content[colon] >= 'a' && content[colon] <= 'z') || content[colon] == '-')) {
      ++colon;
    }
    if (colon == 0 || colon >= content.size() || content[colon] != ':') {
      sink_.error(at(line), "E001", "expected 'key: value'");
      return;
    }
    const std::string key(content.substr(0, colon));
    std::size_t value_start = colon + 1;
    while (value_start < content.size() &&
           (content[value_start] == ' ' || content[value_start] == '\t')) {
      ++value_start;
    }
    Value value{std::string(content.substr(value_start)), at(line, value_start)};
    if (value.text.empty()) {
      sink_.error(at(line, colon), "E001", "key '" + key + "' has no value");
      return;
    }
    if (block_ == Block::kEvent) {
      event_key(key, std::move(value), line);
    } else {
      rule_key(key, std::move(value), line);
    }
  }

  void set_once(std::optional<Value>& slot, const std::string& key, Value value, const Line& line) {
    if (slot) {
      sink_.error(at(line), "E016",
                  "'" + key + "' given more than once (first at line " +
                      std::to_string(slot->pos.line) + ")");
      return;
    }
    slot = std::move(value);
  }

  void event_key(const std::string& key, Value value, const Line& line) {
    EventAst& event = file_.events.back();
    if (key == "prior") {
      set_once(event.prior, key, std::move(value), line);
    } else if (key == "description") {
      set_once(event.description, key, std::move(value), line);
    } else {
      sink_.error(at(line), "E002",
                  "unknown key '" + key + "' in event (known: prior, description)");
    }
  }

  void rule_key(const std::string& key, Value value, const Line& line) {
    RuleAst& rule = file_.rules.back();
    if (key == "type") return set_once(rule.type, key, std::move(value), line);
    if (key == "weight") return set_once(rule.weight, key, std::move(value), line);
    if (key == "group") return set_once(rule.group, key, std::move(value), line);
    if (key == "description") return set_once(rule.description, key, std::move(value), line);
    if (key == "cameo") return set_once(rule.cameo, key, std::move(value), line);
    if (key == "plover") return set_once(rule.plover, key, std::move(value), line);
    if (key == "case") return set_once(rule.case_mode, key, std::move(value), line);
    if (key == "words") return set_once(rule.words_mode, key, std::move(value), line);
    if (key == "source") return set_once(rule.source, key, std::move(value), line);
    if (key == "speaker") return set_once(rule.speaker, key, std::move(value), line);
    if (key == "target") return set_once(rule.target, key, std::move(value), line);
    if (key == "reference") return rule.references.push_back(std::move(value));
    if (key == "match")
      return rule.patterns.push_back({PatternAst::Kind::kMatch, std::move(value)});
    if (key == "pattern")
      return rule.patterns.push_back({PatternAst::Kind::kPattern, std::move(value)});
    if (key == "unless")
      return rule.patterns.push_back({PatternAst::Kind::kUnless, std::move(value)});
    if (key == "example" || key == "counterexample") {
      ExampleAst example;
      example.should_fire = key == "example";
      example.pos = value.pos;
      std::string problem;
      if (!parse_example_markers(value.text, &example.text, &example.marked, &problem)) {
        sink_.error(value.pos, "E010", "example does not parse: " + problem);
        return;
      }
      rule.examples.push_back(std::move(example));
      return;
    }
    std::string known;
    for (std::string_view k : kRuleKeys) {
      known += (known.empty() ? "" : ", ") + std::string(k);
    }
    sink_.error(at(line), "E002", "unknown key '" + key + "' in rule (known: " + known + ")");
  }

  FileAst file_;
  DiagnosticSink& sink_;
  Block block_ = Block::kNone;
  int define_items_ = 0;
};

}  // namespace

bool parse_example_markers(std::string_view written, std::string* text, std::vector<Span>* marked,
                           std::string* problem) {
  text->clear();
  marked->clear();
  std::optional<std::size_t> open;
  for (std::size_t i = 0; i < written.size(); ++i) {
    if (written.compare(i, 2, "[[") == 0) {
      if (open) {
        *problem = "'[[' inside another '[[ ]]'";
        return false;
      }
      open = text->size();
      ++i;
    } else if (written.compare(i, 2, "]]") == 0) {
      if (!open) {
        *problem = "']]' without a matching '[['";
        return false;
      }
      if (*open == text->size()) {
        *problem = "'[[ ]]' marks nothing";
        return false;
      }
      marked->push_back(Span{*open, text->size()});
      open.reset();
      ++i;
    } else {
      text->push_back(written[i]);
    }
  }
  if (open) {
    *problem = "'[[' is never closed with ']]'";
    return false;
  }
  if (text->find_first_not_of(" \t") == std::string::npos) {
    *problem = "the example is empty";
    return false;
  }
  return true;
}

FileAst parse_rule_file(const std::string& name, std::string_view text, DiagnosticSink& sink) {
  // A byte order mark is nothing, as in every other input.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return Parser(name, sink).parse(text);
}

}  // namespace demarche::rules
