// Throughput of Engine::classify_sentence on one core, as `classify --input
// lines` runs it: sentences/s and MB/s over a generated news-like corpus,
// with the shipped rules and with 1000 generated rules.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

#include "corpus.hpp"
#include "demarche/engine.hpp"

namespace {

using demarche::bench::Variety;

const std::vector<std::string>& corpus(Variety variety) {
  static const std::vector<std::string> templates =
      demarche::bench::news_like_sentences(20000, 0.05, 7, Variety::kTemplates);
  static const std::vector<std::string> varied =
      demarche::bench::news_like_sentences(200000, 0.05, 7, Variety::kZipfVocabulary);
  return variety == Variety::kTemplates ? templates : varied;
}

// state.range(0): 0 for the template corpus, 1 for the varied one.
void run(benchmark::State& state, const demarche::Engine& engine) {
  const auto& sentences =
      corpus(state.range(0) == 0 ? Variety::kTemplates : Variety::kZipfVocabulary);
  std::size_t bytes = 0;
  std::size_t events = 0;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::string& s = sentences[i++ % sentences.size()];
    const demarche::SentenceResult r = engine.classify_sentence(s);
    events += r.events.size();
    bytes += s.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());
  state.counters["events_per_sentence"] =
      benchmark::Counter(static_cast<double>(events) / static_cast<double>(state.iterations()));
}

demarche::Loaded must(demarche::Loaded loaded) {
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics) std::cerr << d.to_string() << '\n';
    std::exit(2);
  }
  return loaded;
}

void BM_ShippedRules(benchmark::State& state) {
  static const demarche::Loaded loaded = must(demarche::load_rules({DEMARCHE_RULES_DIR}));
  state.counters["rules"] = static_cast<double>(loaded.engine->rules().size());
  run(state, *loaded.engine);
}
BENCHMARK(BM_ShippedRules)->ArgName("varied")->Arg(0)->Arg(1)->MinTime(3);

void BM_Generated1000Rules(benchmark::State& state) {
  static const demarche::Loaded loaded = must(
      demarche::compile_rules({{"generated.rules", demarche::bench::generated_rules(1000, 11)}}));
  state.counters["rules"] = static_cast<double>(loaded.engine->rules().size());
  run(state, *loaded.engine);
}
BENCHMARK(BM_Generated1000Rules)->ArgName("varied")->Arg(0)->Arg(1)->MinTime(3);

}  // namespace

BENCHMARK_MAIN();
