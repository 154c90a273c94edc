// Reads rule files and the files they import, parsing each once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/ast.hpp"
#include "rules/diagnostics.hpp"

namespace demarche::rules {

// Where rule text comes from: the file system, or memory in tests. Like
// LevelDB's Env, so the loader never touches the file system itself.
class SourceReader {
 public:
  virtual ~SourceReader() = default;
  // The name of the file that `target`, imported from `importer`, refers to.
  virtual std::string resolve(const std::string& importer, const std::string& target) const = 0;
  // Two names that refer to one file have one identity.
  virtual std::string identity(const std::string& name) const { return name; }
  // The file's text, or nullopt with `error` set.
  virtual std::optional<std::string> read(const std::string& name, std::string* error) const = 0;
};

// A gazetteer file (`gazetteer "actors.tsv"`) as read, not yet parsed.
struct GazetteerText {
  std::string name;  // as it appears in diagnostics
  std::string text;
  std::vector<std::size_t> declared_in;  // the rule files that name it
};

struct ParsedFiles {
  std::vector<FileAst> files;
  std::vector<GazetteerText> gazetteers;
  // visible[i]: indices of the files whose events and definitions file i may
  // use: itself and everything it imports, transitively.
  std::vector<std::vector<std::size_t>> visible;
};

ParsedFiles load_sources(const std::vector<std::string>& roots, const SourceReader& reader,
                         DiagnosticSink& sink);

}  // namespace demarche::rules
