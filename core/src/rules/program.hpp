// Compiled rules: what the engine runs, free of syntax and names.
#pragma once

#include <string>
#include <vector>

#include "demarche/engine.hpp"
#include "match/piece_set.hpp"
#include "rules/diagnostics.hpp"
#include "rules/loader.hpp"

namespace demarche::rules {

// Pieces (indices into Program::piece_regexes) that must occur in order, at
// most gaps[i] words between pieces[i] and pieces[i+1].
struct CompiledSequence {
  std::vector<int> pieces;
  std::vector<int> gaps;
  // As the author wrote it, for Engine::near_misses (never used to match):
  // the whole value, each piece's text ("{EXPEL}") and the value's line.
  std::string source;
  std::vector<std::string> piece_sources;  // parallel to pieces
  int line = 0;
};

struct CompiledRule {
  std::size_t type_index = 0;
  std::vector<CompiledSequence> matches;  // any one fires the rule
  std::vector<CompiledSequence> unless;   // any one cancels it
  // The piece that finds the actors of the rule's `source:` (`target:`)
  // classes, or -1 when the rule has none (match/roles.hpp).
  int source_piece = -1;
  int speaker_piece = -1;  // `speaker:`: the same, for the sentence's speaker
  int target_piece = -1;
  // Whether the classes include `official`, so that a person introduced
  // with an official's title earlier in the document counts too
  // (match/titled_names.hpp).
  bool source_official = false;
  bool speaker_official = false;
  bool target_official = false;
};

struct Program {
  std::vector<EventTypeInfo> types;
  std::vector<RuleInfo> infos;  // parallel to rules
  std::vector<CompiledRule> rules;
  std::vector<std::string> piece_regexes;  // distinct; see match::piece_regex
  // Per piece: how the engine learns whether it occurs (compiler.cpp,
  // choose_piece_scans).
  std::vector<match::PieceScan> piece_scan;
  // The keys of every gazetteer's `official` kind, as one RE2 pattern
  // (actor_keys_pattern); empty when no gazetteer has that kind.
  std::string official_titles;
};

// Resolves names and compiles every pattern, reporting every error (and, with
// `lint`, warnings) to `sink`. The result is only meaningful without errors.
Program compile_program(const ParsedFiles& files, DiagnosticSink& sink, bool lint);

}  // namespace demarche::rules
