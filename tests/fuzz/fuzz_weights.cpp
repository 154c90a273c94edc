// fuzz_weights: weights files (demarche/weights.hpp), as `classify` reads
// them and `calibrate` writes them.
//
// The input, after expand.hpp's macros, is a weights file. When it parses:
// the round trip weights.hpp promises (parse(format(w)) gives w back, so
// format is then a fixed point), and the shipped engine scoring with the
// weights, on a sentence several rules and both plugins have a say in.
#include <cstddef>
#include <cstdint>
#include <demarche/engine.hpp>
#include <demarche/weights.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "expand.hpp"
#include "fuzz_support.hpp"

namespace {

using namespace demarche;

// The shipped file has 170 entries in 7.5 KB; this is room for 100,000.
constexpr std::size_t kMaxExpandedBytes = std::size_t{4} << 20;

std::shared_ptr<const Engine> g_engine;

// Everything but where an entry was read from (`line`, `source`).
bool same_weights(const LearnedWeights& a, const LearnedWeights& b) {
  if (a.rules_hash != b.rules_hash || a.fitted_on != b.fitted_on || a.l2 != b.l2 ||
      a.min_support != b.min_support || a.entries.size() != b.entries.size())
    return false;
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    const LearnedWeights::Entry& x = a.entries[i];
    const LearnedWeights::Entry& y = b.entries[i];
    if (x.kind != y.kind || x.name != y.name || x.value != y.value || x.authored != y.authored ||
        x.support != y.support || x.fitted != y.fitted)
      return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::init_environment();
  g_engine = fuzz::shipped_engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input =
      fuzz::expand(std::string_view(reinterpret_cast<const char*>(data), size), kMaxExpandedBytes);
  const WeightsRead read = parse_weights(input, "fuzz.tsv");
  if (!read.ok()) {
    fuzz::require(has_errors(read.diagnostics), "a weights file was refused without an error");
    return 0;
  }
  const std::string written = format_weights(*read.weights);
  const WeightsRead again = parse_weights(written, "again.tsv");
  fuzz::require(again.ok(), "a weights file written by format_weights does not parse");
  fuzz::require(same_weights(*read.weights, *again.weights),
                "parse(format(w)) does not give w back");
  fuzz::require(format_weights(*again.weights) == written, "format_weights is not a fixed point");

  std::vector<Diagnostic> warnings;
  const Engine learned = g_engine->with_weights(*read.weights, &warnings);
  fuzz::require(!has_errors(warnings), "with_weights reported an error as a warning");
  static const std::string kSentence =
      "France condemned the attack and threatened to expel two Russian diplomats.";
  fuzz::check_result(learned.classify_sentence(kSentence), kSentence);
  return 0;
}
