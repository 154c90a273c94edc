// The parsed form of one rule file, before names are resolved.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "demarche/engine.hpp"

namespace demarche::rules {

// Where something was written, for diagnostics.
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;  // 1-based byte column
  std::string source_line;
};

// A key's value with the position of its first byte.
struct Value {
  std::string text;
  SourcePos pos;
};

struct PatternAst {
  enum class Kind { kMatch, kPattern, kUnless };
  Kind kind = Kind::kMatch;
  Value value;
};

struct ExampleAst {
  bool should_fire = true;
  std::string text;  // markers removed
  std::vector<Span> marked;
  SourcePos pos;
};

struct RuleAst {
  std::string id;
  SourcePos pos;
  std::optional<Value> type;
  std::optional<Value> weight;
  std::optional<Value> group;
  std::optional<Value> description;
  std::optional<Value> cameo;
  std::optional<Value> plover;
  std::optional<Value> case_mode;
  std::optional<Value> words_mode;
  std::vector<Value> references;
  // Actor classes (gazetteer kinds) that must stand where the one who acts,
  // or the one acted on, stands: "state igo official".
  std::optional<Value> source;
  // The same classes, for the one who says it: the sentence's speaker.
  std::optional<Value> speaker;
  std::optional<Value> target;
  std::vector<PatternAst> patterns;
  std::vector<ExampleAst> examples;
};

struct EventAst {
  std::string name;
  SourcePos pos;
  std::optional<Value> prior;
  std::optional<Value> description;
};

struct DefineAst {
  std::string name;
  SourcePos pos;
  std::string body;  // a regex fragment; a word list is already joined as a|b|c
  bool is_list = false;
};

struct ImportAst {
  std::string target;  // as written
  SourcePos pos;
};

struct FileAst {
  std::string name;  // as it appears in diagnostics
  std::vector<ImportAst> imports;
  std::vector<ImportAst> gazetteers;  // `gazetteer "actors.tsv"`: the actor classes
  std::vector<EventAst> events;
  std::vector<DefineAst> defines;
  std::vector<RuleAst> rules;
};

}  // namespace demarche::rules
