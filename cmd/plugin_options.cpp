#include "plugin_options.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <system_error>

#include "exit_error.hpp"
#include "rule_paths.hpp"
#include "text_format.hpp"

namespace demarche::cli {

namespace fs = std::filesystem;

void add_plugin_options(po::options_description& options, PluginOptions& plugins,
                        bool with_strict) {
  options.add_options()(
      "plugins", po::value<std::vector<std::string>>(&plugins.folders)->value_name("DIR"),
      "load every *.so plugin in DIR (repeatable); default: $DEMARCHE_PLUGINS, else the "
      "shipped plugins")("plugin",
                         po::value<std::vector<std::string>>(&plugins.files)->value_name("FILE"),
                         "load the plugin FILE (repeatable)")(
      "no-plugins", po::bool_switch(&plugins.none), "run the rules alone");
  if (with_strict) {
    options.add_options()("strict-plugins", po::bool_switch(&plugins.strict),
                          "exit 1 when a plugin is refused or fails on any sentence");
  }
}

void check_plugin_options(const CommandSpec& spec, const PluginOptions& plugins) {
  if (plugins.none && (!plugins.folders.empty() || !plugins.files.empty())) {
    throw UsageError(spec.name, "demarche " + spec.name +
                                    ": --no-plugins cannot be given with --plugins or --plugin");
  }
}

fs::path shipped_plugins_path() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return (exe.parent_path() / ".." / "lib" / "demarche" / "plugins").lexically_normal();
}

std::vector<std::string> resolve_plugin_paths(const PluginOptions& plugins) {
  if (plugins.none) return {};
  if (!plugins.folders.empty() || !plugins.files.empty()) {
    // A named path that is not there is a mistake in the command; a plugin
    // that is there but refused only costs its contribution.
    require_existing_paths(plugins.folders, "plugin", "--plugins");
    require_existing_paths(plugins.files, "plugin", "--plugin");
    std::vector<std::string> paths = plugins.folders;
    paths.insert(paths.end(), plugins.files.begin(), plugins.files.end());
    return paths;
  }
  if (const char* env = std::getenv("DEMARCHE_PLUGINS"); env != nullptr) {
    // Set but empty means "no plugins", so a script can turn them off.
    std::vector<std::string> paths = split_path_list(env);
    require_existing_paths(paths, "plugin", "DEMARCHE_PLUGINS");
    return paths;
  }
  const fs::path shipped = shipped_plugins_path();
  std::error_code ec;
  if (!shipped.empty() && fs::is_directory(shipped, ec)) return {shipped.string()};
  return {};
}

std::shared_ptr<const PluginSet> load_plugin_set(const PluginOptions& plugins, std::ostream& err) {
  const std::vector<std::string> paths = resolve_plugin_paths(plugins);
  if (paths.empty()) return std::make_shared<const PluginSet>();
  std::shared_ptr<const PluginSet> set = load_plugins(paths);
  for (const PluginReport& report : set->reports) {
    if (!report.loaded)
      err << "demarche: plugin " << printable_text(report.path, kShownTextBytes)
          << " refused: " << printable_text(report.reason, kShownTextBytes) << '\n';
  }
  return set;
}

void PluginFaults::hold(const std::vector<PluginFault>& faults, const std::string& where) {
  for (const PluginFault& fault : faults) {
    ++count_;
    if (std::find(reported_.begin(), reported_.end(), fault.plugin) != reported_.end()) continue;
    reported_.push_back(fault.plugin);
    held_.push_back("demarche: plugin " + printable_text(fault.plugin, kShownNameBytes) +
                    " failed on " + where + ": " + printable_text(fault.message, kShownTextBytes) +
                    " (its contribution was left out; further faults of this plugin are only "
                    "counted)\n");
  }
}

void PluginFaults::print_held() {
  for (const std::string& message : held_) std::cerr << message;
  held_.clear();
}

}  // namespace demarche::cli
