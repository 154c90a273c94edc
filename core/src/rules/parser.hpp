// Parses the text of one rule file into a FileAst, reporting every syntax
// problem it finds (it never stops at the first).
#pragma once

#include <string>
#include <string_view>

#include "rules/ast.hpp"
#include "rules/diagnostics.hpp"

namespace demarche::rules {

FileAst parse_rule_file(const std::string& name, std::string_view text, DiagnosticSink& sink);

// Splits an example sentence written with [[ ]] markers. Returns false (and
// sets `problem`) when the markers are unbalanced or nested.
bool parse_example_markers(std::string_view written, std::string* text, std::vector<Span>* marked,
                           std::string* problem);

}  // namespace demarche::rules
