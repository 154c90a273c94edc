#include "demarche/engine.hpp"

#include <algorithm>
#include <optional>

#include "engine_impl.hpp"
#include "match/sequence.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"
#include "text/words.hpp"

namespace demarche {

Engine::Impl::Impl(std::shared_ptr<const rules::Program> p, std::int64_t memory)
    : program(std::move(p)),
      set_memory(memory),
      pieces(std::make_unique<const match::PieceSet>(program->piece_regexes, memory)),
      scorer(program->types),
      sequences_using_piece(program->piece_regexes.size()) {
  auto add = [&](std::size_t rule, bool is_unless, const rules::CompiledSequence& seq) {
    std::vector<int> distinct = seq.pieces;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    const auto id = static_cast<std::uint32_t>(sequences.size());
    for (int piece : distinct) sequences_using_piece[static_cast<std::size_t>(piece)].push_back(id);
    sequences.push_back(SequenceRef{rule, is_unless, &seq, distinct.size()});
  };
  for (std::size_t r = 0; r < program->rules.size(); ++r) {
    for (const rules::CompiledSequence& seq : program->rules[r].matches) add(r, false, seq);
    for (const rules::CompiledSequence& seq : program->rules[r].unless) add(r, true, seq);
  }
}

namespace {

// What one sentence needs while its rules are checked: which pieces the set
// saw, and (computed on first use) where each of them occurs.
class SentenceMatch {
 public:
  SentenceMatch(const match::PieceSet& pieces, std::string_view text, std::vector<int> present)
      : pieces_(pieces), text_(text), present_(std::move(present)), occurrences_(present_.size()) {}

  // The chain of spans (normalised offsets) where `seq` matches, if it does.
  // Every piece of `seq` must be one the set reported.
  std::optional<std::vector<Span>> find(const rules::CompiledSequence& seq) {
    std::vector<const std::vector<Span>*> lists;
    for (int piece : seq.pieces) {
      const std::vector<Span>& occ = occurrences(piece);
      if (occ.empty()) return std::nullopt;
      lists.push_back(&occ);
    }
    std::vector<Span> chain;
    if (lists.size() == 1) return std::vector<Span>{lists[0]->front()};
    if (!words_) words_.emplace(text_);
    if (!match::find_sequence(lists, seq.gaps, *words_, &chain)) return std::nullopt;
    return chain;
  }

 private:
  const std::vector<Span>& occurrences(int piece) {
    const auto at = static_cast<std::size_t>(
        std::lower_bound(present_.begin(), present_.end(), piece) - present_.begin());
    if (!occurrences_[at]) {
      occurrences_[at].emplace();
      pieces_.occurrences(piece, text_, &*occurrences_[at]);
    }
    return *occurrences_[at];
  }

  const match::PieceSet& pieces_;
  std::string_view text_;
  std::vector<int> present_;
  std::vector<std::optional<std::vector<Span>>> occurrences_;
  std::optional<text::WordIndex> words_;
};

std::vector<Span> to_original(const text::NormalizedText& norm, const std::vector<Span>& spans) {
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

Engine::Engine(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

SentenceResult Engine::classify_sentence(std::string_view text) const {
  SentenceResult result;
  result.span = Span{0, text.size()};
  result.text = std::string(text);
  const text::NormalizedText norm = text::normalize(text);
  std::vector<int> present;
  if (!impl_->pieces->present(norm.text, &present, &result.error)) return result;
  if (present.empty()) return result;

  // Sequences all of whose pieces occur, in rule order.
  std::vector<std::uint16_t> seen(impl_->sequences.size(), 0);
  std::vector<std::uint32_t> complete;
  for (int piece : present) {
    for (std::uint32_t id : impl_->sequences_using_piece[static_cast<std::size_t>(piece)]) {
      if (++seen[id] == impl_->sequences[id].distinct_pieces) complete.push_back(id);
    }
  }
  std::sort(complete.begin(), complete.end());

  const rules::Program& program = *impl_->program;
  SentenceMatch sentence(*impl_->pieces, norm.text, std::move(present));
  std::vector<score::Candidate> evidence;
  for (std::size_t i = 0; i < complete.size();) {
    const std::size_t rule_index = impl_->sequences[complete[i]].rule;
    std::size_t end = i;
    while (end < complete.size() && impl_->sequences[complete[end]].rule == rule_index) ++end;
    std::optional<std::vector<Span>> fired;
    std::optional<std::vector<Span>> cancelled;
    for (std::size_t k = i; k < end && !fired; ++k) {
      const auto& ref = impl_->sequences[complete[k]];
      if (!ref.is_unless) fired = sentence.find(*ref.sequence);
    }
    for (std::size_t k = i; k < end && fired && !cancelled; ++k) {
      const auto& ref = impl_->sequences[complete[k]];
      if (ref.is_unless) cancelled = sentence.find(*ref.sequence);
    }
    i = end;
    if (!fired) continue;
    const RuleInfo& info = program.infos[rule_index];
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
  result.events = impl_->scorer.combine(std::move(evidence));
  return result;
}

std::vector<Span> Engine::segment(std::string_view document) const {
  const text::NormalizedText norm = text::normalize(document);
  std::vector<Span> sentences = text::segment_sentences(norm.text);
  for (Span& s : sentences) s = norm.original_span(s.begin, s.end);
  return sentences;
}

std::vector<SentenceResult> Engine::classify_document(std::string_view document) const {
  std::vector<SentenceResult> out;
  for (const Span& s : segment(document)) {
    SentenceResult r = classify_sentence(document.substr(s.begin, s.size()));
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
  return impl_->program->types;
}

const std::vector<RuleInfo>& Engine::rules() const {
  return impl_->program->infos;
}

Engine Engine::with_own_matcher_state() const {
  return Engine(std::make_shared<const Impl>(impl_->program, impl_->set_memory));
}

}  // namespace demarche
