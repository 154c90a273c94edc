// Writes a generated news-like corpus (corpus.hpp), one sentence a line, so
// that the command line can be timed on the same text classify_bench uses:
//   write_corpus COUNT [varied|templates] [SEED] > corpus.txt
#include <cstdlib>
#include <iostream>
#include <string>

#include "corpus.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: write_corpus COUNT [varied|templates] [SEED]\n";
    return 2;
  }
  const std::size_t count = std::strtoull(argv[1], nullptr, 10);
  const std::string variety = argc > 2 ? argv[2] : "varied";
  const unsigned seed = argc > 3 ? static_cast<unsigned>(std::strtoul(argv[3], nullptr, 10)) : 7;
  if (variety != "varied" && variety != "templates") {
    std::cerr << "write_corpus: the variety is varied or templates, not '" << variety << "'\n";
    return 2;
  }
  const auto sentences = demarche::bench::news_like_sentences(
      count, 0.05, seed,
      variety == "varied" ? demarche::bench::Variety::kZipfVocabulary
                          : demarche::bench::Variety::kTemplates);
  for (const std::string& s : sentences) std::cout << s << '\n';
  return std::cout.good() ? 0 : 1;
}
