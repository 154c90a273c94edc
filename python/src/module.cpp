// module.cpp: demarche._core, the compiled half of `import demarche`.
//
// It holds an Engine and hands back plain dicts and lists (to_python.hpp);
// the friendly layer (defaults, exceptions, pandas) is Python, in
// python/demarche/. Every call that classifies more than one text releases
// the GIL while the engine works, so other Python threads run meanwhile.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "char_offsets.hpp"
#include "classify_many.hpp"
#include "eval_json.hpp"
#include "evaluation.hpp"
#include "gold_file.hpp"
#include "json_text.hpp"
#include "loading.hpp"
#include "to_python.hpp"

namespace py = pybind11;

namespace demarche::python {

namespace {

// An Engine and what loading it said, as the Python object `demarche.Engine`.
class PyEngine {
 public:
  PyEngine(Engine engine, std::vector<std::string> plugins, std::string weights)
      : engine_(std::move(engine)), plugins_(std::move(plugins)), weights_(std::move(weights)) {}

  py::dict classify(const std::string& sentence, double threshold, bool explain) const {
    SentenceResult result;
    {
      const py::gil_scoped_release release;
      result = engine_.classify_sentence(sentence);
    }
    return sentence_to_python(sentence, CharOffsets(sentence), 0, result, {threshold, explain});
  }

  py::list classify_document(const std::string& document, double threshold, bool explain) const {
    std::vector<SentenceResult> results;
    {
      const py::gil_scoped_release release;
      results = engine_.classify_document(document);
    }
    return sentences_to_python(document, results, {threshold, explain});
  }

  py::list classify_many(const std::vector<std::string>& texts, std::size_t jobs, double threshold,
                         bool documents, bool explain) const {
    std::vector<std::vector<SentenceResult>> results;
    {
      const py::gil_scoped_release release;
      results = python::classify_many(workers(worker_count(jobs)), texts, documents);
    }
    py::list out;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      py::list sentences = sentences_to_python(texts[i], results[i], {threshold, explain});
      out.append(documents ? py::object(sentences) : py::object(sentences[0]));
    }
    return out;
  }

  py::list segment(const std::string& document) const {
    const CharOffsets offsets(document);
    py::list out;
    for (const Span& span : engine_.segment(document)) {
      out.append(py::make_tuple(offsets(span.begin), offsets(span.end)));
    }
    return out;
  }

  py::list rules() const {
    py::list out;
    for (const RuleInfo& rule : engine_.rules()) out.append(rule_to_python(rule));
    return out;
  }

  py::list event_types() const {
    py::list out;
    for (const EventTypeInfo& type : engine_.event_types()) out.append(event_type_to_python(type));
    return out;
  }

  // `demarche eval --format json` on the same gold files, as its JSON text:
  // the same figures by construction, from the same code (eval/evaluation.hpp).
  std::string evaluate_json(const std::vector<std::string>& gold_paths, double threshold) const {
    const py::gil_scoped_release release;
    std::vector<cli::GoldSentence> gold;
    for (const std::string& path : gold_paths) cli::read_gold_file(path, gold);
    const cli::EvalSettings settings{threshold, false, true};
    cli::Evaluation eval = cli::evaluate(engine_, std::move(gold), gold_paths, plugins_, settings);
    eval.scoring_model = weights_;
    return cli::to_json_text(cli::evaluation_json(eval));
  }

  const std::vector<std::string>& plugins() const { return plugins_; }
  const std::string& weights() const { return weights_; }
  std::string rules_hash() const { return engine_.rules_hash(); }

 private:
  // `count` engines for worker threads: this one, then copies with their
  // own regex caches. The copies are kept for the next call, so that their
  // caches stay warm (fresh ones cost more than a short batch takes).
  std::vector<const Engine*> workers(std::size_t count) const {
    const std::lock_guard<std::mutex> lock(workers_lock_);
    while (workers_.size() + 1 < count) {
      workers_.push_back(std::make_unique<Engine>(engine_.with_own_matcher_state()));
    }
    std::vector<const Engine*> out{&engine_};
    for (std::size_t i = 0; i + 1 < count; ++i) out.push_back(workers_[i].get());
    return out;
  }

  static py::list sentences_to_python(const std::string& text,
                                      const std::vector<SentenceResult>& results,
                                      const ReportOptions& options) {
    const CharOffsets offsets(text);
    py::list out;
    for (std::size_t i = 0; i < results.size(); ++i) {
      out.append(sentence_to_python(text, offsets, i, results[i], options));
    }
    return out;
  }

  Engine engine_;
  mutable std::mutex workers_lock_;
  mutable std::vector<std::unique_ptr<const Engine>> workers_;
  std::vector<std::string> plugins_;
  std::string weights_;
};

// Loads as LoadRequest says; returns (engine or None, diagnostics, plugin reports).
py::tuple load(std::vector<std::string> paths,
               std::vector<std::pair<std::string, std::string>> texts,
               std::vector<std::string> plugins, std::string weights, std::string library_path,
               bool lint, std::size_t base_count) {
  LoadRequest request;
  request.paths = std::move(paths);
  for (auto& [name, text] : texts) request.sources.push_back({std::move(name), std::move(text)});
  request.plugins = std::move(plugins);
  request.weights = std::move(weights);
  request.library_path = std::move(library_path);
  request.lint = lint;
  request.base_count = base_count;
  LoadResult result;
  {
    const py::gil_scoped_release release;
    result = load_engine(request);
  }
  py::list diagnostics;
  for (const Diagnostic& d : result.diagnostics) diagnostics.append(diagnostic_to_python(d));
  py::list reports;
  for (const PluginReport& r : result.plugin_reports) {
    reports.append(py::dict(py::arg("path") = r.path, py::arg("loaded") = r.loaded,
                            py::arg("reason") = r.reason, py::arg("name") = r.name,
                            py::arg("version") = r.version));
  }
  py::object engine = py::none();
  if (result.engine) {
    engine = py::cast(std::make_unique<PyEngine>(std::move(*result.engine),
                                                 std::move(result.plugin_names),
                                                 std::move(result.weights_description)));
  }
  return py::make_tuple(engine, diagnostics, reports);
}

}  // namespace

}  // namespace demarche::python

PYBIND11_MODULE(_core, m) {
  using demarche::python::PyEngine;
  m.doc() = "The demarche engine; use the package `demarche`, not this module.";
  py::class_<PyEngine>(m, "Engine")
      .def("classify", &PyEngine::classify, py::arg("sentence"), py::arg("threshold"),
           py::arg("explain"))
      .def("classify_document", &PyEngine::classify_document, py::arg("text"), py::arg("threshold"),
           py::arg("explain"))
      .def("classify_many", &PyEngine::classify_many, py::arg("texts"), py::arg("jobs"),
           py::arg("threshold"), py::arg("documents"), py::arg("explain"))
      .def("segment", &PyEngine::segment, py::arg("text"))
      .def("rules", &PyEngine::rules)
      .def("event_types", &PyEngine::event_types)
      .def("evaluate_json", &PyEngine::evaluate_json, py::arg("gold_paths"), py::arg("threshold"))
      .def_property_readonly("plugins", &PyEngine::plugins)
      .def_property_readonly("weights", &PyEngine::weights)
      .def_property_readonly("rules_hash", &PyEngine::rules_hash);
  m.def("load", &demarche::python::load, py::arg("paths"), py::arg("texts"), py::arg("plugins"),
        py::arg("weights"), py::arg("library_path"), py::arg("lint"), py::arg("base_count"));
}
