#include "loading.hpp"

#include <demarche/weights.hpp>
#include <filesystem>

#include "weights_by_type.hpp"

namespace demarche::python {

namespace {

namespace fs = std::filesystem;

// A note, as the command line prints on standard error, for Python's warnings.
Diagnostic note(std::string message) {
  Diagnostic d;
  d.severity = Severity::kNote;
  d.code = "weights";
  d.message = std::move(message);
  return d;
}

// The default of `demarche` (cmd/weights_options.cpp): weights.tsv in the one
// rules folder, used where it was fitted on these rules (per type when only
// some changed); else the authored numbers.
Engine default_weights(const Engine& engine, const std::vector<std::string>& paths,
                       std::size_t base_count, LoadResult& result) {
  result.weights_description = "authored weights";
  std::error_code ec;
  if (base_count != 1 || paths.empty() || !fs::is_directory(paths.front(), ec)) return engine;
  const fs::path file = fs::path(paths.front()) / "weights.tsv";
  if (!fs::is_regular_file(file, ec)) return engine;
  WeightsRead read = read_weights_file(file.string());
  result.diagnostics.insert(result.diagnostics.end(), read.diagnostics.begin(),
                            read.diagnostics.end());
  if (!read.ok()) return engine;
  if (engine.has_rules_hash(read.weights->rules_hash)) {
    result.weights_description = "learned weights (" + file.string() + ")";
    return engine.with_weights(*read.weights);
  }
  const cli::WeightsByType by_type = cli::weights_by_type(engine, *read.weights);
  if (by_type.learned.empty()) {
    result.diagnostics.push_back(note(file.string() +
                                      " was fitted on other rules; scoring with the authored "
                                      "weights (refit it with `demarche calibrate`)"));
    return engine;
  }
  std::string learned;
  for (const std::string& type : by_type.learned) learned += (learned.empty() ? "" : ", ") + type;
  result.diagnostics.push_back(note(file.string() +
                                    " was fitted on other rules: learned weights for " + learned +
                                    " only (their rules are unchanged)"));
  result.weights_description =
      "learned weights for " + learned + " (" + file.string() + "), authored for the rest";
  return engine.with_weights(by_type.kept);
}

}  // namespace

LoadResult load_engine(const LoadRequest& request) {
  LoadResult result;
  LoadOptions options;
  options.lint = request.lint;
  options.library_path = request.library_path;
  Loaded loaded = request.paths.empty() ? compile_rules(request.sources, options)
                                        : load_rules(request.paths, options);
  result.diagnostics = std::move(loaded.diagnostics);
  if (!loaded.ok()) return result;

  Engine engine = *loaded.engine;
  if (!request.plugins.empty()) {
    std::shared_ptr<const PluginSet> plugins = load_plugins(request.plugins);
    result.plugin_reports = plugins->reports;
    for (const auto& plugin : plugins->plugins) result.plugin_names.push_back(plugin->name());
    engine = engine.with_plugins(plugins);
  }

  // Plugins before weights: a weights file names plugin factors (weights.hpp).
  if (request.weights == "authored") {
    result.weights_description = "authored weights";
    result.engine = engine.with_authored_weights();
  } else if (request.weights == "default") {
    result.engine = default_weights(engine, request.paths, request.base_count, result);
  } else {
    WeightsRead read = read_weights_file(request.weights);
    result.diagnostics.insert(result.diagnostics.end(), read.diagnostics.begin(),
                              read.diagnostics.end());
    if (!read.ok()) return result;
    result.weights_description = "learned weights (" + request.weights + ")";
    result.engine = engine.with_weights(*read.weights, &result.diagnostics);
  }
  return result;
}

}  // namespace demarche::python
