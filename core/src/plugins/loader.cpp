// load_plugins: find plugin files, check each before and after opening it,
// and report every file, loaded or refused.
#include <dlfcn.h>

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "demarche/plugins.hpp"
#include "plugins/descriptor_symbol.hpp"
#include "plugins/library_registry.hpp"
#include "plugins/permissions.hpp"

namespace demarche {

LoadedPlugin::LoadedPlugin(std::string name, std::string version, std::string path,
                           std::shared_ptr<plugin::Plugin> instance)
    : name_(std::move(name)),
      version_(std::move(version)),
      path_(std::move(path)),
      instance_(std::move(instance)) {}

namespace {

namespace fs = std::filesystem;

// A folder stands for the "*.so" files directly in it, sorted so that load
// order (and so which of two same-named plugins wins) is reproducible.
std::vector<std::string> expand(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() == ".so") found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// dlopen would accept many things and run their initialisers; only an ELF
// file is worth trying, and anything else gets a clearer message than
// dlopen's.
bool starts_like_elf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char magic[4] = {};
  in.read(magic, sizeof magic);
  return in && std::memcmp(magic,
                           "\x7f"
                           "ELF",
                           4) == 0;
}

std::string api_version(const plugin::Descriptor& d) {
  return std::to_string(d.api_major) + "." + std::to_string(d.api_minor);
}

std::string host_api() {
  return std::to_string(plugin::kApiMajor) + "." + std::to_string(plugin::kApiMinor);
}

// Checks the descriptor field by field, cheapest and most basic first. The
// first three fields are read before the size is trusted: they keep their
// place in every API version.
std::string refuse_descriptor(const plugin::Descriptor& d) {
  if (d.api_major != plugin::kApiMajor) {
    return "built for plugin API " + api_version(d) + ", this demarche has API " + host_api() +
           " (the major versions must be equal); rebuild the plugin against this demarche";
  }
  if (d.api_minor > plugin::kApiMinor) {
    return "built for plugin API " + api_version(d) + ", newer than this demarche's " + host_api() +
           "; upgrade demarche or rebuild the plugin against it";
  }
  if (d.descriptor_size != sizeof(plugin::Descriptor)) {
    return "descriptor size " + std::to_string(d.descriptor_size) + " differs from the host's " +
           std::to_string(sizeof(plugin::Descriptor)) +
           " (built against mismatched demarche headers)";
  }
  if (d.build_options == nullptr || std::strcmp(d.build_options, plugin::kBuildOptions) != 0) {
    return std::string("built with options '") +
           (d.build_options == nullptr ? "(none)" : d.build_options) + "', this demarche with '" +
           plugin::kBuildOptions + "' (compiler and C++ library ABI must match)";
  }
  if (d.name == nullptr || *d.name == '\0') return "the descriptor has no name";
  if (d.create == nullptr || d.destroy == nullptr) {
    return "the descriptor has no create or destroy function";
  }
  return {};
}

const char* or_empty(const char* s) {
  return s == nullptr ? "" : s;
}

// Opens and checks one file; on success adds the plugin to `set`.
void load_one(const std::string& path, PluginSet& set) {
  PluginReport& report = set.reports.emplace_back();
  report.path = path;
  auto refuse = [&report](std::string reason) { report.reason = std::move(reason); };

  std::error_code ec;
  if (!fs::exists(path, ec)) return refuse("does not exist");
  if (!fs::is_regular_file(path, ec)) return refuse("not a regular file");
  // Before opening: opening runs the library's initialisers.
  if (std::string unsafe = plugins::unsafe_permissions(path); !unsafe.empty()) {
    return refuse(std::move(unsafe));
  }
  if (!starts_like_elf(path)) return refuse("not a shared library (no ELF header)");

  boost::dll::shared_library library;
  boost::system::error_code open_error;
  // RTLD_LOCAL (Boost's default) and hidden visibility keep each plugin's
  // symbols to itself; RTLD_NOW finds missing symbols here, not mid-run.
  library.load(boost::dll::fs::path(path), boost::dll::load_mode::rtld_now, open_error);
  if (open_error) {
    const char* detail = ::dlerror();
    return refuse(std::string("cannot be opened as a shared library: ") +
                  (detail != nullptr ? detail : open_error.message()));
  }
  if (!library.has(plugin::kDescriptorSymbol)) {
    return refuse(std::string("no '") + plugin::kDescriptorSymbol +
                  "' symbol: not a demarche plugin (export one with DEMARCHE_PLUGIN)");
  }
  const plugins::DescriptorAt at = plugins::find_descriptor(library.native());
  // From here on the library stays open, whatever the verdict: the checks
  // below read its memory, and a refused library costs only address space.
  plugins::keep_open(library);
  if (at.descriptor == nullptr) return refuse(at.reason);
  if (at.readable < offsetof(plugin::Descriptor, name)) {
    return refuse("the descriptor lies at the end of the library's memory, too short to read");
  }
  const plugin::Descriptor& d = *at.descriptor;
  report.api_version = api_version(d);
  if (std::string reason = refuse_descriptor(d); !reason.empty()) return refuse(std::move(reason));
  if (at.readable < sizeof(plugin::Descriptor)) {
    return refuse("the descriptor lies at the end of the library's memory, too short to read");
  }
  report.name = d.name;
  report.version = or_empty(d.version);
  report.licence = or_empty(d.licence);
  report.description = or_empty(d.description);
  for (const auto& loaded : set.plugins) {
    if (loaded->name() == report.name) {
      return refuse("duplicate plugin name '" + report.name + "' (already loaded from " +
                    loaded->path() + ")");
    }
  }
  plugin::Plugin* instance = d.create();
  if (instance == nullptr) {
    return refuse(
        "its create function failed (the plugin's constructor threw or it ran out of memory)");
  }
  auto destroy = d.destroy;
  set.plugins.push_back(std::make_shared<const LoadedPlugin>(
      report.name, report.version, path,
      std::shared_ptr<plugin::Plugin>(instance, [destroy](plugin::Plugin* p) { destroy(p); })));
  report.loaded = true;
}

}  // namespace

std::shared_ptr<const PluginSet> load_plugins(const std::vector<std::string>& paths) {
  auto set = std::make_shared<PluginSet>();
  for (const std::string& file : expand(paths)) load_one(file, *set);
  return set;
}

}  // namespace demarche
