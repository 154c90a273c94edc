// Throughput of Engine::classify_sentence on one core, as `classify --input
// lines` runs it: sentences/s and MB/s over a generated news-like corpus,
// with the shipped rules and with 1000 generated rules; and, when
// DEMARCHE_BENCH_CORPUS names a file of one sentence per line, over it too,
// first seen (a fresh engine) and then warm.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
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

// Classifies `sentences` round and round, one per iteration.
void run(benchmark::State& state, const demarche::Engine& engine,
         const std::vector<std::string>& sentences) {
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

// state.range(0): 0 for the template corpus, 1 for the varied one.
const std::vector<std::string>& corpus_of(const benchmark::State& state) {
  return corpus(state.range(0) == 0 ? Variety::kTemplates : Variety::kZipfVocabulary);
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
  run(state, *loaded.engine, corpus_of(state));
}
BENCHMARK(BM_ShippedRules)->ArgName("varied")->Arg(0)->Arg(1)->MinTime(3);

void BM_Generated1000Rules(benchmark::State& state) {
  static const demarche::Loaded loaded = must(
      demarche::compile_rules({{"generated.rules", demarche::bench::generated_rules(1000, 11)}}));
  state.counters["rules"] = static_cast<double>(loaded.engine->rules().size());
  run(state, *loaded.engine, corpus_of(state));
}
BENCHMARK(BM_Generated1000Rules)->ArgName("varied")->Arg(0)->Arg(1)->MinTime(3);

// Five times the rules: the scan should not be five times slower (the
// goal is under twice as slow as with 1000).
void BM_Generated5000Rules(benchmark::State& state) {
  static const demarche::Loaded loaded = must(
      demarche::compile_rules({{"generated.rules", demarche::bench::generated_rules(5000, 11)}}));
  state.counters["rules"] = static_cast<double>(loaded.engine->rules().size());
  run(state, *loaded.engine, corpus_of(state));
}
BENCHMARK(BM_Generated5000Rules)->ArgName("varied")->Arg(0)->Arg(1)->MinTime(3);

// What a worker thread of `classify -j N` pays before its first sentence:
// a copy of the loaded engine with regexes of its own. The copy shares the
// Vectorscan databases and word lookups (match/piece_set.hpp), so it reads
// no cache file; the first sentence shows that it finds them loaded.
void BM_OwnMatcherState(benchmark::State& state) {
  static const demarche::Loaded loaded = must(demarche::load_rules({DEMARCHE_RULES_DIR}));
  const std::vector<std::string>& sentences = corpus(Variety::kTemplates);
  for (const std::string& s : sentences)
    benchmark::DoNotOptimize(loaded.engine->classify_sentence(s));
  std::size_t i = 0;
  for (auto _ : state) {
    const demarche::Engine own = loaded.engine->with_own_matcher_state();
    benchmark::DoNotOptimize(own.classify_sentence(sentences[i++ % sentences.size()]));
  }
}
BENCHMARK(BM_OwnMatcherState)->Unit(benchmark::kMicrosecond);

// Sentences of the file DEMARCHE_BENCH_CORPUS names, one a line, empty
// lines left out; nothing when it is not set.
std::vector<std::string> corpus_from_file() {
  std::vector<std::string> sentences;
  const char* path = std::getenv("DEMARCHE_BENCH_CORPUS");
  if (path == nullptr) return sentences;
  std::ifstream in(path);
  if (!in) {
    std::cerr << "classify_bench: cannot read DEMARCHE_BENCH_CORPUS=" << path << '\n';
    std::exit(2);
  }
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) sentences.push_back(line);
  }
  if (sentences.empty()) {
    std::cerr << "classify_bench: DEMARCHE_BENCH_CORPUS=" << path << " holds no sentence\n";
    std::exit(2);
  }
  return sentences;
}

// A fresh engine's first pass over the file (its automata built as the text
// needs them), reported as first_pass_bytes_per_second; then warm passes.
void BM_ShippedRulesOnFile(benchmark::State& state, const std::vector<std::string>& sentences) {
  const demarche::Loaded loaded = must(demarche::load_rules({DEMARCHE_RULES_DIR}));
  std::size_t first_pass_bytes = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const std::string& s : sentences) {
    benchmark::DoNotOptimize(loaded.engine->classify_sentence(s));
    first_pass_bytes += s.size();
  }
  const double first_pass_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run(state, *loaded.engine, sentences);
  state.counters["sentences"] = static_cast<double>(sentences.size());
  state.counters["first_pass_bytes_per_second"] =
      static_cast<double>(first_pass_bytes) / first_pass_seconds;
}

}  // namespace

int main(int argc, char** argv) {
  // Read before anything runs, so that a bad file fails at once.
  static const std::vector<std::string> file_sentences = corpus_from_file();
  if (!file_sentences.empty()) {
    benchmark::RegisterBenchmark("BM_ShippedRulesOnFile", BM_ShippedRulesOnFile, file_sentences)
        ->MinTime(3);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
