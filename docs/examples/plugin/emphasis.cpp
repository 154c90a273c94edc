// emphasis: an example demarche plugin, built outside the repository against
// the installed SDK (docs/plugins.md#building-a-plugin; the Install tests
// build and load it).
//
// A condemnation made "in the strongest terms" or "unequivocally" is a
// deliberate, public one. When the rules found evidence for a condemnation,
// such words of emphasis elsewhere in the sentence add evidence for it and
// annotate the event emphasis=strong. Alone they say nothing: "categorically"
// qualifies a denial as well as a condemnation.
#include <algorithm>
#include <array>
#include <demarche/plugin.hpp>
#include <string>
#include <string_view>

namespace {

using demarche::plugin::Contribution;
using demarche::plugin::Sentence;

constexpr std::array<std::string_view, 6> kEmphasis{"in the strongest terms",
                                                    "in the strongest possible terms",
                                                    "unequivocally",
                                                    "categorically",
                                                    "vehemently",
                                                    "firmly"};

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool ascii_letter(char c) {
  return ascii_lower(c) >= 'a' && ascii_lower(c) <= 'z';
}

// Where `words` first occurs in `text` as whole words, or npos.
std::size_t find_words(std::string_view text, std::string_view words) {
  for (std::size_t at = text.find(words); at != std::string_view::npos;
       at = text.find(words, at + 1)) {
    const std::size_t end = at + words.size();
    if ((at == 0 || !ascii_letter(text[at - 1])) &&
        (end == text.size() || !ascii_letter(text[end])))
      return at;
  }
  return std::string_view::npos;
}

class Emphasis final : public demarche::plugin::Plugin {
 public:
  void process(const Sentence& s, Contribution& out) override {
    const auto condemned = [](const demarche::Event& e) {
      return e.type == "condemnation" && e.confidence > e.prior;
    };
    if (std::none_of(s.rule_events->begin(), s.rule_events->end(), condemned)) return;
    // Lower-casing ASCII letters moves no byte, so an offset into `lower` is
    // one into `original`, as spans must be.
    std::string lower(s.original);
    std::transform(lower.begin(), lower.end(), lower.begin(), ascii_lower);
    for (const std::string_view words : kEmphasis) {
      const std::size_t at = find_words(lower, words);
      if (at == std::string_view::npos) continue;
      const std::string quoted(s.original.substr(at, words.size()));
      out.evidence.push_back(
          {"condemnation", 0.7, {at, at + words.size()}, "emphatic wording \"" + quoted + "\""});
      out.annotations.push_back({"condemnation", "emphasis", "strong"});
      return;
    }
  }
};

}  // namespace

DEMARCHE_PLUGIN(Emphasis, "emphasis", "1.0.0", "MIT",
                "Words of emphasis strengthen a condemnation the rules found")
