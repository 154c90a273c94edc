// demarche/plugins.hpp: loading compiled plugins and classifying with them.
//
//   std::shared_ptr<const demarche::PluginSet> set =
//       demarche::load_plugins({"/usr/lib/demarche/plugins"});
//   for (const demarche::PluginReport& r : set->reports)
//     if (!r.loaded) std::cerr << r.path << ": " << r.reason << '\n';
//   demarche::Engine with = engine.with_plugins(set);
//
// Loading never throws for a bad plugin: each file gets a PluginReport,
// loaded or refused with the reason, and the others still load. A library
// once opened is never closed (a plugin's code may still be referenced from
// objects it handed out), so loading the same file twice is harmless but
// costs its memory until the process ends. The rules are in docs/plugins.md.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "demarche/plugin.hpp"

namespace demarche {

// What happened to one plugin file.
struct PluginReport {
  std::string path;
  bool loaded = false;
  std::string reason;       // why it was refused; empty when loaded
  std::string name;         // from the descriptor, when it could be read
  std::string version;      // the plugin's own version
  std::string api_version;  // "MAJOR.MINOR" the plugin was built for, when known
  std::string licence;
  std::string description;
};

// One plugin instance, shared by every Engine that uses it.
class LoadedPlugin {
 public:
  // `instance` is destroyed through its deleter (the plugin's own destroy
  // function, for a loaded library).
  LoadedPlugin(std::string name, std::string version, std::string path,
               std::shared_ptr<plugin::Plugin> instance);

  const std::string& name() const { return name_; }
  const std::string& version() const { return version_; }
  const std::string& path() const { return path_; }
  plugin::Plugin& instance() const { return *instance_; }

 private:
  std::string name_;
  std::string version_;
  std::string path_;
  std::shared_ptr<plugin::Plugin> instance_;
};

struct PluginSet {
  std::vector<PluginReport> reports;                         // one per file, in load order
  std::vector<std::shared_ptr<const LoadedPlugin>> plugins;  // those loaded, in load order
};

// Loads each path: a plugin file (whatever its name), or a folder, meaning
// every "*.so" file directly in it, sorted by name. A path that does not
// exist gets a refused report. Refuses, with the reason and going on with
// the rest: a file or folder writable by group or others, a file that is
// not a shared library, no descriptor symbol, a descriptor of another size,
// another API major or a newer minor, other build options, a name already
// loaded, and a create function that returns null.
std::shared_ptr<const PluginSet> load_plugins(const std::vector<std::string>& paths);

}  // namespace demarche
