// fuzz_rules: rule files, as `rules check`, `rules test` and `eval` use them.
//
// The input, after expand.hpp's macros, is up to three rule files and one
// gazetteer separated by NUL bytes, named a.rules, b.rules, c.rules and
// g.tsv, so that `import "b.rules"` and `gazetteer "g.tsv"` find each other;
// the shipped rules/actors.tsv is there too, as actors.tsv. When they
// compile: every example and counterexample (Engine::test_examples, with
// the shipped plugins as `rules test` runs them), each example classified
// as a sentence and as a document, and the near misses of each of the
// example's event types.
#include <cstddef>
#include <cstdint>
#include <demarche/engine.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "expand.hpp"
#include "fuzz_support.hpp"

namespace {

using namespace demarche;

// A chain of 10,000 definitions is about 250 KB; far above a real rule file
// set of ~270 KB, small enough for an input to take well under a second.
constexpr std::size_t kMaxExpandedBytes = std::size_t{1} << 20;
// Near misses search every piece of a type's rules with its own regex, by
// design slow; a few examples show whether they work.
constexpr std::size_t kMaxNearMissExamples = 8;

std::string g_actors;
std::shared_ptr<const PluginSet> g_plugins;

// What the promise of diagnostic.hpp and diagnostic.cpp means on a terminal:
// no control byte but the line breaks between message, excerpt and caret
// (tabs stay, to align the caret), and an excerpt of at most 160 bytes, each
// shown as at most four ("\xNN"), with "..." on either side.
void check_diagnostic(const Diagnostic& diagnostic) {
  const std::string shown = diagnostic.to_string();
  std::size_t line_start = 0;
  int line_number = 0;
  for (std::size_t i = 0; i <= shown.size(); ++i) {
    if (i < shown.size() && shown[i] != '\n') {
      const auto u = static_cast<unsigned char>(shown[i]);
      fuzz::require((u >= 0x20 || u == '\t') && u != 0x7F, "a diagnostic shows a raw control byte");
      continue;
    }
    if (line_number > 0) {
      fuzz::require(i - line_start <= 2 + 3 + 4 * 160 + 3, "a diagnostic quotes too much");
    }
    ++line_number;
    line_start = i + 1;
  }
  fuzz::require(line_number <= 3, "a diagnostic has more than three lines");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::init_environment();
  g_actors = fuzz::source_file("rules/actors.tsv");
  g_plugins = fuzz::shipped_plugins();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input =
      fuzz::expand(std::string_view(reinterpret_cast<const char*>(data), size), kMaxExpandedBytes);
  static const char* const kNames[] = {"a.rules", "b.rules", "c.rules", "g.tsv"};
  std::vector<RuleSource> sources;
  std::size_t start = 0;
  for (const char* name : kNames) {
    if (start > input.size()) break;
    std::size_t end = input.find('\0', start);
    if (end == std::string::npos || name == kNames[3]) end = input.size();
    sources.push_back({name, input.substr(start, end - start)});
    start = end + 1;
  }
  sources.push_back({"actors.tsv", g_actors});

  LoadOptions options;
  // Small enough that the set's budget (E017) can be reached, large enough
  // for any rule set of a few hundred pieces.
  options.set_memory_bytes = std::int64_t{32} << 20;
  const Loaded loaded = compile_rules(sources, options);
  for (const Diagnostic& diagnostic : loaded.diagnostics) check_diagnostic(diagnostic);
  fuzz::require(loaded.ok() == !has_errors(loaded.diagnostics),
                "an engine was built despite errors, or none without any");
  if (!loaded.ok()) return 0;

  const Engine engine = loaded.engine->with_plugins(g_plugins);
  const std::vector<ExampleFailure> failures = engine.test_examples();
  std::size_t examples = 0;
  for (const RuleInfo& rule : engine.rules()) examples += rule.examples.size();
  fuzz::require(failures.size() <= examples, "more example failures than examples");

  std::size_t near_miss_examples = 0;
  for (const RuleInfo& rule : engine.rules()) {
    for (const ExampleInfo& example : rule.examples) {
      fuzz::check_result(engine.classify_sentence(example.text), example.text);
      for (const SentenceResult& sentence : engine.classify_document(example.text))
        fuzz::check_result(sentence, example.text);
      if (near_miss_examples++ >= kMaxNearMissExamples) continue;
      for (const NearMiss& miss : engine.near_misses(example.text, rule.event_type)) {
        fuzz::require(miss.closeness >= 0 && miss.closeness <= 1, "closeness outside [0,1]");
        for (const NearMissPiece& piece : miss.pieces) {
          for (const Span& span : piece.found) {
            fuzz::require(span.begin <= span.end && span.end <= example.text.size(),
                          "a near miss's span lies outside the sentence");
          }
        }
      }
    }
  }
  return 0;
}
