#include <algorithm>

#include "rules/diagnostics.hpp"

namespace demarche {

std::string Diagnostic::to_string() const {
  std::string out = file.empty() ? std::string("<rules>") : file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  out += is_error() ? ": error[" : ": warning[";
  out += code + "]: " + message;
  if (line > 0 && !source_line.empty()) {
    out += "\n  " + source_line;
    if (column > 0) {
      // Tabs stay tabs under the caret so it lines up in a terminal.
      std::string pad;
      for (int i = 0; i < column - 1 && i < static_cast<int>(source_line.size()); ++i) {
        pad += source_line[static_cast<std::size_t>(i)] == '\t' ? '\t' : ' ';
      }
      out += "\n  " + pad + '^';
    }
  }
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.is_error(); });
}

namespace rules {

namespace {
Diagnostic make(Severity severity, const SourcePos& pos, std::string code, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.file = pos.file;
  d.line = pos.line;
  d.column = pos.column;
  d.message = std::move(message);
  d.source_line = pos.source_line;
  return d;
}
}  // namespace

void DiagnosticSink::error(const SourcePos& pos, std::string code, std::string message) {
  diagnostics_.push_back(make(Severity::kError, pos, std::move(code), std::move(message)));
}

void DiagnosticSink::warning(const SourcePos& pos, std::string code, std::string message) {
  diagnostics_.push_back(make(Severity::kWarning, pos, std::move(code), std::move(message)));
}

SourcePos shifted(const SourcePos& pos, std::size_t offset) {
  SourcePos out = pos;
  out.column += static_cast<int>(offset);
  return out;
}

}  // namespace rules
}  // namespace demarche
