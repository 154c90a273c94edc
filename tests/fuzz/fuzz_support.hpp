// fuzz_support.hpp: what every fuzz target shares: the shipped rules and
// plugins loaded once, and the checks of what the public API promises about
// any result. A broken promise aborts, which libFuzzer reports as a crash and
// saves the input that broke it.
#pragma once

#include <demarche/engine.hpp>
#include <demarche/plugins.hpp>
#include <demarche/result.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace demarche::fuzz {

// Turns off the on-disk pattern cache: every fuzz input compiles new rules,
// which would otherwise each leave a file in the cache folder.
void init_environment();

// The shipped plugins (actors, modality) from <binary>/../lib/demarche/plugins,
// loaded once, as cmd/ loads them. Aborts when either is missing or refused: a
// target that silently ran without them would test less than it says.
std::shared_ptr<const PluginSet> shipped_plugins();

// The shipped rules (lint off, as `classify` loads them) with the shipped plugins.
std::shared_ptr<const Engine> shipped_engine();

// The bytes of a file of the source tree, e.g. "rules/actors.tsv".
std::string source_file(const std::string& relative);

// Aborts with `what` when `ok` is false.
void require(bool ok, const char* what);

// The promises of result.hpp about a result of classifying `text` (a
// sentence or a document): spans inside `text`, confidences within
// [kMinConfidence, kMaxConfidence], events highest first, no events with an error.
void check_result(const SentenceResult& result, std::string_view text);

}  // namespace demarche::fuzz
