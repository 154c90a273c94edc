// `demarche plugins list`: every plugin file found, loaded or refused and why.
#include "plugins_command.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "command_line.hpp"
#include "exit_error.hpp"
#include "plugin_options.hpp"
#include "text_format.hpp"

namespace demarche::cli {
namespace {

constexpr const char* kPluginsUsage =
    "Usage: demarche plugins COMMAND [options]\n\n"
    "Commands:\n"
    "  list    list the plugins found: name, version, API version, path, and\n"
    "          whether each was loaded or refused, and why\n\n"
    "Run 'demarche plugins list --help' for its options.\n";

std::string or_dash(const std::string& text) {
  return text.empty() ? "-" : text;
}

int run_list(const std::vector<std::string>& args, std::ostream& out) {
  const CommandSpec spec{"plugins list", "demarche plugins list [options]",
                         "Loads the plugins as classify would and lists each file found: name,\n"
                         "version, the plugin API version it was built for, path, and 'loaded' or\n"
                         "'refused: REASON'. Exits 1 when any was refused."};
  PluginOptions plugins;
  po::options_description visible("Options");
  add_help_option(visible);
  add_plugin_options(visible, plugins, false);
  const po::variables_map vm = parse_command_line(spec, args, visible);
  if (vm.count("help") != 0) {
    print_help(out, spec, visible);
    return kExitOk;
  }
  check_plugin_options(spec, plugins);
  const std::vector<std::string> paths = resolve_plugin_paths(plugins);
  const std::shared_ptr<const PluginSet> set =
      paths.empty() ? std::make_shared<const PluginSet>() : load_plugins(paths);
  if (set->reports.empty()) {
    out << "No plugins found";
    const bool shipped_only = !plugins.none && plugins.folders.empty() && plugins.files.empty() &&
                              std::getenv("DEMARCHE_PLUGINS") == nullptr;
    if (shipped_only) out << " (looked in " << or_dash(shipped_plugins_path().string()) << ")";
    out << ".\n";
    return kExitOk;
  }
  // A plugin's name and version are the library's bytes: escape and cap them.
  std::vector<std::string> names;
  std::vector<std::string> versions;
  std::size_t name_width = 4;
  std::size_t version_width = 7;
  for (const PluginReport& r : set->reports) {
    names.push_back(or_dash(printable_text(r.name, kShownNameBytes)));
    versions.push_back(or_dash(printable_text(r.version, kShownNameBytes)));
    name_width = std::max(name_width, names.back().size());
    version_width = std::max(version_width, versions.back().size());
  }
  const auto pad = [](const std::string& text, std::size_t width) {
    return text + std::string(width - std::min(width, text.size()) + 2, ' ');
  };
  out << pad("NAME", name_width) << pad("VERSION", version_width) << "API  STATUS   PATH\n";
  bool refused = false;
  for (std::size_t i = 0; i < set->reports.size(); ++i) {
    const PluginReport& r = set->reports[i];
    const std::string path = printable_text(r.path, kShownTextBytes);
    out << pad(names[i], name_width) << pad(versions[i], version_width)
        << pad(or_dash(r.api_version), 3) << (r.loaded ? "loaded   " : "refused  ") << path << '\n';
    if (!r.loaded) {
      out << "    " << printable_text(r.reason, kShownTextBytes) << '\n';
      refused = true;
    }
  }
  return refused ? kExitFailure : kExitOk;
}

}  // namespace

int run_plugins(const std::vector<std::string>& args, Output& output) {
  if (args.empty()) {
    std::cerr << kPluginsUsage;
    return kExitUsage;
  }
  const std::string& sub = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (sub == "list") return run_list(rest, output.stream());
  if (sub == "--help" || sub == "-h" || sub == "help") {
    output.stream() << kPluginsUsage;
    return kExitOk;
  }
  throw UsageError("plugins", "demarche plugins: unknown command '" + sub + "'");
}

}  // namespace demarche::cli
