// The state behind demarche::Engine, shared by its copies.
#pragma once

#include <memory>
#include <vector>

#include "demarche/engine.hpp"
#include "match/piece_set.hpp"
#include "rules/program.hpp"
#include "score/scorer.hpp"

namespace demarche {

struct Engine::Impl {
  Impl(std::shared_ptr<const rules::Program> program, std::int64_t set_memory);

  std::shared_ptr<const rules::Program> program;
  std::int64_t set_memory = 0;
  std::unique_ptr<const match::PieceSet> pieces;  // owns the regex caches
  score::Scorer scorer;
  // Every sequence of every rule, `match:` and `unless:` alike, numbered in
  // rule order so that sorting their numbers groups them by rule.
  struct SequenceRef {
    std::size_t rule = 0;
    bool is_unless = false;
    const rules::CompiledSequence* sequence = nullptr;
    std::size_t distinct_pieces = 0;
  };
  std::vector<SequenceRef> sequences;
  // For each piece, the sequences that use it: a sentence counts, per
  // sequence, how many of its pieces the set reported, and looks only at
  // sequences whose pieces are all there.
  std::vector<std::vector<std::uint32_t>> sequences_using_piece;
};

}  // namespace demarche
