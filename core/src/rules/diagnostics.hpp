// Collecting diagnostics while parsing and compiling rule files.
#pragma once

#include <string>
#include <vector>

#include "demarche/diagnostic.hpp"
#include "rules/ast.hpp"

namespace demarche::rules {

class DiagnosticSink {
 public:
  void error(const SourcePos& pos, std::string code, std::string message);
  void warning(const SourcePos& pos, std::string code, std::string message);

  bool has_errors() const { return demarche::has_errors(diagnostics_); }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// `pos` moved `offset` bytes to the right on the same line.
SourcePos shifted(const SourcePos& pos, std::size_t offset);

}  // namespace demarche::rules
