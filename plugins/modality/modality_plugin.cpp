// The modality plugin: an event whose rule evidence is all negated,
// threatened, demanded or hypothetical is brought under the reporting
// threshold and annotated modality=<class>. README.md has the cues, the
// clause rule and the arithmetic.
#include <algorithm>
#include <cmath>
#include <demarche/plugin.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cue_file.hpp"
#include "cues.hpp"
#include "detect.hpp"
#include "modality.hpp"
#include "word_sets.hpp"

namespace demarche_modality {
namespace {

double logit(double p) {
  return std::log(p / (1.0 - p));
}

double sigmoid(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

bool overlaps(const demarche::Span& a, const demarche::Span& b) {
  return a.begin < b.end && b.begin < a.end;
}

// Where the evidence against the event rests. The scorer does not count
// evidence that points the same way as stronger evidence on overlapping
// bytes, so evidence against resting on the same words as a rule that already
// argues against the type could either be dropped or push that rule out,
// and the event would not land where computed. The cue's words are used
// unless they overlap such a rule; then an empty span, which overlaps nothing.
demarche::Span evidence_span(const demarche::Event& event, const demarche::Span& cue) {
  for (const demarche::Evidence& e : event.evidence) {
    if (!e.counted || e.weight >= event.prior) continue;
    for (const demarche::Span& s : e.spans) {
      if (overlaps(s, cue)) return {0, 0};
    }
  }
  return cue;
}

// An expulsion, by the shipped rules' definition, includes a host's demand
// that foreign officials or troops leave ("urged the attaché to leave the country
// within three days"): a demand whose verb is one of leaving is the event
// itself there, not a call on someone else to act.
bool demand_is_the_event(std::string_view type, std::string_view verb) {
  constexpr std::string_view kLeave[] = {"leave", "depart", "quit", "exit", "withdraw",
                                         "go",    "return", "pack", "fly",  "head"};
  if (type != "expulsion") return false;
  for (std::string_view v : kLeave) {
    if (verb == v) return true;
  }
  return false;
}

class ModalityPlugin final : public demarche::plugin::Plugin {
 public:
  // Longer than any sentence: a document with no sentence break, or a whole
  // data file's line read as one. Its tokens and clauses would hold about 25
  // bytes per byte of it (issue 14, item 9), and a clause that long is no
  // sentence a cue could scope over; as the actors plugin does, leave it.
  static constexpr std::size_t kMaxSentenceBytes = 64 * 1024;

  void process(const demarche::plugin::Sentence& s, demarche::plugin::Contribution& out) override {
    // Most sentences give no rule evidence: nothing to do for them.
    if (s.rule_events == nullptr || s.rule_events->empty()) return;
    if (s.original.size() > kMaxSentenceBytes) return;
    const Analysis analysis = analyse(s.original);
    for (const demarche::Event& event : *s.rule_events) judge(analysis, event, out);
  }

 private:
  // An event stays asserted when any piece of its rule evidence for it is
  // asserted; otherwise the modality of its strongest piece is the event's.
  void judge(const Analysis& analysis, const demarche::Event& event,
             demarche::plugin::Contribution& out) const {
    struct Judged {
      const demarche::Evidence* evidence;
      Finding finding;
    };
    std::vector<Judged> judged;
    for (const demarche::Evidence& e : event.evidence) {
      // Evidence against the type (a rule's own negative cue) asserts nothing.
      // Evidence not counted (a weaker rule on the same words, or a group
      // member) is looked at too: a group member in another clause may be
      // the one that asserts the event.
      if (e.weight <= event.prior || e.spans.empty()) continue;
      Finding f = detect(analysis, cues_, e.spans);
      if (f.modality == Modality::kDemanded && demand_is_the_event(event.type, f.trigger)) {
        f = Finding{};
      }
      judged.push_back({&e, std::move(f)});
    }
    // A match that is part of a negated or threatened match, or a second
    // object of its verb, has no cue of its own nearby but shares its
    // modality (detect.hpp, shares_modality).
    for (Judged& inner : judged) {
      if (inner.finding.modality != Modality::kAsserted) continue;
      for (const Judged& outer : judged) {
        if (outer.finding.modality != Modality::kAsserted &&
            shares_modality(analysis, outer.evidence->spans, inner.evidence->spans)) {
          inner.finding = outer.finding;
          break;
        }
      }
    }
    const Judged* strongest = nullptr;
    for (const Judged& j : judged) {
      if (j.finding.modality == Modality::kAsserted) return;
      const bool stronger = strongest == nullptr ||
                            (j.evidence->counted && !strongest->evidence->counted) ||
                            (j.evidence->counted == strongest->evidence->counted &&
                             j.evidence->weight > strongest->evidence->weight);
      if (stronger) strongest = &j;
    }
    if (strongest == nullptr) return;
    const Finding& finding = strongest->finding;

    out.annotations.push_back({event.type, "modality", std::string(name(finding.modality))});
    // Contribution c = logit(target) - log_odds moves the event from the
    // rules' log-odds to exactly logit(target). The host reads a weight w as
    // contributing logit(w) - logit(prior), so w = sigmoid(logit(prior) + c).
    // Nothing to add when the rules already leave the event that low.
    const double target = logit(target_confidence(finding.modality));
    if (event.log_odds <= target) return;
    // Far below any real case (a sum of ~100 strong rules); keeps w > 0.
    const double weight_logit = std::max(logit(event.prior) + target - event.log_odds, -700.0);
    out.evidence.push_back(
        {event.type, sigmoid(weight_logit), evidence_span(event, finding.cue), finding.note});
  }

  // The embedded data/cues.txt; throws (and the host refuses the plugin,
  // saying why) when it or data/words.txt does not parse. The word lists are
  // parsed here, not on the first sentence, so that a broken file refuses
  // the plugin at load.
  static CueTable load_cues() {
    word_sets();
    std::string error;
    std::optional<std::vector<CueSpec>> cues = parse_cue_file(embedded_cues(), &error);
    if (!cues) throw std::runtime_error("the embedded cue table: " + error);
    return CueTable(std::move(*cues));
  }

  const CueTable cues_ =
      load_cues();  // read only after construction: safe to share between threads
};

}  // namespace
}  // namespace demarche_modality

DEMARCHE_PLUGIN(demarche_modality::ModalityPlugin, "modality", "1.0.0", "MIT",
                "Lowers events that are negated, threatened, demanded or hypothetical")
