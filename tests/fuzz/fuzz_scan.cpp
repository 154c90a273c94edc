// fuzz_scan: the Vectorscan scan that says which pieces occur in a sentence
// (match/hyperscan_scan.hpp), against RE2::Set, the scan it replaced.
//
// The input is a pattern, a NUL byte, and a text, as for fuzz_lookup. When
// RE2 accepts the pattern as a piece (whole-word or not, case-sensitive or
// under (?i)), the piece is put in the set every sentence is scanned with,
// once as the engine scans it (Vectorscan, with what it does to a regex
// first: boundaries dropped, k and s as ASCII classes, long regexes in
// parts; or the lookups and RE2 for what it refuses) and once with RE2::Set
// alone (DEMARCHE_MATCHER=re2). Wherever the RE2::Set scan reports the
// piece, the engine's must too: it may report a piece RE2 then does not
// confirm (a search follows every report), but a piece it misses is a rule
// that silently never fires. Where this RE2 reads the pattern wrongly
// (re2_quirks.hpp), the scan is held to the pattern as RE2 should read it.
// (Where the piece is, once reported, fuzz_lookup checks.)
#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "../unit/re2_quirks.hpp"
#include "fuzz_support.hpp"
#include "match/piece_set.hpp"
#include "pattern_and_text.hpp"

namespace {

using namespace demarche;

std::unique_ptr<match::PieceSet> scanned_in_every_sentence(const std::string& regex,
                                                           bool re2_only) {
  if (re2_only) ::setenv("DEMARCHE_MATCHER", "re2", 1);
  auto set = std::make_unique<match::PieceSet>(
      std::vector<std::string>{regex},
      std::vector<match::PieceScan>{match::PieceScan::kEverySentence}, std::int64_t{64} << 20);
  ::unsetenv("DEMARCHE_MATCHER");
  return set;
}

// The text, and the text with its ASCII letters upper-cased, lower-cased
// and each swapped: the scan rewrites case-insensitive letters (k and s as
// ASCII classes), and a mutated text seldom has a pattern's words in
// another case on its own.
std::vector<std::string> in_every_case(const std::string& text) {
  std::vector<std::string> out(4, text);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) continue;
    out[1][i] = static_cast<char>(c & ~0x20);
    out[2][i] = static_cast<char>(c | 0x20);
    out[3][i] = static_cast<char>(c ^ 0x20);
  }
  return out;
}

bool reported(const match::PieceSet& set, std::string_view text) {
  std::vector<int> ids;
  std::string error;
  fuzz::require(set.present(text, &ids, &error), "a scan failed");
  return !ids.empty();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::init_environment();  // no pattern database written to the cache per input
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::optional<fuzz::PatternAndText> input = fuzz::pattern_and_text(data, size);
  if (!input) return 0;
  const auto& [pattern, text] = *input;
  for (const bool case_insensitive : {false, true}) {
    for (const bool whole_words : {true, false}) {
      const std::string regex =
          match::piece_regex(match::PieceSpec{pattern, case_insensitive, whole_words});
      if (!RE2(regex, RE2::Quiet).ok()) continue;
      const auto engine = scanned_in_every_sentence(regex, false);
      const auto reference = scanned_in_every_sentence(regex, true);
      // A pattern Vectorscan takes too long to compile is refused, not
      // an error; any other build error is the reference's too.
      if (!reference->build_error().empty()) continue;
      fuzz::require(engine->build_error().empty(), "the engine's scan could not be built");
      std::unique_ptr<match::PieceSet> read_rightly;  // made only when needed
      for (const std::string& variant : in_every_case(text)) {
        if (!reported(*reference, variant) || reported(*engine, variant)) continue;
        if (!read_rightly) {
          read_rightly = scanned_in_every_sentence(
              match::piece_regex(match::PieceSpec{re2_quirks::as_re2_should_read_it(pattern),
                                                  case_insensitive, whole_words}),
              true);
        }
        fuzz::require(!reported(*read_rightly, variant),
                      "the scan missed a piece RE2::Set reports");
      }
    }
  }
  return 0;
}
