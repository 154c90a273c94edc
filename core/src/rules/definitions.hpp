// Named pattern pieces ({NAME}) and their expansion.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "rules/diagnostics.hpp"
#include "rules/loader.hpp"

namespace demarche::rules {

class Definitions {
 public:
  // Collects every definition, reporting duplicates (E014), undefined (E004)
  // and recursive (E005) references and invalid bodies (E008).
  Definitions(const ParsedFiles& files, DiagnosticSink& sink);

  // `pattern` with every {NAME} replaced by its expansion as (?:...), as seen
  // from file `file_index`. `pos` is where `pattern` starts, for diagnostics.
  // nullopt after reporting a problem.
  std::optional<std::string> expand(std::string_view pattern, std::size_t file_index,
                                    const SourcePos& pos, DiagnosticSink& sink) const;

 private:
  struct Entry {
    const DefineAst* define = nullptr;
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
                                        const std::function<bool(const Entry&)>& ready) const;

  const ParsedFiles& files_;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace demarche::rules
