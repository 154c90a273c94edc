// Cost of `classify --format jsonl` output alone: the JSONL writer formatting
// records that were classified beforehand (shipped rules and plugins, on the
// generated news-like corpus, as `--input lines` makes them), into a stream
// that throws the bytes away. Time per iteration is time per record.
// Argument: 0 for the default output, 1 for --explain.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <ostream>
#include <streambuf>

#include "../../cmd/writer.hpp"
#include "corpus.hpp"
#include "demarche/engine.hpp"
#include "demarche/plugins.hpp"

namespace {

using demarche::cli::Record;

// A stream buffer that counts the bytes and keeps none of them.
class DiscardBuf final : public std::streambuf {
 public:
  std::size_t bytes() const { return bytes_; }

 protected:
  std::streamsize xsputn(const char*, std::streamsize count) override {
    bytes_ += static_cast<std::size_t>(count);
    return count;
  }
  int_type overflow(int_type c) override {
    ++bytes_;
    return traits_type::not_eof(c);
  }

 private:
  std::size_t bytes_ = 0;
};

// 2000 lines of the corpus classified, one record each, numbered from 1.
const std::vector<Record>& records() {
  static const std::vector<Record> made = [] {
    const demarche::Loaded loaded = demarche::load_rules({DEMARCHE_RULES_DIR});
    if (!loaded.ok()) {
      for (const auto& d : loaded.diagnostics) std::cerr << d.to_string() << '\n';
      std::exit(2);
    }
    const demarche::Engine engine =
        loaded.engine->with_plugins(demarche::load_plugins({DEMARCHE_SHIPPED_PLUGINS}));
    std::vector<Record> out;
    std::size_t line = 0;
    for (std::string& text : demarche::bench::news_like_sentences(
             2000, 0.05, 11, demarche::bench::Variety::kTemplates)) {
      Record record;
      record.id = ++line;
      record.line = line;
      record.sentences.push_back(engine.classify_sentence(text));
      record.text = std::move(text);
      out.push_back(std::move(record));
    }
    return out;
  }();
  return made;
}

void BM_JsonlWriter(benchmark::State& state) {
  DiscardBuf sink;
  std::ostream out(&sink);
  demarche::cli::ReportOptions options;
  options.explain = state.range(0) == 1;
  const std::unique_ptr<demarche::cli::Writer> writer =
      demarche::cli::make_jsonl_writer(out, options);
  const std::vector<Record>& input = records();
  std::size_t i = 0;
  for (auto _ : state) writer->write(input[i++ % input.size()]);
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(sink.bytes()));
}
BENCHMARK(BM_JsonlWriter)->Arg(0)->Arg(1);

}  // namespace

BENCHMARK_MAIN();
