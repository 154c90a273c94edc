// demarche/diagnostic.hpp: problems found in rule files, as values.
//
// Loading rules never throws for a problem in the rules themselves: every
// problem in every file is collected as a Diagnostic and returned, so an
// author sees them all in one run.
//
//   for (const demarche::Diagnostic& d : load.diagnostics)
//     std::cerr << d.to_string() << '\n';
//
// Each kind of problem has a stable code (E001..., W101...), listed with its
// meaning in docs/rule-language.md; tools may rely on the codes, not on the
// wording of the messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace demarche {

// A note explains other problems rather than being one: the uses of names a
// failed import would have defined, gathered in one place.
enum class Severity { kError, kWarning, kNote };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;         // stable, e.g. "E008" for an RE2 syntax error
  std::string file;         // path as given by the caller, or "<string>"
  int line = 0;             // 1-based; 0 when the problem has no position
  int column = 0;           // 1-based byte column within the line
  std::string message;      // one line, no trailing period
  std::string source_line;  // the offending line, without its newline

  bool is_error() const { return severity == Severity::kError; }
  bool is_note() const { return severity == Severity::kNote; }

  // "file:line:col: error[E008]: message", then the source line and a caret
  // under the column when both are known.
  std::string to_string() const;
};

// `text` as a terminal can show it, as to_string() shows names, messages and
// source lines: each control byte but the tab as \xNN, and at most
// `max_bytes` bytes of it, cut on a UTF-8 character boundary and followed by
// "..." when cut. For other untrusted names a program prints (plugin names,
// ids from input files).
std::string printable(std::string_view text, std::size_t max_bytes);

// True when any diagnostic is an error (warnings alone do not fail a load).
bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace demarche
