#include "to_python.hpp"

#include <pybind11/stl.h>

#include <algorithm>

#include "text_format.hpp"

namespace demarche::python {

namespace {

// Bytes that are not UTF-8 (a span cut inside a character, which the engine
// never makes) show as U+FFFD rather than raising.
py::str decode(std::string_view bytes) {
  PyObject* object =
      PyUnicode_DecodeUTF8(bytes.data(), static_cast<Py_ssize_t>(bytes.size()), "replace");
  if (object == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(object);
}

std::string_view span_text(std::string_view text, const Span& span) {
  const std::size_t begin = std::min(span.begin, text.size());
  const std::size_t end = std::min(std::max(span.end, begin), text.size());
  return text.substr(begin, end - begin);
}

double score(double value) {
  return cli::round_score(value);
}

// `spans` as [[start, end], ...] in code points and `matched` as the text
// under each, under the names `prefix`spans and `prefix`matched.
void add_spans(py::dict& out, std::string_view text, const CharOffsets& offsets,
               const std::vector<Span>& spans, const char* spans_key, const char* matched_key) {
  py::list list;
  py::list matched;
  for (const Span& span : spans) {
    py::list pair;
    pair.append(offsets(span.begin));
    pair.append(offsets(span.end));
    list.append(pair);
    matched.append(decode(span_text(text, span)));
  }
  out[spans_key] = list;
  out[matched_key] = matched;
}

// The value a plugin gave `key` last, as the JSON Lines writer reads it.
const std::string* attribute_value(const Event& event, std::string_view key) {
  for (auto it = event.attributes.rbegin(); it != event.attributes.rend(); ++it) {
    if (it->key == key) return &it->value;
  }
  return nullptr;
}

py::dict evidence_to_python(std::string_view text, const CharOffsets& offsets,
                            const Evidence& evidence, const ReportOptions& options) {
  py::dict out;
  out["rule"] = evidence.rule_id;
  add_spans(out, text, offsets, evidence.spans, "spans", "matched");
  if (!evidence.plugin_note.empty()) out["plugin_note"] = evidence.plugin_note;
  if (options.explain) {
    out["weight"] = score(evidence.weight);
    out["contribution"] = score(evidence.contribution);
    out["counted"] = evidence.counted;
    if (!evidence.note.empty()) out["note"] = evidence.note;
  }
  return out;
}

py::dict event_to_python(std::string_view text, const CharOffsets& offsets, const Event& event,
                         const ReportOptions& options) {
  py::dict out;
  out["type"] = event.type;
  out["confidence"] = score(event.confidence);
  if (options.explain) {
    out["prior"] = score(event.prior);
    out["log_odds"] = score(event.log_odds);
  }
  py::list evidence;
  for (const Evidence& e : event.evidence) {
    // Without explain only what counted towards the confidence, as the CLI shows.
    if (e.counted || options.explain)
      evidence.append(evidence_to_python(text, offsets, e, options));
  }
  out["evidence"] = evidence;
  py::dict attributes;  // each key once, the last plugin's value winning
  for (const Attribute& a : event.attributes) attributes[py::str(a.key)] = a.value;
  out["attributes"] = attributes;
  for (const char* role : {"source", "target"}) {
    const std::string* value = attribute_value(event, role);
    out[role] = value == nullptr || value->empty() ? py::object(py::none()) : py::str(*value);
  }
  return out;
}

py::dict cancellation_to_python(std::string_view text, const CharOffsets& offsets,
                                const Cancellation& c) {
  py::dict out;
  out["rule"] = c.rule_id;
  out["type"] = c.event_type;
  add_spans(out, text, offsets, c.spans, "spans", "matched");
  add_spans(out, text, offsets, c.unless_spans, "unless_spans", "unless_matched");
  if (!c.missing_role.empty()) out["missing_role"] = c.missing_role;
  return out;
}

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

}  // namespace

py::dict sentence_to_python(std::string_view text, const CharOffsets& offsets, std::size_t index,
                            const SentenceResult& sentence, const ReportOptions& options) {
  py::dict out;
  out["sentence"] = index;
  out["start"] = offsets(sentence.span.begin);
  out["end"] = offsets(sentence.span.end);
  out["text"] = decode(sentence.text);
  py::list events;
  for (const Event& event : sentence.events) {
    if (event.confidence + 1e-9 >= options.threshold) {  // the CLI's clears_threshold
      events.append(event_to_python(text, offsets, event, options));
    }
  }
  out["events"] = events;
  if (options.explain) {
    py::list cancelled;
    for (const Cancellation& c : sentence.cancelled) {
      cancelled.append(cancellation_to_python(text, offsets, c));
    }
    out["cancelled"] = cancelled;
  }
  if (!sentence.ok()) out["error"] = sentence.error;
  if (!sentence.plugin_faults.empty()) {
    py::list faults;
    for (const PluginFault& f : sentence.plugin_faults) {
      faults.append(py::dict(py::arg("plugin") = f.plugin, py::arg("message") = f.message));
    }
    out["plugin_faults"] = faults;
  }
  return out;
}

py::dict diagnostic_to_python(const Diagnostic& d) {
  int column = d.column;
  if (column > 0 && static_cast<std::size_t>(column - 1) <= d.source_line.size()) {
    column = static_cast<int>(CharOffsets(d.source_line)(static_cast<std::size_t>(column - 1))) + 1;
  }
  py::dict out;
  out["severity"] = severity_name(d.severity);
  out["code"] = d.code;
  out["file"] = d.file;
  out["line"] = d.line;
  out["column"] = column;
  out["message"] = d.message;
  out["source_line"] = decode(d.source_line);
  out["text"] = decode(d.to_string());
  return out;
}

py::dict rule_to_python(const RuleInfo& rule) {
  py::dict out;
  out["id"] = rule.id;
  out["type"] = rule.event_type;
  out["weight"] = rule.weight;
  out["authored_weight"] = rule.authored_weight;
  out["group"] = rule.group;
  out["description"] = rule.description;
  out["cameo"] = rule.cameo;
  out["plover"] = rule.plover;
  out["references"] = rule.references;
  out["source"] = rule.source;
  out["speaker"] = rule.speaker;
  out["target"] = rule.target;
  out["file"] = rule.file;
  out["line"] = rule.line;
  return out;
}

py::dict event_type_to_python(const EventTypeInfo& type) {
  py::dict out;
  out["name"] = type.name;
  out["prior"] = type.prior;
  out["authored_prior"] = type.authored_prior;
  out["description"] = type.description;
  return out;
}

}  // namespace demarche::python
