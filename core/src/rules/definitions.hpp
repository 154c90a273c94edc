// Named pattern pieces ({NAME}) and their expansion.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "match/checked_pieces.hpp"
#include "rules/diagnostics.hpp"
#include "rules/gazetteer.hpp"
#include "rules/loader.hpp"

namespace demarche::rules {

class Definitions {
 public:
  // Collects every definition, reporting duplicates within a file and names
  // that two visible files both define (E014), undefined (E004) and
  // recursive (E005) references and invalid bodies (E008). Files that do not
  // see each other may each define the same name for their own use.
  // Each kind of a gazetteer (`keys`, parallel to files.gazetteers) is a
  // definition `{@kind}` in the files that name the gazetteer: every key of
  // that kind (actor_keys_pattern).
  // Bodies that `checked` says an earlier load compiled are not compiled
  // again (match/checked_pieces.hpp); those compiled now are added to it.
  Definitions(const ParsedFiles& files, const std::vector<std::vector<ActorKey>>& keys,
              match::CheckedPieces& checked, DiagnosticSink& sink);

  // `pattern` with every {NAME} and {@kind} replaced by its expansion as (?:...), as seen
  // from file `file_index`. `pos` is where `pattern` starts, for diagnostics.
  // nullopt after reporting a problem.
  std::optional<std::string> expand(std::string_view pattern, std::size_t file_index,
                                    const SourcePos& pos, DiagnosticSink& sink) const;

 private:
  struct Entry {
    const DefineAst* define = nullptr;  // null for a gazetteer kind
    std::size_t file = 0;
    enum class State { kPending, kExpanding, kDone, kFailed } state = State::kPending;
    std::string expansion;  // (?:...), valid when kDone
  };

  // Expands the body of `name` (memoised); false when it cannot be.
  bool expand_entry(Entry& entry, DiagnosticSink& sink);
  // Replaces references, asking `ready` whether a referenced entry has its
  // expansion (the constructor expands on demand; later callers only look).
  std::optional<std::string> substitute(std::string_view pattern, std::size_t file_index,
                                        const SourcePos& pos, DiagnosticSink& sink,
                                        const std::function<bool(Entry&)>& ready) const;

  // Resolves `name` as seen from `file_index`; reports and returns null
  // when it is undefined there or ambiguous.
  Entry* lookup(std::string_view name, std::size_t file_index, const SourcePos& pos,
                DiagnosticSink& sink) const;

  static constexpr int kMaxDepth = 100;
  int depth_ = 0;  // definitions being expanded, one inside another

  const ParsedFiles& files_;
  match::CheckedPieces& checked_;
  // Keyed by (name, declaring file). Mutable only so that the constructor
  // can expand entries on demand through the same lookup that expand() uses.
  mutable std::map<std::pair<std::string, std::size_t>, Entry, std::less<>> entries_;
};

}  // namespace demarche::rules
