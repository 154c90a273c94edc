// demarche/plugin.hpp: the interface a compiled plugin implements.
//
// A plugin is a shared library that exports one Descriptor under the name
// "demarche_plugin_descriptor". The host loads it, checks the descriptor
// (API version, size, build options), calls `create` once, and then calls
// Plugin::process for every sentence, after the rules and before scoring.
// Whatever the plugin adds goes through the same log-odds combination as
// rule evidence (docs/plugins.md, docs/scoring.md).
//
//   class Shouting final : public demarche::plugin::Plugin {
//    public:
//     void process(const demarche::plugin::Sentence& s,
//                  demarche::plugin::Contribution& out) override {
//       if (s.normalized.find("!!!") != std::string_view::npos)
//         out.evidence.push_back({"condemnation", 0.6, {0, s.original.size()}, "shouting"});
//     }
//   };
//   DEMARCHE_PLUGIN(Shouting, "shouting", "1.0.0", "MIT", "Exclamation as a weak cue")
//
// Plugins see only the public headers. Everything here is plain data so
// that the contract is the layout of these structs, which
// kBuildOptions pins (compiler family and C++ library ABI).
#pragma once

#include <boost/dll/alias.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "demarche/invisible.hpp"  // what a plugin folding text itself must drop
#include "demarche/result.hpp"

namespace demarche::plugin {

// The name under which a plugin exports its Descriptor (see DEMARCHE_PLUGIN).
inline constexpr const char* kDescriptorSymbol = "demarche_plugin_descriptor";

// The host accepts a plugin built for its major version and a minor version
// no newer than its own (as GStreamer does).
inline constexpr std::uint32_t kApiMajor = 1;
inline constexpr std::uint32_t kApiMinor = 0;

// What the plugin sees of one sentence.
struct Sentence {
  std::string_view original;    // the sentence's original bytes
  std::string_view normalized;  // typography folded (see docs/rule-language.md); its offsets
                                // may differ from the original's: a plugin that needs
                                // original offsets folds `original` itself, and then drops
                                // what is_dropped_invisible() names, as the engine does
  std::size_t offset = 0;       // of `original` within its document
  // Every rule that fired, counted or not, with spans relative to `original`.
  const std::vector<Evidence>* rule_evidence = nullptr;
  // The events the rules alone would report, before any plugin.
  const std::vector<Event>* rule_events = nullptr;
};

// Evidence for (weight above the type's prior) or against (below it) a type.
struct PluginEvidence {
  std::string event_type;
  double weight = 0.5;  // in (0,1), read like a rule's weight
  Span span;            // relative to Sentence::original
  std::string note;     // why, shown by explain
};

// A key=value attribute for an event type in this sentence, such as
// modality=threatened or source=MLI.
struct Annotation {
  std::string event_type;
  std::string key;
  std::string value;
};

struct Contribution {
  std::vector<PluginEvidence> evidence;
  std::vector<Annotation> annotations;
};

class Plugin {
 public:
  virtual ~Plugin() = default;
  // Called once per sentence, possibly from several threads at once on one
  // Plugin object: keep it const in spirit. May throw; the host reports the
  // exception once and writes the sentence without this plugin's say.
  virtual void process(const Sentence& sentence, Contribution& out) = 0;
};

// Compiler family, major version and C++ library ABI of a build: the host
// refuses a plugin whose string differs from its own.
#if defined(__clang__)
#define DEMARCHE_COMPILER_ID "clang"
#elif defined(__GNUC__)
#define DEMARCHE_COMPILER_ID "gcc"
#else
#define DEMARCHE_COMPILER_ID "other"
#endif
#if defined(_GLIBCXX_USE_CXX11_ABI)
#define DEMARCHE_STDLIB_ABI "libstdc++-cxx11abi=" DEMARCHE_STRINGIFY(_GLIBCXX_USE_CXX11_ABI)
#else
#define DEMARCHE_STDLIB_ABI "stdlib-unknown"
#endif
#define DEMARCHE_STRINGIFY_(x) #x
#define DEMARCHE_STRINGIFY(x) DEMARCHE_STRINGIFY_(x)
inline constexpr const char* kBuildOptions = DEMARCHE_COMPILER_ID ";" DEMARCHE_STDLIB_ABI;

// The one symbol a plugin exports. Plain data and noexcept functions, so
// that no exception and no C++ object with an unknown layout crosses the
// boundary before the host has checked the versions.
struct Descriptor {
  // These three keep their place in every API version, so that a host can
  // read them from any plugin before trusting the rest of the layout.
  std::uint32_t descriptor_size = sizeof(Descriptor);
  std::uint32_t api_major = kApiMajor;
  std::uint32_t api_minor = kApiMinor;
  const char* name = "";  // unique among loaded plugins
  const char* version = "";
  const char* licence = "";
  const char* description = "";
  const char* build_options = kBuildOptions;
  // Returns null on failure (the host refuses the plugin and says so).
  Plugin* (*create)() noexcept = nullptr;
  void (*destroy)(Plugin*) noexcept = nullptr;
};

}  // namespace demarche::plugin

// Exports `CLASS` (default-constructible, deriving from Plugin) as a plugin.
// Use once per shared library, at global namespace scope. The descriptor is
// constant-initialised (no code runs when the library is opened) and
// exported with BOOST_DLL_ALIAS under kDescriptorSymbol, the only symbol a
// plugin needs to make visible (build it with -fvisibility=hidden);
// everything else the macro defines has internal linkage.
#define DEMARCHE_PLUGIN(CLASS, NAME, VERSION, LICENCE, DESCRIPTION)           \
  namespace demarche_plugin_export_ {                                         \
  static ::demarche::plugin::Plugin* create() noexcept {                      \
    try {                                                                     \
      return new CLASS(); /* owned by the host until destroy */               \
    } catch (...) {                                                           \
      return nullptr; /* an exception must not cross the boundary */          \
    }                                                                         \
  }                                                                           \
  static void destroy(::demarche::plugin::Plugin* p) noexcept {               \
    delete p;                                                                 \
  }                                                                           \
  const ::demarche::plugin::Descriptor descriptor{.name = NAME,               \
                                                  .version = VERSION,         \
                                                  .licence = LICENCE,         \
                                                  .description = DESCRIPTION, \
                                                  .create = &create,          \
                                                  .destroy = &destroy};       \
  }                                                                           \
  BOOST_DLL_ALIAS(demarche_plugin_export_::descriptor, demarche_plugin_descriptor)
