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
  // Every `match:` sequence of every rule, numbered in rule order so that
  // sorting their numbers groups them by rule.
  struct SequenceRef {
    std::size_t rule = 0;
    const rules::CompiledSequence* sequence = nullptr;
    std::size_t pieces_in_set = 0;  // distinct
  };
  std::vector<SequenceRef> sequences;
  // For each piece in the set, the sequences that use it: a sentence counts,
  // per sequence, how many of its set pieces the set reported, and looks
  // only at sequences whose set pieces are all there.
  std::vector<std::vector<std::uint32_t>> sequences_using_piece;
};

}  // namespace demarche
