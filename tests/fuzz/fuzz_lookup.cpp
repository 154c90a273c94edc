// fuzz_lookup: the word lookups that stand in for pieces' regexes
// (match/literal_piece.hpp), against RE2 itself.
//
// The input is a pattern, a NUL byte, and a text. When RE2 accepts the
// pattern as a whole-word piece and the lookup takes it, the two must find
// the same occurrence from every start position of the text (the lookup
// may hand a text to RE2, which then answers). A lookup that takes a
// pattern RE2 refuses is a finding too: the lookup's parser must accept a
// subset of RE2's syntax. Where this RE2 has a known bug (re2_quirks.hpp),
// the lookup is held to the pattern as RE2 should read it.
#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../unit/re2_quirks.hpp"
#include "match/literal_piece.hpp"
#include "match/piece_set.hpp"
#include "pattern_and_text.hpp"

namespace {

using namespace demarche;

std::unique_ptr<match::PieceSet> piece_set(const std::string& regex, bool lookups) {
  if (lookups) {
    ::unsetenv("DEMARCHE_MATCHER");
  } else {
    ::setenv("DEMARCHE_MATCHER", "re2", 1);
  }
  auto set = std::make_unique<match::PieceSet>(
      std::vector<std::string>{regex}, std::vector<match::PieceScan>{match::PieceScan::kSearch},
      std::int64_t{64} << 20);
  ::unsetenv("DEMARCHE_MATCHER");
  return set;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::optional<fuzz::PatternAndText> input = fuzz::pattern_and_text(data, size);
  if (!input) return 0;
  const auto& [pattern, text] = *input;
  for (const bool case_insensitive : {false, true}) {
    const std::string regex = match::piece_regex(match::PieceSpec{pattern, case_insensitive, true});
    const bool re2_accepts = RE2(regex, RE2::Quiet).ok();
    const bool lookup_takes = match::LiteralPiece::build(pattern, case_insensitive) != nullptr;
    if (lookup_takes && !re2_accepts) std::abort();  // a pattern RE2 refuses
    if (!lookup_takes || !re2_accepts) continue;
    const auto with = piece_set(regex, true);
    const auto without = piece_set(regex, false);
    // Where RE2 reads the pattern wrongly (re2_quirks.hpp), the lookup
    // must agree with it read rightly; made only when needed.
    std::unique_ptr<match::PieceSet> read_rightly;
    for (std::size_t from = 0; from <= text.size(); ++from) {
      const std::optional<Span> found = with->find_from(0, text, from);
      if (found == without->find_from(0, text, from)) continue;
      if (!read_rightly) {
        read_rightly =
            piece_set(match::piece_regex(match::PieceSpec{
                          re2_quirks::as_re2_should_read_it(pattern), case_insensitive, true}),
                      false);
      }
      if (found != read_rightly->find_from(0, text, from)) std::abort();
    }
  }
  return 0;
}
