#include "rule_evidence.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "match/piece_set.hpp"
#include "match/roles.hpp"
#include "match/sequence.hpp"
#include "text/words.hpp"

namespace demarche {
namespace {

// Where one piece occurs, searched for no further than asked: a sequence of
// one piece needs its first occurrence only, and a longer one stops at the
// first chain it completes (match::find_chain), which spares the search
// through the rest of the sentence that would prove there is no other.
class Occurrences final : public match::OccurrenceList {
 public:
  // Forgets what it knew, keeping its storage: entries are reused from
  // sentence to sentence.
  void reset(int piece, const match::PieceSet& pieces, std::string_view text) {
    piece_ = piece;
    pieces_ = &pieces;
    text_ = text;
    spans_.clear();
    from_ = 0;
    complete_ = false;
    folds_.reset();
  }

  int piece() const { return piece_; }

  const Span* at(std::size_t index) override {
    while (spans_.size() <= index && !complete_) search_next();
    return index < spans_.size() ? &spans_[index] : nullptr;
  }

 private:
  void search_next() {
    const std::optional<Span> next = pieces_->find_from(piece_, text_, from_, &folds_);
    if (!next) {
      complete_ = true;
      return;
    }
    spans_.push_back(*next);
    from_ = match::PieceSet::resume_after(*next);
  }

  int piece_ = -1;
  const match::PieceSet* pieces_ = nullptr;
  std::string_view text_;
  std::vector<Span> spans_;
  std::size_t from_ = 0;
  bool complete_ = false;
  match::LiteralPiece::TextFolds folds_;  // text_'s, found once
};

// Buffers reused from sentence to sentence on each thread, so that a
// sentence that no rule's pieces occur in costs no allocation here.
struct Scratch {
  std::vector<int> present;
  std::vector<int> present_on_demand;
  std::vector<std::uint16_t> seen;  // per sequence; all zero between calls
  std::vector<std::uint32_t> complete;
  // SentenceMatch's: the first `occurrences_used` entries are this sentence's.
  std::vector<Occurrences> occurrences;
  std::size_t occurrences_used = 0;
  std::vector<std::size_t> found;
  std::vector<match::OccurrenceList*> lists;
  std::vector<Span> chain;
  text::WordIndex words;
};

// The `match:` sequences all of whose set pieces the set reported, in rule
// order (Engine::Impl numbers sequences in rule order).
void find_complete_sequences(const Engine::Impl& impl, Scratch& s) {
  if (s.seen.size() < impl.sequences.size()) s.seen.resize(impl.sequences.size(), 0);
  s.complete.clear();
  for (int piece : s.present) {
    for (std::uint32_t id : impl.sequences_using_piece[static_cast<std::size_t>(piece)]) {
      if (++s.seen[id] == impl.sequences[id].pieces_in_set) s.complete.push_back(id);
    }
  }
  for (int piece : s.present) {
    for (std::uint32_t id : impl.sequences_using_piece[static_cast<std::size_t>(piece)])
      s.seen[id] = 0;
  }
  std::sort(s.complete.begin(), s.complete.end());
}

// What one sentence needs while its rules are checked: which pieces the sets
// saw (the on-demand set scanned on first need) and where each piece occurs.
class SentenceMatch {
 public:
  SentenceMatch(const match::PieceSet& pieces, std::string_view text, Scratch& scratch,
                const std::vector<std::string>* officials)
      : pieces_(pieces), text_(text), s_(scratch), officials_(officials) {
    s_.occurrences_used = 0;
  }
  // The thread keeps its buffers, but not a huge sentence's word index (one
  // line of a hundred megabytes would hold on to 60 MB).
  ~SentenceMatch() {
    if (s_.words.word_count() > kWordsKept) s_.words = text::WordIndex();
  }
  SentenceMatch(const SentenceMatch&) = delete;
  SentenceMatch& operator=(const SentenceMatch&) = delete;

  // Whether a sequence is a `match:` line or an `unless:` one.
  enum class Line { kMatch, kUnless };

  // The chain of spans (offsets into the matched text) where `seq` matches,
  // or null. Valid until the next call.
  const std::vector<Span>* find(const rules::CompiledSequence& seq, Line line) {
    // Cheapest first: the set's report rules a sequence out for free, the
    // on-demand set's costs one scan per sentence, a search one per piece.
    // `match:` lines do not start the on-demand scan: their on-demand pieces
    // are common words, nearly always there.
    for (int piece : seq.pieces) {
      if (pieces_.in_set(piece) && !std::binary_search(s_.present.begin(), s_.present.end(), piece))
        return nullptr;
    }
    for (int piece : seq.pieces) {
      if (pieces_.scan(piece) == match::PieceScan::kOnDemand &&
          !may_occur_on_demand(piece, line == Line::kUnless))
        return nullptr;
    }
    s_.found.clear();
    for (int piece : seq.pieces) {
      const std::size_t at = entry(piece);
      if (!s_.occurrences[at].at(0)) return nullptr;
      s_.found.push_back(at);
    }
    if (s_.found.size() == 1) {
      s_.chain.assign(1, *s_.occurrences[s_.found[0]].at(0));
      return &s_.chain;
    }
    // No entry is added from here on, so pointers to them stay valid.
    s_.lists.clear();
    for (std::size_t at : s_.found) s_.lists.push_back(&s_.occurrences[at]);
    if (!match::find_chain(s_.lists, seq.gaps, words(), &s_.chain)) return nullptr;
    return &s_.chain;
  }

  // The role a rule asks for that no actor fills at `chain` (from find), or
  // null when every role it asks for is filled.
  const char* missing_role(const rules::CompiledRule& rule, const std::vector<Span>& chain) {
    if (rule.source_piece >= 0 &&
        !filled(match::Role::kSource, rule.source_piece, rule.source_official, chain))
      return "source";
    if (rule.speaker_piece >= 0 &&
        !filled(match::Role::kSpeaker, rule.speaker_piece, rule.speaker_official, chain))
      return "speaker";
    if (rule.target_piece >= 0 &&
        !filled(match::Role::kTarget, rule.target_piece, rule.target_official, chain))
      return "target";
    return nullptr;
  }

 private:
  bool filled(match::Role role, int piece, bool official, const std::vector<Span>& chain) {
    Occurrences& mentions = s_.occurrences[entry(piece)];
    if (match::role_filled(role, text_, words(), chain, mentions)) return true;
    if (!official || !officials_ || officials_->empty()) return false;
    if (!named_officials_) named_officials_.emplace(match::find_names(text_, *officials_));
    return match::role_filled(role, text_, words(), chain, *named_officials_);
  }

  const text::WordIndex& words() {
    if (!words_indexed_) {
      s_.words.index(text_);
      words_indexed_ = true;
    }
    return s_.words;
  }

  // The index in s_.occurrences of the piece's occurrences. Few pieces are
  // looked up per sentence, so a flat list beats a map.
  std::size_t entry(int piece) {
    for (std::size_t i = 0; i < s_.occurrences_used; ++i) {
      if (s_.occurrences[i].piece() == piece) return i;
    }
    if (s_.occurrences_used == s_.occurrences.size()) s_.occurrences.emplace_back();
    s_.occurrences[s_.occurrences_used].reset(piece, pieces_, text_);
    return s_.occurrences_used++;
  }

  // False only when the on-demand scan ran (or may run, with `may_scan`)
  // and did not report the piece. Should that scan fail, every on-demand
  // piece may occur and is searched for.
  bool may_occur_on_demand(int piece, bool may_scan) {
    std::vector<int>& present = s_.present_on_demand;
    if (!on_demand_scanned_) {
      if (!may_scan) return true;
      on_demand_scanned_ = true;
      std::string error;
      on_demand_known_ = pieces_.present_on_demand(text_, &present, &error);
    }
    return !on_demand_known_ || std::binary_search(present.begin(), present.end(), piece);
  }

  static constexpr std::size_t kWordsKept = std::size_t{1} << 16;

  const match::PieceSet& pieces_;
  std::string_view text_;
  Scratch& s_;
  const std::vector<std::string>* officials_;
  std::optional<match::SpanList> named_officials_;  // officials met earlier, where named here
  bool on_demand_scanned_ = false;
  bool on_demand_known_ = false;
  bool words_indexed_ = false;
};

std::vector<Span> to_original(const text::MatchText& text, const std::vector<Span>& spans) {
  std::vector<Span> out;
  out.reserve(spans.size());
  for (const Span& s : spans) out.push_back(text.original_span(s.begin, s.end));
  return out;
}

}  // namespace

bool find_rule_evidence(const Engine::Impl& impl, const std::vector<RuleInfo>& rules,
                        const text::MatchText& sentence, const std::vector<std::string>* officials,
                        RuleEvidence* out, std::string* error) {
  thread_local Scratch scratch;
  if (!impl.pieces->present(sentence.text(), &scratch.present, error)) return false;
  if (scratch.present.empty()) return true;
  find_complete_sequences(impl, scratch);
  if (scratch.complete.empty()) return true;

  const rules::Program& program = *impl.program;
  const std::vector<std::uint32_t>& complete = scratch.complete;
  SentenceMatch match(*impl.pieces, sentence.text(), scratch, officials);
  for (std::size_t i = 0; i < complete.size();) {
    const std::size_t rule = impl.sequences[complete[i]].rule;
    std::size_t end = i;
    while (end < complete.size() && impl.sequences[complete[end]].rule == rule) ++end;
    const rules::CompiledRule& compiled = program.rules[rule];
    const RuleInfo& info = rules[rule];
    std::vector<Span> fired;  // a chain is never empty
    std::vector<Span> unfilled;
    const char* missing = nullptr;
    for (std::size_t k = i; k < end && fired.empty(); ++k) {
      const rules::CompiledSequence& seq = *impl.sequences[complete[k]].sequence;
      if (const std::vector<Span>* chain = match.find(seq, SentenceMatch::Line::kMatch)) {
        if (const char* role = match.missing_role(compiled, *chain)) {
          if (!missing) {  // the first line that matched is the one reported
            unfilled = to_original(sentence, *chain);
            missing = role;
          }
          continue;
        }
        fired = to_original(sentence, *chain);
      }
    }
    i = end;
    if (fired.empty()) {
      if (missing) {
        out->cancelled.push_back(
            Cancellation{info.id, info.event_type, std::move(unfilled), {}, missing});
      }
      continue;
    }
    const std::vector<Span>* cancelled = nullptr;
    for (const rules::CompiledSequence& seq : compiled.unless) {
      if ((cancelled = match.find(seq, SentenceMatch::Line::kUnless))) break;
    }
    if (cancelled) {
      out->cancelled.push_back(Cancellation{
          info.id, info.event_type, std::move(fired), to_original(sentence, *cancelled), {}});
      continue;
    }
    score::Candidate c;
    c.type_index = compiled.type_index;
    c.group = info.group;
    c.evidence.rule_id = info.id;
    c.evidence.weight = info.weight;
    c.evidence.spans = std::move(fired);
    out->fired.push_back(std::move(c));
  }
  return true;
}

}  // namespace demarche
