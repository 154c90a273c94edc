#include <algorithm>
#include <string_view>

#include "rules/diagnostics.hpp"

namespace demarche {

namespace {

// How much of the offending line a message quotes: enough to see the
// mistake, never a whole 100 MB line (or a whole /proc file) on a terminal.
constexpr std::size_t kExcerptBytes = 160;
constexpr std::size_t kMessageBytes = 600;

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Appends byte `c` as a terminal can show it: control bytes (but tabs,
// which keep the caret aligned) as \xNN.
void append_visible(std::string& out, char c) {
  const auto u = static_cast<unsigned char>(c);
  if ((u < 0x20 && c != '\t') || u == 0x7F) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\x";
    out += kHex[u >> 4];
    out += kHex[u & 0xF];
  } else {
    out += c;
  }
}

}  // namespace

std::string printable(std::string_view text, std::size_t max_bytes) {
  std::string out;
  std::size_t end = std::min(text.size(), max_bytes);
  while (end < text.size() && end > 0 && is_continuation(text[end])) --end;
  for (std::size_t i = 0; i < end; ++i) append_visible(out, text[i]);
  if (end < text.size()) out += "...";
  return out;
}

std::string Diagnostic::to_string() const {
  std::string out = file.empty() ? std::string("<rules>") : printable(file, kMessageBytes);
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  out += is_error() ? ": error[" : is_note() ? ": note[" : ": warning[";
  out += code + "]: " + printable(message, kMessageBytes);
  if (line > 0 && !source_line.empty()) {
    // A window of the line around the column, cut on character boundaries.
    const std::size_t at = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
    std::size_t begin = at > kExcerptBytes / 2 ? at - kExcerptBytes / 2 : 0;
    while (begin > 0 && begin < source_line.size() && is_continuation(source_line[begin])) --begin;
    std::size_t end = std::min(source_line.size(), begin + kExcerptBytes);
    while (end < source_line.size() && end > begin && is_continuation(source_line[end])) --end;
    std::string shown = begin > 0 ? "..." : "";
    std::string pad(shown.size(), ' ');
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t before = shown.size();
      append_visible(shown, source_line[i]);
      // Tabs stay tabs under the caret so it lines up in a terminal.
      if (i < at)
        pad += source_line[i] == '\t' ? std::string("\t") : std::string(shown.size() - before, ' ');
    }
    if (end < source_line.size()) shown += "...";
    out += "\n  " + shown;
    if (column > 0) out += "\n  " + pad + '^';
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
