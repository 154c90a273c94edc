// demarche/engine.hpp: compile rule files once, classify sentences many times.
//
//   demarche::Loaded loaded = demarche::load_rules({"rules/"});
//   for (const auto& d : loaded.diagnostics) std::cerr << d.to_string() << '\n';
//   if (!loaded.ok()) return 2;  // nothing partial is ever loaded
//   const demarche::Engine& engine = *loaded.engine;
//   demarche::SentenceResult r = engine.classify_sentence("Paris expelled two envoys.");
//   for (const auto& doc_sentence : engine.classify_document(article)) { ... }
//   engine.classify_document(huge_article, [](demarche::SentenceResult&& r) { ... });
//
// An Engine is immutable once built. Its classify calls are const and safe to
// call from many threads at once. Threads that share one Engine share its
// regex caches (which take a lock); a worker that wants its own caches calls
// `with_own_matcher_state()` once and uses the copy, which is cheap (it
// shares everything else).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "demarche/diagnostic.hpp"
#include "demarche/result.hpp"

namespace demarche {

struct LoadOptions {
  // Memory for the automaton of each of the two pattern sets (the one every
  // sentence is scanned with, and the one for `unless:` pieces). RE2's
  // default (8 MiB) is too small for hundreds of rules; when even this runs
  // out, classification reports an error for that sentence rather than a
  // silent "no match".
  std::int64_t set_memory_bytes = std::int64_t{512} << 20;
  // Run the linter (warnings W1xx) as well as the checks for errors.
  bool lint = true;
  // The folder that `import "demarche:NAME"` and `gazetteer "demarche:NAME"`
  // name: the shipped rules, so that an author's own file elsewhere can use
  // their definitions (the command line sets it). Empty: such imports fail
  // with E013.
  std::string library_path;
};

// A rule file given as text rather than a path (tests, embedding). `name`
// appears in diagnostics and is what `import "name"` in another source refers to.
struct RuleSource {
  std::string name;
  std::string text;
};

struct EventTypeInfo {
  std::string name;
  double prior = 0;  // base rate in use, in (0,1): learned, when the engine uses learned weights
  std::string description;
  double authored_prior = 0;  // as the rule file declares it
};

struct ExampleInfo {
  bool should_fire = true;   // `example:` fires the rule; `counterexample:` must not
  std::string text;          // with any [[ ]] markers removed
  std::vector<Span> marked;  // spans the author marked with [[ ]] in `text`
  std::string file;
  int line = 0;
};

struct RuleInfo {
  std::string id;
  std::string event_type;
  double weight = 0;  // in use: learned, when the engine uses learned weights
  std::string group;  // rules in one group count once per sentence
  std::string description;
  std::string cameo;
  std::string plover;
  std::vector<std::string> references;
  // Actor classes that must stand where the one who acts (source), the one
  // who says so (speaker) or the one acted on (target) stands, as written
  // ("state igo official"); empty: none.
  std::string source;
  std::string speaker;
  std::string target;
  std::string file;
  int line = 0;
  std::vector<ExampleInfo> examples;
  double authored_weight = 0;  // as the rule file writes it
};

// One embedded example that did not behave as its rule says it should.
struct ExampleFailure {
  std::string rule_id;
  ExampleInfo example;
  std::string reason;
};

// One piece of a rule's pattern and where it occurs in a sentence.
struct NearMissPiece {
  std::string source;       // as written in the rule: "{EXPEL}", "persona non grata"
  std::vector<Span> found;  // every occurrence in the sentence; empty when absent
};

// How close a rule that did not fire on a sentence came to firing, for rule
// authors looking at a missed sentence (Engine::near_misses).
struct NearMiss {
  enum class Kind {
    kPiecesMissing,  // some pieces of its closest `match:` do not occur
    kTooFarApart,    // every piece occurs, but not in order within the gaps
    kCancelled,      // a `match:` matched and an `unless:` cancelled it
  };
  std::string rule_id;
  Kind kind = Kind::kPiecesMissing;
  // The fraction of the closest `match:`'s pieces that occur: in (0,1) for
  // kPiecesMissing, 1 for the other kinds.
  double closeness = 0;
  std::string pattern;  // that `match:` (the `unless:` for kCancelled), as written
  std::string file;     // where `pattern` is written
  int line = 0;
  std::vector<NearMissPiece> pieces;  // of `pattern`, in order
  // One line for people, naming pieces in backticks (a raw regex longer than
  // 40 bytes cut short with "..."):
  //   `{EXPEL}` found "expelled"; `{TARGET}` not found
  //   all pieces found, but `{EXPEL}` and `{TARGET}` are 9 words apart (at most ~6)
  //   all pieces found, but `{TARGET}` "envoys" never follows `{EXPEL}` "expelled"
  //   matched "expel" "envoys", cancelled by unless: `{NEGATION} ~2 {EXPEL}` ("not" "expel")
  std::string reason;
};

class Engine;
struct PluginSet;
struct LearnedWeights;

struct Loaded {
  std::shared_ptr<const Engine> engine;  // null when any diagnostic is an error
  std::vector<Diagnostic> diagnostics;   // errors and warnings, in file order
  bool ok() const { return engine != nullptr; }
};

// Loads rule files and folders (every *.rules file below a folder, sorted by
// path). Imports are resolved relative to the importing file, or to
// options.library_path for "demarche:NAME". A file is read once however it
// is reached (by a folder, an import, or both).
Loaded load_rules(const std::vector<std::string>& paths, const LoadOptions& options = {});

// The same from text held in memory. A source whose name ends in ".tsv" is a
// gazetteer (`gazetteer "actors.tsv"`), read only where a rule file names it.
Loaded compile_rules(const std::vector<RuleSource>& sources, const LoadOptions& options = {});

class Engine {
 public:
  struct Impl;
  explicit Engine(std::shared_ptr<const Impl> impl);
  ~Engine();
  Engine(const Engine&) = default;
  Engine& operator=(const Engine&) = default;
  Engine(Engine&&) noexcept = default;
  Engine& operator=(Engine&&) noexcept = default;

  // Classifies `text` as one sentence, whatever punctuation it holds.
  SentenceResult classify_sentence(std::string_view text) const;

  // Splits a document into sentences (a line break also ends one) and
  // classifies each. Spans are offsets into `document`. A person the
  // document introduces with an official's title ("Foreign Minister Jean
  // Dupont") counts as an official for `source:` and `target:` in the
  // sentences after, by full name or surname.
  std::vector<SentenceResult> classify_document(std::string_view document) const;

  // The same, handing each sentence's result to `each` as soon as it is
  // classified, in document order, instead of returning them all: memory
  // then stays bounded by a sentence (and a block of about 1 MiB of lines
  // being split), not by the document. The results are those of the
  // version above, one call per sentence; an empty document makes none.
  void classify_document(std::string_view document,
                         const std::function<void(SentenceResult&&)>& each) const;

  // Splits a document into sentences without classifying them.
  std::vector<Span> segment(std::string_view document) const;

  const std::vector<EventTypeInfo>& event_types() const;
  const std::vector<RuleInfo>& rules() const;

  // Runs every embedded example; an empty result means all behaved. On an
  // engine with plugins, a plugin that brings the rule's event under 0.5 by
  // arguing against it (the modality plugin, for a threat or a denial) fails
  // an example and passes a counterexample the rule fires on.
  std::vector<ExampleFailure> test_examples() const;

  // For each rule of `event_type` that does not fire on `sentence` (one
  // sentence, as classify_sentence takes it) but came near: how near,
  // closest first (closeness, then cancelled before too far apart before
  // pieces missing, then rule order). A rule is left out when, of each of
  // its `match:` lines, no piece occurs or only pieces that can match a
  // common word ("the", "out": every sentence has them). Rules alone:
  // plugins play no part.
  // Slow by design (every piece of the type's rules is searched for with its
  // own regex): meant for the few sentences an evaluation got wrong.
  std::vector<NearMiss> near_misses(std::string_view sentence, std::string_view event_type) const;

  // A copy that shares the compiled rules, pattern databases and word
  // lookups but owns fresh regex caches, for a worker thread that should not
  // contend with others. Cheap: it reads no file and compiles nothing until
  // a sentence needs a regex (about 0.3 ms with the shipped rules).
  Engine with_own_matcher_state() const;

  // A copy that also runs every plugin of `plugins` on every sentence, after
  // the rules, and scores their evidence with the rules' (docs/plugins.md).
  // Null or an empty set gives the rules alone.
  Engine with_plugins(std::shared_ptr<const PluginSet> plugins) const;

  // A fingerprint of what the rules mean: the event types and priors, and
  // each rule's id, type, weight, group and compiled patterns (so comments
  // and layout do not change it, while editing a shared definition does).
  // A weights file records the fingerprint of the rules it was fitted on.
  std::string rules_hash() const;
  // The same for one event type: its name and prior, and its rules. Empty
  // for a type these rules do not declare.
  std::string rules_hash(std::string_view event_type) const;
  // Whether `hash`, recorded earlier from rules_hash() (a weights file's
  // `rules_hash`), is these rules' fingerprint. Also true of the fingerprint
  // earlier builds made ("fnv1a64:...", before each piece was hashed once),
  // so a weights file fitted then still matches the rules it was fitted on.
  bool has_rules_hash(std::string_view hash) const;
  // The same for one event type's rules_hash(event_type); false for a type
  // these rules do not declare.
  bool has_rules_hash(std::string_view hash, std::string_view event_type) const;

  // A copy that scores with learned weights (demarche/weights.hpp): their
  // priors, rule weights and plugin factors replace the authored ones, and
  // every piece of evidence counts (docs/scoring.md). Types and rules the
  // file does not name keep their authored numbers; a type whose prior the
  // file does not name also keeps the authored way of counting. Appends a warning to
  // `warnings` when the weights were fitted on other rules (a different
  // rules_hash) or name rules or types these rules lack, and for each plugin
  // entry that is not PLUGIN/TYPE, names an unknown type or, on an engine
  // with plugins, a plugin it does not run (give the plugins first).
  Engine with_weights(const LearnedWeights& weights,
                      std::vector<Diagnostic>* warnings = nullptr) const;
  // A copy that scores with the authored numbers again.
  Engine with_authored_weights() const;
  bool uses_learned_weights() const;

  // A copy that runs only the rules named in `rule_ids`, for an author
  // measuring what they are writing: the other rules neither fire nor show
  // as cancelled, plugin evidence counts only for the selected rules' event
  // types, and test_examples() and near_misses() look at the selected rules
  // only. Ids these rules lack are ignored. An empty list selects every rule.
  Engine with_selection(const std::vector<std::string>& rule_ids) const;
  // Whether a rule, or an event type (one of whose rules is selected), is in
  // the selection; always true without one.
  bool selects_rule(std::string_view rule_id) const;
  bool selects_type(std::string_view event_type) const;

  struct Scoring;
  struct Selection;

 private:
  // `offset`: where `text` starts in its document, for plugins; `officials`:
  // people the document has introduced with an official's title, or null.
  SentenceResult classify(std::string_view text, std::size_t offset,
                          const std::vector<std::string>* officials) const;

  std::shared_ptr<const Impl> impl_;
  std::shared_ptr<const PluginSet> plugins_;    // null: rules alone
  std::shared_ptr<const Scoring> scoring_;      // never null
  std::shared_ptr<const Selection> selection_;  // null: every rule
};

}  // namespace demarche
