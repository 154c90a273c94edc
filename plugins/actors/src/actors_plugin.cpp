// The `actors` plugin: names who did what to whom. For each event type the
// rules found in a sentence, it reads the source and target actors around
// the rules' evidence and annotates the event with source=CODE and
// target=CODE (several codes joined by '+'). It gives no evidence of its
// own, so it never changes a confidence. See plugins/actors/README.md.
#include <algorithm>
#include <demarche/plugin.hpp>
#include <demarche/result.hpp>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gazetteer.hpp"
#include "lexicon.hpp"
#include "mentions.hpp"
#include "roles.hpp"
#include "text.hpp"
#include "triggers.hpp"

namespace demarche_actors {
namespace {

// The codes of the actors behind some mentions, in text order, each once.
std::string codes(const MentionFinder& finder, const std::vector<Mention>& mentions,
                  const std::vector<std::size_t>& group) {
  std::vector<std::string> seen;
  std::string out;
  for (std::size_t m : group) {
    const std::string& code = finder.actors()[mentions[m].actor].code;
    if (std::find(seen.begin(), seen.end(), code) != seen.end()) continue;
    seen.push_back(code);
    if (!out.empty()) out += '+';
    out += code;
  }
  return out;
}

// Evidence worth reading first: counted before not counted (a counted rule
// is the one the confidence rests on), then the stronger rule, then the
// earlier one in the sentence.
bool read_first(const demarche::Evidence* a, const demarche::Evidence* b) {
  if (a->counted != b->counted) return a->counted;
  if (a->weight != b->weight) return a->weight > b->weight;
  const std::size_t a_begin = a->spans.empty() ? 0 : a->spans.front().begin;
  const std::size_t b_begin = b->spans.empty() ? 0 : b->spans.front().begin;
  return a_begin < b_begin;
}

}  // namespace

class ActorsPlugin final : public demarche::plugin::Plugin {
 public:
  // Parses the embedded gazetteer and word lists once; throws (and the host
  // refuses the plugin, saying why) when either is malformed.
  ActorsPlugin() : finder_(parse_gazetteer(embedded_gazetteer())) { lexicon(); }

  // Longer than any sentence: a document with no sentence break, or a whole
  // line of a data file read as one. Reading it for actors would hold about
  // 24 bytes per byte of it (its tokens and offset map), 1.2 GB for 50 MB
  // (issue 14, item 9), and find no sentence's source or target anyway.
  static constexpr std::size_t kMaxSentenceBytes = 64 * 1024;

  // Const in all but name: every member is read-only after construction,
  // so concurrent calls are safe.
  void process(const demarche::plugin::Sentence& sentence,
               demarche::plugin::Contribution& out) override {
    if (sentence.rule_evidence == nullptr || sentence.rule_evidence->empty()) return;
    if (sentence.original.size() > kMaxSentenceBytes) return;

    // The evidence of each type the plugin knows, best first.
    std::map<std::string, std::vector<const demarche::Evidence*>> by_type;
    for (const demarche::Evidence& evidence : *sentence.rule_evidence) {
      if (evidence.spans.empty() || !event_kind(evidence.event_type)) continue;
      by_type[evidence.event_type].push_back(&evidence);
    }
    if (by_type.empty()) return;

    const Text text(sentence.original);
    const std::vector<Mention> mentions = finder_.find(text);
    if (mentions.empty()) return;

    for (auto& [type, evidence] : by_type) {
      std::stable_sort(evidence.begin(), evidence.end(), read_first);
      const Roles roles = best_roles(text, mentions, *event_kind(type), evidence);
      const std::string source = codes(finder_, mentions, roles.source);
      const std::string target = codes(finder_, mentions, roles.target);
      if (!source.empty()) out.annotations.push_back({type, "source", source});
      if (!target.empty()) out.annotations.push_back({type, "target", target});
    }
  }

 private:
  // The roles read from the best piece of evidence (see read_first) that
  // gives any. Weaker evidence may then fill in a missing role, but only
  // when it reads the roles already found the same way: one event, one
  // reading, so a source and a target never come from clashing readings.
  Roles best_roles(const Text& text, const std::vector<Mention>& mentions, EventKind kind,
                   const std::vector<const demarche::Evidence*>& evidence) const {
    Roles best;
    for (const demarche::Evidence* e : evidence) {
      std::vector<TokenRange> pieces;
      for (const demarche::Span& span : e->spans) {
        const TokenRange range = text.tokens_overlapping(span.begin, span.end);
        if (range.first < range.last) pieces.push_back(range);
      }
      if (pieces.empty()) continue;
      Roles roles = assign_roles(text, mentions, finder_.actors(), kind, pieces);
      if (roles.count() <= best.count()) continue;
      const auto agrees = [&](const std::vector<std::size_t>& had,
                              const std::vector<std::size_t>& now) {
        return had.empty() || codes(finder_, mentions, had) == codes(finder_, mentions, now);
      };
      if (agrees(best.source, roles.source) && agrees(best.target, roles.target)) {
        best = std::move(roles);
      }
      if (best.count() == 2) break;
    }
    return best;
  }

  const MentionFinder finder_;
};

}  // namespace demarche_actors

DEMARCHE_PLUGIN(demarche_actors::ActorsPlugin, "actors", "1.0.0", "MIT",
                "Source and target actors of each event (source=, target= with ISO/CAMEO codes)")
