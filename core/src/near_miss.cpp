// Engine::near_misses: how close the rules of one type came on a sentence
// where they did not fire, for rule authors reading an evaluation's misses.
//
// This is the slow path on purpose. It asks the engine (rules alone) which
// rules fired or were cancelled, so it never disagrees with classification,
// then searches for every piece of every other rule of the type with the
// piece's own regex, skipping the combined set's shortcuts: a piece that the
// set leaves out, or that the set rules out, must still be reported as found
// or not. It is called for a handful of sentences, never while classifying.
#include <algorithm>
#include <limits>
#include <map>
#include <optional>

#include "demarche/engine.hpp"
#include "engine_impl.hpp"
#include "match/sequence.hpp"
#include "text/normalize.hpp"
#include "text/words.hpp"

namespace demarche {
namespace {

// Where each piece occurs in the sentence (normalised offsets), searched for
// once per piece.
class PieceLookup {
 public:
  PieceLookup(const match::PieceSet& pieces, std::string_view normalized)
      : pieces_(pieces), text_(normalized), words_(normalized) {}

  const std::vector<Span>& occurrences(int piece) {
    auto [it, fresh] = cache_.try_emplace(piece);
    if (fresh) pieces_.occurrences(piece, text_, &it->second);
    return it->second;
  }

  const text::WordIndex& words() const { return words_; }

  // False for a piece that can match a common word on its own (one that the
  // combined set leaves out; see match/common_words.hpp).
  bool selective(int piece) const { return pieces_.in_set(piece); }

  // The chain where `seq` matches, as classification would find it.
  std::optional<std::vector<Span>> find(const rules::CompiledSequence& seq) {
    std::vector<const std::vector<Span>*> lists;
    for (int piece : seq.pieces) {
      const std::vector<Span>& found = occurrences(piece);
      if (found.empty()) return std::nullopt;
      lists.push_back(&found);
    }
    std::vector<Span> chain;
    if (!match::find_sequence(lists, seq.gaps, words_, &chain)) return std::nullopt;
    return chain;
  }

 private:
  const match::PieceSet& pieces_;
  std::string_view text_;
  text::WordIndex words_;
  std::map<int, std::vector<Span>> cache_;
};

// Everything near_misses needs about one sentence.
struct SentenceView {
  std::string_view original;
  const text::MatchText& norm;
  PieceLookup& lookup;

  std::string quoted(const Span& normalized) const {
    const Span s = norm.original_span(normalized.begin, normalized.end);
    return '"' + std::string(original.substr(s.begin, s.size())) + '"';
  }

  std::string quoted(const std::vector<Span>& normalized) const {
    std::string out;
    for (const Span& s : normalized) {
      // Two appends, not `sep + quoted(s)`: GCC 12 at -O3 reports a false
      // -Wrestrict on the concatenation.
      if (!out.empty()) out += ' ';
      out += quoted(s);
    }
    return out;
  }

  std::vector<NearMissPiece> pieces(const rules::CompiledSequence& seq) const {
    std::vector<NearMissPiece> out;
    for (std::size_t i = 0; i < seq.pieces.size(); ++i) {
      NearMissPiece piece{seq.piece_sources[i], {}};
      for (const Span& s : lookup.occurrences(seq.pieces[i]))
        piece.found.push_back(norm.original_span(s.begin, s.end));
      out.push_back(std::move(piece));
    }
    return out;
  }
};

// A piece as a reason names it: in backticks, and cut short when it is a
// long raw regex (NearMiss::pieces keeps it whole).
std::string shown(const std::string& source) {
  constexpr std::size_t kLongest = 40;
  if (source.size() <= kLongest) return '`' + source + '`';
  std::size_t cut = kLongest - 3;
  while (cut > 0 && (static_cast<unsigned char>(source[cut]) & 0xC0) == 0x80) --cut;
  return '`' + source.substr(0, cut) + "...`";
}

std::size_t pieces_found(const rules::CompiledSequence& seq, PieceLookup& lookup) {
  return static_cast<std::size_t>(std::count_if(
      seq.pieces.begin(), seq.pieces.end(), [&](int p) { return !lookup.occurrences(p).empty(); }));
}

// '{EXPEL} found "expelled"; {TARGET} not found'.
std::string missing_reason(const rules::CompiledSequence& seq, const SentenceView& view) {
  std::string out;
  for (std::size_t i = 0; i < seq.pieces.size(); ++i) {
    const std::vector<Span>& found = view.lookup.occurrences(seq.pieces[i]);
    out += (i == 0 ? "" : "; ") + shown(seq.piece_sources[i]);
    out += found.empty() ? " not found" : " found " + view.quoted(found.front());
  }
  return out;
}

// Why a sequence whose pieces all occur still did not match: the first two
// neighbouring pieces that never occur in order within their gap. When every
// neighbouring pair does, only the chain as a whole fails (a middle piece's
// occurrences suit its left and right neighbours at different places).
std::string spacing_reason(const rules::CompiledSequence& seq, const SentenceView& view) {
  for (std::size_t i = 0; i + 1 < seq.pieces.size(); ++i) {
    const std::vector<Span>& left = view.lookup.occurrences(seq.pieces[i]);
    const std::vector<Span>& right = view.lookup.occurrences(seq.pieces[i + 1]);
    std::size_t closest = std::numeric_limits<std::size_t>::max();
    for (const Span& l : left) {
      for (const Span& r : right) {
        if (l.end <= r.begin)
          closest = std::min(closest, view.lookup.words().words_between(l.end, r.begin));
      }
    }
    const std::string a = shown(seq.piece_sources[i]);
    const std::string b = shown(seq.piece_sources[i + 1]);
    if (closest == std::numeric_limits<std::size_t>::max()) {
      return "all pieces found, but " + b + " " + view.quoted(right.front()) + " never follows " +
             a + " " + view.quoted(left.front());
    }
    const auto gap = static_cast<std::size_t>(seq.gaps[i]);
    if (closest > gap) {
      return "all pieces found, but " + a + " and " + b + " are " + std::to_string(closest) +
             " words apart (at most ~" + std::to_string(gap) + ")";
    }
  }
  return "all pieces found, but not in one chain within the gaps";
}

// The near miss of a rule that matched and was cancelled: by an `unless:`,
// or because no actor of its classes filled `missing_role` (when not empty).
NearMiss cancelled_miss(const rules::CompiledRule& rule, const SentenceView& view,
                        const std::string& missing_role) {
  NearMiss miss;
  miss.kind = NearMiss::Kind::kCancelled;
  miss.closeness = 1;
  std::optional<std::vector<Span>> matched;
  const rules::CompiledSequence* matched_seq = nullptr;
  for (const rules::CompiledSequence& seq : rule.matches) {
    if ((matched = view.lookup.find(seq))) {
      matched_seq = &seq;
      break;
    }
  }
  if (!missing_role.empty() && matched_seq != nullptr) {
    miss.pattern = matched_seq->source;
    miss.line = matched_seq->line;
    miss.pieces = view.pieces(*matched_seq);
    miss.reason = "matched " + view.quoted(*matched) + ", but no actor of its " + missing_role +
                  ": classes stands where it looks for one";
    return miss;
  }
  for (const rules::CompiledSequence& seq : rule.unless) {
    const std::optional<std::vector<Span>> unless = view.lookup.find(seq);
    if (!unless) continue;
    miss.pattern = seq.source;
    miss.line = seq.line;
    miss.pieces = view.pieces(seq);
    miss.reason = "matched " + (matched ? view.quoted(*matched) : std::string("(?)")) +
                  ", cancelled by unless: " + shown(seq.source) + " (" + view.quoted(*unless) + ")";
    return miss;
  }
  // Only if classification and this search disagree, which they must not.
  miss.reason = "cancelled by its unless";
  return miss;
}

// The near miss of a rule that neither fired nor was cancelled, from its
// closest `match:` sequence; nullopt when none of its pieces occurs.
std::optional<NearMiss> closest_miss(const rules::CompiledRule& rule, const SentenceView& view) {
  const rules::CompiledSequence* best = nullptr;
  double best_closeness = 0;
  for (const rules::CompiledSequence& seq : rule.matches) {
    // A sequence of which only common words occur ("the", "out": the pieces
    // the combined set leaves out) came nowhere near: every sentence has them.
    const bool telling = std::any_of(seq.pieces.begin(), seq.pieces.end(), [&](int p) {
      return view.lookup.selective(p) && !view.lookup.occurrences(p).empty();
    });
    if (!telling) continue;
    const double closeness = static_cast<double>(pieces_found(seq, view.lookup)) /
                             static_cast<double>(seq.pieces.size());
    if (closeness > best_closeness) {
      best = &seq;
      best_closeness = closeness;
    }
  }
  if (best == nullptr) return std::nullopt;
  NearMiss miss;
  miss.closeness = best_closeness;
  miss.pattern = best->source;
  miss.line = best->line;
  miss.pieces = view.pieces(*best);
  if (best_closeness >= 1) {
    miss.kind = NearMiss::Kind::kTooFarApart;
    miss.reason = spacing_reason(*best, view);
  } else {
    miss.kind = NearMiss::Kind::kPiecesMissing;
    miss.reason = missing_reason(*best, view);
  }
  return miss;
}

int kind_rank(NearMiss::Kind kind) {
  switch (kind) {
    case NearMiss::Kind::kCancelled:
      return 0;
    case NearMiss::Kind::kTooFarApart:
      return 1;
    case NearMiss::Kind::kPiecesMissing:
      break;
  }
  return 2;
}

}  // namespace

std::vector<NearMiss> Engine::near_misses(std::string_view sentence,
                                          std::string_view event_type) const {
  // The rules alone decide what fired: the same engine without plugins.
  const SentenceResult result = Engine(impl_).classify_sentence(sentence);
  auto fired = [&](const std::string& id) {
    for (const Event& event : result.events) {
      for (const Evidence& evidence : event.evidence) {
        if (evidence.rule_id == id) return true;
      }
    }
    return false;
  };
  auto cancellation = [&](const std::string& id) -> const Cancellation* {
    const auto it = std::find_if(result.cancelled.begin(), result.cancelled.end(),
                                 [&](const Cancellation& c) { return c.rule_id == id; });
    return it == result.cancelled.end() ? nullptr : &*it;
  };

  const text::MatchText norm(sentence);
  PieceLookup lookup(*impl_->pieces, norm.text());
  const SentenceView view{sentence, norm, lookup};
  const rules::Program& program = *impl_->program;
  std::vector<NearMiss> out;  // in rule order; the stable sort keeps it among equals
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    const RuleInfo& info = program.infos[r];
    if (info.event_type != event_type || !selects_rule(info.id) || fired(info.id)) continue;
    const Cancellation* cancelled = cancellation(info.id);
    std::optional<NearMiss> miss =
        cancelled ? cancelled_miss(program.rules[r], view, cancelled->missing_role)
                  : closest_miss(program.rules[r], view);
    if (!miss) continue;
    miss->rule_id = info.id;
    miss->file = info.file;
    out.push_back(std::move(*miss));
  }
  std::stable_sort(out.begin(), out.end(), [](const NearMiss& a, const NearMiss& b) {
    if (a.closeness != b.closeness) return a.closeness > b.closeness;
    return kind_rank(a.kind) < kind_rank(b.kind);
  });
  return out;
}

}  // namespace demarche
