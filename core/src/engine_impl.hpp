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
  // For each piece, the rules that use it in a `match:` or `pattern:`, so a
  // sentence only looks at rules whose pieces the set reported.
  std::vector<std::vector<std::size_t>> rules_using_piece;
};

}  // namespace demarche
