#include "demarche/engine.hpp"

#include <algorithm>
#include <optional>

#include "demarche/plugins.hpp"
#include "engine_impl.hpp"
#include "match/sequence.hpp"
#include "plugins/apply.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"
#include "text/words.hpp"

namespace demarche {

namespace {
// Plugin evidence carries rule_id "plugin:NAME" (demarche/result.hpp).
constexpr std::string_view kPluginPrefix = "plugin:";
}  // namespace

Engine::Impl::Impl(std::shared_ptr<const rules::Program> p, std::int64_t memory)
    : program(std::move(p)),
      set_memory(memory),
      pieces(std::make_unique<const match::PieceSet>(program->piece_regexes, program->piece_scan,
                                                     memory)),
      sequences_using_piece(program->piece_regexes.size()) {
  for (std::size_t r = 0; r < program->rules.size(); ++r) {
    for (const rules::CompiledSequence& seq : program->rules[r].matches) {
      std::vector<int> in_set;
      for (int piece : seq.pieces) {
        if (pieces->in_set(piece)) in_set.push_back(piece);
      }
      std::sort(in_set.begin(), in_set.end());
      in_set.erase(std::unique(in_set.begin(), in_set.end()), in_set.end());
      const auto id = static_cast<std::uint32_t>(sequences.size());
      for (int piece : in_set) sequences_using_piece[static_cast<std::size_t>(piece)].push_back(id);
      sequences.push_back(SequenceRef{r, &seq, in_set.size()});
    }
  }
}

namespace {

// What one sentence needs while its rules are checked: which pieces the set
// saw, and (computed on first use) which on-demand pieces occur and where
// each piece occurs.
class SentenceMatch {
 public:
  SentenceMatch(const match::PieceSet& pieces, std::string_view text,
                const std::vector<int>& present, std::vector<int>& present_on_demand)
      : pieces_(pieces), text_(text), present_(present), present_on_demand_(present_on_demand) {}

  // Whether the sequence is a `match:` line or an `unless:` one.
  enum class Line { kMatch, kUnless };

  // The chain of spans (normalised offsets) where `seq` matches, if it does.
  std::optional<std::vector<Span>> find(const rules::CompiledSequence& seq, Line line) {
    // Cheapest first: the set's report rules a sequence out for free, the
    // on-demand set's costs one scan per sentence, a search one per piece.
    // `match:` lines do not start the on-demand scan: their on-demand pieces
    // are common words, nearly always there.
    for (int piece : seq.pieces) {
      if (pieces_.in_set(piece) && !std::binary_search(present_.begin(), present_.end(), piece))
        return std::nullopt;
    }
    for (int piece : seq.pieces) {
      if (pieces_.scan(piece) == match::PieceScan::kOnDemand &&
          !may_occur_on_demand(piece, line == Line::kUnless))
        return std::nullopt;
    }
    found_.clear();
    for (int piece : seq.pieces) {
      const std::size_t at = occurrences(piece);
      if (cache_[at].second.empty()) return std::nullopt;
      found_.push_back(at);
    }
    if (found_.size() == 1) return std::vector<Span>{cache_[found_[0]].second.front()};
    // Pointers into the cache are taken once it has stopped growing.
    lists_.clear();
    for (std::size_t at : found_) lists_.push_back(&cache_[at].second);
    if (!words_) words_.emplace(text_);
    std::vector<Span> chain;
    if (!match::find_sequence(lists_, seq.gaps, *words_, &chain)) return std::nullopt;
    return chain;
  }

 private:
  // The index in cache_ of the piece's occurrences, searched on first use.
  std::size_t occurrences(int piece) {
    for (std::size_t i = 0; i < cache_.size(); ++i) {
      if (cache_[i].first == piece) return i;
    }
    cache_.emplace_back(piece, std::vector<Span>{});
    pieces_.occurrences(piece, text_, &cache_.back().second);
    return cache_.size() - 1;
  }

  // False only when the on-demand scan ran (or may run, with `may_scan`)
  // and did not report the piece. Should that scan fail, every on-demand
  // piece may occur and is searched for.
  bool may_occur_on_demand(int piece, bool may_scan) {
    if (!on_demand_scanned_) {
      if (!may_scan) return true;
      on_demand_scanned_ = true;
      std::string error;
      on_demand_known_ = pieces_.present_on_demand(text_, &present_on_demand_, &error);
    }
    return !on_demand_known_ ||
           std::binary_search(present_on_demand_.begin(), present_on_demand_.end(), piece);
  }

  const match::PieceSet& pieces_;
  std::string_view text_;
  const std::vector<int>& present_;
  std::vector<int>& present_on_demand_;  // valid once on_demand_scanned_
  bool on_demand_scanned_ = false;
  bool on_demand_known_ = false;
  // Few pieces are looked up per sentence, so a flat list beats a map.
  std::vector<std::pair<int, std::vector<Span>>> cache_;
  std::vector<std::size_t> found_;
  std::vector<const std::vector<Span>*> lists_;
  std::optional<text::WordIndex> words_;
};

std::vector<Span> to_original(const text::MatchText& norm, const std::vector<Span>& spans) {
  std::vector<Span> out;
  out.reserve(spans.size());
  for (const Span& s : spans) out.push_back(norm.original_span(s.begin, s.end));
  return out;
}

void shift(std::vector<Span>& spans, std::size_t offset) {
  for (Span& s : spans) {
    s.begin += offset;
    s.end += offset;
  }
}

}  // namespace

Engine::Engine(std::shared_ptr<const Impl> impl)
    : impl_(std::move(impl)), scoring_(Scoring::authored(*impl_->program)) {}
Engine::~Engine() = default;

SentenceResult Engine::classify_sentence(std::string_view text) const {
  return classify(text, 0);
}

namespace {

// Per-thread buffers for the steps of classify that run on every sentence,
// so that a sentence the rules ignore costs no allocation beyond its result.
struct Scratch {
  std::vector<int> present;
  std::vector<int> present_on_demand;
  std::vector<std::uint16_t> seen;  // per sequence; all zero between calls
  std::vector<std::uint32_t> complete;
};

Scratch& scratch() {
  thread_local Scratch buffers;
  return buffers;
}

// The sequences all of whose set pieces the set reported, in rule order.
const std::vector<std::uint32_t>& complete_sequences(const Engine::Impl& impl,
                                                     const std::vector<int>& present) {
  Scratch& buffers = scratch();
  std::vector<std::uint16_t>& seen = buffers.seen;
  if (seen.size() < impl.sequences.size()) seen.resize(impl.sequences.size(), 0);
  buffers.complete.clear();
  for (int piece : present) {
    for (std::uint32_t id : impl.sequences_using_piece[static_cast<std::size_t>(piece)]) {
      if (++seen[id] == impl.sequences[id].pieces_in_set) buffers.complete.push_back(id);
    }
  }
  for (int piece : present) {
    for (std::uint32_t id : impl.sequences_using_piece[static_cast<std::size_t>(piece)])
      seen[id] = 0;
  }
  std::sort(buffers.complete.begin(), buffers.complete.end());
  return buffers.complete;
}

// The rules' evidence for one sentence: what fired and was not cancelled
// becomes a candidate, what `unless` cancelled goes to `result.cancelled`.
std::vector<score::Candidate> rule_candidates(const Engine::Impl& impl,
                                              const Engine::Scoring& scoring,
                                              const text::MatchText& norm,
                                              const std::vector<int>& present,
                                              SentenceResult& result) {
  std::vector<score::Candidate> evidence;
  if (present.empty()) return evidence;
  const std::vector<std::uint32_t>& complete = complete_sequences(impl, present);
  if (complete.empty()) return evidence;

  const rules::Program& program = *impl.program;
  SentenceMatch sentence(*impl.pieces, norm.text(), present, scratch().present_on_demand);
  for (std::size_t i = 0; i < complete.size();) {
    const std::size_t rule_index = impl.sequences[complete[i]].rule;
    std::size_t end = i;
    while (end < complete.size() && impl.sequences[complete[end]].rule == rule_index) ++end;
    std::optional<std::vector<Span>> fired;
    for (std::size_t k = i; k < end && !fired; ++k) {
      fired = sentence.find(*impl.sequences[complete[k]].sequence, SentenceMatch::Line::kMatch);
    }
    i = end;
    if (!fired) continue;
    std::optional<std::vector<Span>> cancelled;
    for (const rules::CompiledSequence& seq : program.rules[rule_index].unless) {
      if ((cancelled = sentence.find(seq, SentenceMatch::Line::kUnless))) break;
    }
    const RuleInfo& info = scoring.rules[rule_index];
    if (cancelled) {
      result.cancelled.push_back(Cancellation{info.id, info.event_type, to_original(norm, *fired),
                                              to_original(norm, *cancelled)});
      continue;
    }
    score::Candidate c;
    c.type_index = program.rules[rule_index].type_index;
    c.group = info.group;
    c.evidence.rule_id = info.id;
    c.evidence.weight = info.weight;
    c.evidence.spans = to_original(norm, *fired);
    evidence.push_back(std::move(c));
  }
  return evidence;
}

}  // namespace

SentenceResult Engine::classify(std::string_view text, std::size_t offset) const {
  SentenceResult result;
  result.span = Span{0, text.size()};
  result.text = std::string(text);
  const text::MatchText norm(text);
  std::vector<int>& present = scratch().present;
  if (!impl_->pieces->present(norm.text(), &present, &result.error)) return result;
  const bool with_plugins = plugins_ && !plugins_->plugins.empty();
  if (present.empty() && !with_plugins) return result;

  const Scoring& scoring = *scoring_;
  std::vector<score::Candidate> candidates =
      rule_candidates(*impl_, scoring, norm, present, result);
  if (!with_plugins) {
    result.events = scoring.scorer.combine(std::move(candidates));
    return result;
  }
  // Plugins see what the rules alone make of the sentence, then their
  // evidence joins the rules' in one combination, so the overlap and group
  // rules apply across both.
  const std::vector<Event> rule_events = scoring.scorer.combine(candidates);
  std::vector<Evidence> rule_evidence;
  for (const Event& event : rule_events) {
    rule_evidence.insert(rule_evidence.end(), event.evidence.begin(), event.evidence.end());
  }
  const plugin::Sentence sentence{text, norm.text(), offset, &rule_evidence, &rule_events};
  plugins::Applied applied = plugins::apply_plugins(*plugins_, sentence, scoring.types);
  for (score::Candidate& c : applied.candidates) {
    const std::string key =
        c.evidence.rule_id.substr(kPluginPrefix.size()) + "/" + scoring.types[c.type_index].name;
    if (auto it = scoring.plugin_factors.find(key); it != scoring.plugin_factors.end()) {
      c.scale = it->second;
    }
    candidates.push_back(std::move(c));
  }
  result.events = scoring.scorer.combine(std::move(candidates));
  plugins::attach_attributes(std::move(applied.attributes), scoring.types, result.events);
  result.plugin_faults = std::move(applied.faults);
  return result;
}

std::vector<Span> Engine::segment(std::string_view document) const {
  const text::MatchText norm(document);
  std::vector<Span> sentences = text::segment_sentences(norm.text());
  for (Span& s : sentences) s = norm.original_span(s.begin, s.end);
  return sentences;
}

std::vector<SentenceResult> Engine::classify_document(std::string_view document) const {
  std::vector<SentenceResult> out;
  for (const Span& s : segment(document)) {
    SentenceResult r = classify(document.substr(s.begin, s.size()), s.begin);
    r.span = s;
    for (Event& e : r.events) {
      for (Evidence& ev : e.evidence) shift(ev.spans, s.begin);
    }
    for (Cancellation& c : r.cancelled) {
      shift(c.spans, s.begin);
      shift(c.unless_spans, s.begin);
    }
    out.push_back(std::move(r));
  }
  return out;
}

const std::vector<EventTypeInfo>& Engine::event_types() const {
  return scoring_->types;
}

const std::vector<RuleInfo>& Engine::rules() const {
  return scoring_->rules;
}

Engine Engine::with_own_matcher_state() const {
  Engine copy(std::make_shared<const Impl>(impl_->program, impl_->set_memory));
  copy.plugins_ = plugins_;
  copy.scoring_ = scoring_;
  return copy;
}

Engine Engine::with_plugins(std::shared_ptr<const PluginSet> plugins) const {
  Engine copy(*this);
  copy.plugins_ = std::move(plugins);
  return copy;
}

}  // namespace demarche
