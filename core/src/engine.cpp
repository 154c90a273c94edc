#include "demarche/engine.hpp"

#include <algorithm>

#include "demarche/plugins.hpp"
#include "engine_impl.hpp"
#include "plugins/apply.hpp"
#include "rule_evidence.hpp"
#include "text/document_sentences.hpp"
#include "text/normalize.hpp"

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
      sequences_using_piece(program->piece_regexes.size()),
      titled_names(program->official_titles) {
  for (std::size_t r = 0; r < program->rules.size(); ++r) {
    const rules::CompiledRule& rule = program->rules[r];
    names_officials =
        names_officials || rule.source_official || rule.speaker_official || rule.target_official;
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

Engine::Impl::Impl(const Impl& shared, OwnRegexes)
    : program(shared.program),
      set_memory(shared.set_memory),
      pieces(shared.pieces->with_own_regexes()),
      sequences(shared.sequences),
      sequences_using_piece(shared.sequences_using_piece),
      titled_names(program->official_titles),
      names_officials(shared.names_officials) {
  // The same regexes compiled a moment ago cannot fail to compile, but
  // should they, sharing the loaded set is slower and still right.
  if (!pieces->build_error().empty()) pieces = shared.pieces;
}

namespace {

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
  return classify(text, 0, nullptr);
}

SentenceResult Engine::classify(std::string_view text, std::size_t offset,
                                const std::vector<std::string>* officials) const {
  SentenceResult result;
  result.span = Span{0, text.size()};
  result.text = std::string(text);
  const text::MatchText norm(text);
  RuleEvidence rules;
  if (!find_rule_evidence(*impl_, scoring_->rules, norm, officials, &rules, &result.error))
    return result;
  result.cancelled = std::move(rules.cancelled);
  std::vector<score::Candidate>& candidates = rules.fired;
  if (selection_) {
    std::erase_if(candidates,
                  [&](const score::Candidate& c) { return !selects_rule(c.evidence.rule_id); });
    std::erase_if(result.cancelled,
                  [&](const Cancellation& c) { return !selects_rule(c.rule_id); });
  }
  const Scoring& scoring = *scoring_;
  if (!plugins_ || plugins_->plugins.empty()) {
    if (!candidates.empty()) result.events = scoring.scorer.combine(std::move(candidates));
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
    if (!selects_type(scoring.types[c.type_index].name)) continue;
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
  std::vector<Span> sentences;
  text::for_each_document_sentence(document, [&](Span s) { sentences.push_back(s); });
  return sentences;
}

void Engine::classify_document(std::string_view document,
                               const std::function<void(SentenceResult&&)>& each) const {
  // People introduced with an official's title so far: later sentences
  // that name them alone have an official there too.
  std::vector<std::string> officials;
  text::for_each_document_sentence(document, [&](Span s) {
    const std::string_view sentence = document.substr(s.begin, s.size());
    SentenceResult r = classify(sentence, s.begin, &officials);
    if (impl_->names_officials) impl_->titled_names.harvest(sentence, &officials);
    r.span = s;
    for (Event& e : r.events) {
      for (Evidence& ev : e.evidence) shift(ev.spans, s.begin);
    }
    for (Cancellation& c : r.cancelled) {
      shift(c.spans, s.begin);
      shift(c.unless_spans, s.begin);
    }
    each(std::move(r));
  });
}

std::vector<SentenceResult> Engine::classify_document(std::string_view document) const {
  std::vector<SentenceResult> out;
  classify_document(document, [&](SentenceResult&& r) { out.push_back(std::move(r)); });
  return out;
}

const std::vector<EventTypeInfo>& Engine::event_types() const {
  return scoring_->types;
}

const std::vector<RuleInfo>& Engine::rules() const {
  return scoring_->rules;
}

Engine Engine::with_own_matcher_state() const {
  Engine copy(std::make_shared<const Impl>(*impl_, Impl::OwnRegexes{}));
  copy.plugins_ = plugins_;
  copy.scoring_ = scoring_;
  copy.selection_ = selection_;
  return copy;
}

Engine Engine::with_selection(const std::vector<std::string>& rule_ids) const {
  Engine copy(*this);
  if (rule_ids.empty()) {
    copy.selection_.reset();
    return copy;
  }
  auto selection = std::make_shared<Selection>();
  for (const RuleInfo& rule : impl_->program->infos) {
    if (std::find(rule_ids.begin(), rule_ids.end(), rule.id) == rule_ids.end()) continue;
    selection->rules.insert(rule.id);
    selection->types.insert(rule.event_type);
  }
  copy.selection_ = std::move(selection);
  return copy;
}

bool Engine::selects_rule(std::string_view rule_id) const {
  return !selection_ || selection_->rules.contains(rule_id);
}

bool Engine::selects_type(std::string_view event_type) const {
  return !selection_ || selection_->types.contains(event_type);
}

Engine Engine::with_plugins(std::shared_ptr<const PluginSet> plugins) const {
  Engine copy(*this);
  copy.plugins_ = std::move(plugins);
  return copy;
}

}  // namespace demarche
