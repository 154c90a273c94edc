// to_python.hpp: classification results as plain Python objects.
//
// The dicts carry the fields and names of `demarche classify` JSON Lines
// (docs/cli.md), so code written against one reads the other; only offsets
// differ: here they are code point offsets into the str given (char_offsets.hpp).
#pragma once

#include <pybind11/pybind11.h>

#include <demarche/engine.hpp>
#include <demarche/result.hpp>
#include <string_view>

#include "char_offsets.hpp"

namespace demarche::python {

namespace py = pybind11;

struct ReportOptions {
  double threshold = 0.5;  // events below it are left out, as `--threshold` does
  bool explain = false;    // add the scoring detail and the cancelled rules, as `--explain` does
};

// One sentence as a JSON Lines record without its "id": sentence, start, end,
// text, events (and cancelled, error when there are any). `text` is what the
// spans point into: the sentence itself, or its whole document.
py::dict sentence_to_python(std::string_view text, const CharOffsets& offsets, std::size_t index,
                            const SentenceResult& sentence, const ReportOptions& options);

// Diagnostic as a dict: severity ("error", "warning", "note"), code, file,
// line, column (1-based, in characters of the source line), message, source_line.
py::dict diagnostic_to_python(const Diagnostic& diagnostic);

py::dict rule_to_python(const RuleInfo& rule);
py::dict event_type_to_python(const EventTypeInfo& type);

}  // namespace demarche::python
