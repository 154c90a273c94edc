// The state behind demarche::Engine, shared by its copies.
#pragma once

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "demarche/engine.hpp"
#include "match/piece_set.hpp"
#include "match/titled_names.hpp"
#include "rules/program.hpp"
#include "score/scorer.hpp"

namespace demarche {

struct Engine::Impl {
  Impl(std::shared_ptr<const rules::Program> program, std::int64_t set_memory);
  // For Engine::with_own_matcher_state: `shared`'s program, tables,
  // Vectorscan databases and word lookups, with regexes of its own
  // (PieceSet::with_own_regexes).
  struct OwnRegexes {};
  Impl(const Impl& shared, OwnRegexes);

  std::shared_ptr<const rules::Program> program;
  std::int64_t set_memory = 0;
  std::shared_ptr<const match::PieceSet> pieces;  // owns the regex caches
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
  // Finds people introduced with an official's title, for classify_document;
  // looked for only when some rule's `source:` or `target:` has `official`.
  match::TitledNames titled_names;
  bool names_officials = false;
  // Engine::rules_hash() of the whole program, made on first use, since
  // `classify` asks for it twice: to compare, and in with_weights.
  mutable std::once_flag rules_hash_once;
  mutable std::string rules_hash;
};

}  // namespace demarche

namespace demarche {

// The numbers that turn evidence into confidence: the authored ones, or
// learned ones (Engine::with_weights). Engine::rules() and event_types()
// report these, so every caller sees the weights actually in use.
struct Engine::Scoring {
  Scoring(std::vector<EventTypeInfo> scored_types, std::vector<RuleInfo> scored_rules,
          std::map<std::string, double> factors, bool is_learned)
      : types(std::move(scored_types)),
        rules(std::move(scored_rules)),
        scorer(types, is_learned ? score::Counting::kEvery : score::Counting::kStrongestOfOverlaps),
        plugin_factors(std::move(factors)),
        learned(is_learned) {}
  // `learned_types`, parallel to the types: which of them score with learned
  // numbers (every evidence counts) and which with authored ones.
  Scoring(std::vector<EventTypeInfo> scored_types, std::vector<RuleInfo> scored_rules,
          std::map<std::string, double> factors, const std::vector<bool>& learned_types)
      : types(std::move(scored_types)),
        rules(std::move(scored_rules)),
        scorer(types, counting_of(learned_types)),
        plugin_factors(std::move(factors)),
        learned(std::find(learned_types.begin(), learned_types.end(), true) !=
                learned_types.end()) {}

  // The authored numbers of `program`.
  static std::shared_ptr<const Scoring> authored(const rules::Program& program);

  std::vector<EventTypeInfo> types;  // priors in use
  std::vector<RuleInfo> rules;       // weights in use; parallel to Program::rules
  score::Scorer scorer;
  std::map<std::string, double> plugin_factors;  // "PLUGIN/TYPE" -> factor; absent: 1
  bool learned = false;                          // some type scores with learned numbers

 private:
  static std::vector<score::Counting> counting_of(const std::vector<bool>& learned_types) {
    std::vector<score::Counting> out;
    for (bool learned_type : learned_types) {
      out.push_back(learned_type ? score::Counting::kEvery : score::Counting::kStrongestOfOverlaps);
    }
    return out;
  }
};

// The rules and types an Engine::with_selection copy keeps.
struct Engine::Selection {
  std::set<std::string, std::less<>> rules;
  std::set<std::string, std::less<>> types;
};

}  // namespace demarche
