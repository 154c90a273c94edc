#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "plugin_options.hpp"

namespace demarche::fuzz {

void init_environment() {
  setenv("DEMARCHE_CACHE_DIR", "off", 1);
}

void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz check failed: %s\n", what);
  std::abort();
}

std::shared_ptr<const PluginSet> shipped_plugins() {
  static std::shared_ptr<const PluginSet> loaded;  // once: a library is never closed
  if (loaded) return loaded;
  cli::PluginOptions options;
  options.folders.push_back(cli::shipped_plugins_path().string());
  std::shared_ptr<const PluginSet> set = cli::load_plugin_set(options, std::cerr);
  bool actors = false;
  bool modality = false;
  for (const auto& plugin : set->plugins) {
    actors = actors || plugin->name() == "actors";
    modality = modality || plugin->name() == "modality";
  }
  require(actors && modality, "the shipped plugins actors and modality did not both load");
  loaded = set;
  return set;
}

std::shared_ptr<const Engine> shipped_engine() {
  LoadOptions options;
  options.lint = false;
  const Loaded loaded = load_rules({std::string(DEMARCHE_SOURCE_DIR) + "/rules"}, options);
  for (const Diagnostic& d : loaded.diagnostics) std::cerr << d.to_string() << '\n';
  require(loaded.ok(), "the shipped rules did not load");
  return std::make_shared<const Engine>(loaded.engine->with_plugins(shipped_plugins()));
}

std::string source_file(const std::string& relative) {
  std::ifstream in(std::string(DEMARCHE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  require(in.good(), "a source file the target needs is missing");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

namespace {

void check_span(const Span& span, std::string_view text) {
  require(span.begin <= span.end && span.end <= text.size(), "a span lies outside the text");
}

}  // namespace

void check_result(const SentenceResult& result, std::string_view text) {
  check_span(result.span, text);
  require(result.ok() || result.events.empty(), "a sentence with an error has events");
  for (std::size_t i = 0; i < result.events.size(); ++i) {
    const Event& event = result.events[i];
    require(event.confidence >= kMinConfidence && event.confidence <= kMaxConfidence,
            "a confidence lies outside [kMinConfidence, kMaxConfidence]");
    require(i == 0 || result.events[i - 1].confidence >= event.confidence,
            "events are not highest first");
    for (const Evidence& evidence : event.evidence) {
      for (const Span& span : evidence.spans) check_span(span, text);
    }
  }
  for (const Cancellation& cancelled : result.cancelled) {
    for (const Span& span : cancelled.spans) check_span(span, text);
    for (const Span& span : cancelled.unless_spans) check_span(span, text);
  }
}

}  // namespace demarche::fuzz
