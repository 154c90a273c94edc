// loading.hpp: an engine from rules, plugins and weights, as `demarche` builds one.
//
// The choices mirror the command line's (cmd/rule_loading.cpp,
// cmd/plugin_options.cpp, cmd/weights_options.cpp) with the places passed
// in: the Python package knows where it was installed, and tells us where the
// shipped rules and plugins are (python/demarche/__init__.py).
#pragma once

#include <demarche/engine.hpp>
#include <demarche/plugins.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace demarche::python {

struct LoadRequest {
  std::vector<std::string> paths;    // rule files and folders; or
  std::vector<RuleSource> sources;   // rule text (used when `paths` is empty)
  std::vector<std::string> plugins;  // plugin files and folders; empty: none
  std::string weights = "default";   // "default", "authored" or a weights file
  std::string library_path;          // the shipped rules, for `import "demarche:..."`
  // The first base_count paths are the rules; the rest were added to them
  // ("+PATH") and do not change where the default weights are looked for.
  std::size_t base_count = 0;
  bool lint = false;  // warnings W1xx as well, as `rules check`
};

struct LoadResult {
  std::optional<Engine> engine;              // empty when the rules or weights did not load
  std::vector<Diagnostic> diagnostics;       // rules and weights; errors, warnings, notes
  std::vector<PluginReport> plugin_reports;  // one per plugin file, loaded or refused
  std::vector<std::string> plugin_names;     // those loaded, in load order
  std::string weights_description;           // "authored weights", "learned weights (PATH)"
};

LoadResult load_engine(const LoadRequest& request);

}  // namespace demarche::python
