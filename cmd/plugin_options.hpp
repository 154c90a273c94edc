// plugin_options.hpp: which plugins a command runs, and loading them.
//
// In order: --plugins DIR and --plugin FILE (repeatable; both may be given),
// else $DEMARCHE_PLUGINS (paths joined by ':'), else the shipped folder
// <folder of the binary>/../lib/demarche/plugins (build tree and installed
// alike). Never the working folder unless it is named. --no-plugins: none.
#pragma once

#include <demarche/engine.hpp>
#include <demarche/plugins.hpp>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "command_line.hpp"

namespace demarche::cli {

struct PluginOptions {
  std::vector<std::string> folders;  // --plugins
  std::vector<std::string> files;    // --plugin
  bool none = false;                 // --no-plugins
  bool strict = false;               // --strict-plugins: any refusal or fault fails the run
};

// --plugins, --plugin and --no-plugins; with `with_strict`, --strict-plugins.
void add_plugin_options(po::options_description& options, PluginOptions& plugins, bool with_strict);

// Throws UsageError when --no-plugins is given with --plugins or --plugin.
void check_plugin_options(const CommandSpec& spec, const PluginOptions& plugins);

// <folder of /proc/self/exe>/../lib/demarche/plugins, normalised.
std::filesystem::path shipped_plugins_path();

// The paths to load, from the sources above; empty for --no-plugins or when
// no source gives any.
std::vector<std::string> resolve_plugin_paths(const PluginOptions& plugins);

// Loads the plugins (none for --no-plugins) and prints each refusal to `err`.
std::shared_ptr<const PluginSet> load_plugin_set(const PluginOptions& plugins, std::ostream& err);

// Counts plugin faults and prints each plugin's first one to standard error.
class PluginFaults {
 public:
  // `where` names the record, e.g. "record 3".
  void report(const std::vector<PluginFault>& faults, const std::string& where) {
    hold(faults, where);
    print_held();
  }
  // report() in two steps, for faults met while a record is still being
  // written: hold() counts them and keeps the message of each plugin's
  // first; print_held() prints the messages kept, in order.
  void hold(const std::vector<PluginFault>& faults, const std::string& where);
  void print_held();
  std::size_t count() const { return count_; }

 private:
  std::vector<std::string> reported_;  // plugins whose first fault was held or printed
  std::vector<std::string> held_;      // messages not printed yet
  std::size_t count_ = 0;
};

}  // namespace demarche::cli
