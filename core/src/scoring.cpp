// Engine::Scoring: authored numbers, learned ones, and the rules' fingerprint
// that tells whether learned ones were fitted on these rules.
#include <algorithm>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <vector>

#include "demarche/plugins.hpp"
#include "demarche/weights.hpp"
#include "engine_impl.hpp"
#include "match/hyperscan_cache.hpp"

namespace demarche {

std::shared_ptr<const Engine::Scoring> Engine::Scoring::authored(const rules::Program& program) {
  std::vector<EventTypeInfo> types = program.types;
  for (EventTypeInfo& t : types) t.authored_prior = t.prior;
  std::vector<RuleInfo> rules = program.infos;
  for (RuleInfo& r : rules) r.authored_weight = r.weight;
  return std::make_shared<const Scoring>(std::move(types), std::move(rules),
                                         std::map<std::string, double>{}, false);
}

namespace {

// The prefixes of the two ways of fingerprinting rules. The first hashed
// every piece of every sequence a byte at a time: the shipped rules use
// their gazetteer pieces (20,000 to 30,000 characters) in many rules, so it
// hashed 3.5 MB, 15 million instructions and a tenth of start-up. The
// second hashes each distinct piece once, eight bytes a step, and then only
// its hash. Weights files written before carry the first, and are still
// recognised (Engine::has_rules_hash).
constexpr std::string_view kLegacyPrefix = "fnv1a64:";
constexpr std::string_view kPiecesPrefix = "fnv1a64-pieces:";

// FNV-1a, 64 bits: stable across platforms and runs, which std::hash is not.
class Fingerprint {
 public:
  void add(std::string_view text) {
    for (unsigned char c : text) mix(c);
    mix(0x1f);  // a separator, so that "ab","c" and "a","bc" differ
  }
  void add(double number) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", number);
    add(std::string_view(buffer));
  }
  // Eight bytes, least significant first whatever the platform's order.
  void add(std::uint64_t value) {
    for (int shift = 0; shift < 64; shift += 8) mix(static_cast<unsigned char>(value >> shift));
    mix(0x1f);
  }
  std::string hex() const {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016" PRIx64, state_);
    return buffer;
  }

 private:
  void mix(unsigned char c) {
    state_ ^= c;
    state_ *= 0x100000001b3ULL;
  }
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

// How a fingerprint takes in a sequence's pieces: their text (legacy) or
// each distinct piece's own hash, made once.
class PieceHashes {
 public:
  PieceHashes(const rules::Program& program, bool legacy)
      : program_(program), legacy_(legacy), hashes_(legacy ? 0 : program.piece_regexes.size()) {}

  void add(Fingerprint& f, int piece) {
    const auto index = static_cast<std::size_t>(piece);
    if (legacy_) {
      f.add(program_.piece_regexes[index]);
      return;
    }
    std::optional<std::uint64_t>& hash = hashes_[index];
    if (!hash) hash = match::cache_hash(program_.piece_regexes[index]);
    f.add(*hash);
  }

 private:
  const rules::Program& program_;
  bool legacy_;
  std::vector<std::optional<std::uint64_t>> hashes_;
};

void add_sequence(Fingerprint& f, PieceHashes& pieces, const rules::CompiledSequence& seq) {
  for (int piece : seq.pieces) pieces.add(f, piece);
  for (int gap : seq.gaps) f.add(std::to_string(gap));
  f.add("end of sequence");
}

Diagnostic weights_warning(const LearnedWeights& weights, int line, std::string message,
                           int column = 1) {
  Diagnostic d;
  d.severity = Severity::kWarning;
  d.code = "W201";
  d.file = weights.source.empty() ? "<weights>" : weights.source;
  d.line = line;
  d.column = line > 0 ? column : 0;
  d.message = std::move(message);
  return d;
}

// Where an entry's name starts on its line: after "KIND<TAB>".
constexpr int kPluginNameColumn = sizeof("plugin\t");

// Why a plugin entry ("PLUGIN/TYPE") cannot apply, or "" when it can. A
// factor keyed by anything else would silently never be looked up.
// `plugins`: the plugins the engine runs, or null when it runs none (then
// every factor is unused anyway, and naming them all would only be noise).
std::string unusable_plugin_entry(const std::string& name, const std::vector<EventTypeInfo>& types,
                                  const PluginSet* plugins) {
  // The last slash: event type names have none, a plugin's name might.
  const std::size_t slash = name.rfind('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == name.size()) {
    return "plugin entry '" + name + "' is not PLUGIN/TYPE; its factor is ignored";
  }
  const std::string plugin = name.substr(0, slash);
  const std::string type = name.substr(slash + 1);
  const bool known_type = std::any_of(types.begin(), types.end(),
                                      [&](const EventTypeInfo& t) { return t.name == type; });
  if (!known_type) {
    return "event type '" + type + "' of plugin entry '" + name +
           "' is not in these rules; its factor is ignored";
  }
  if (plugins != nullptr && !plugins->plugins.empty()) {
    const bool loaded = std::any_of(
        plugins->plugins.begin(), plugins->plugins.end(),
        [&](const std::shared_ptr<const LoadedPlugin>& p) { return p->name() == plugin; });
    if (!loaded) {
      return "plugin '" + plugin + "' of entry '" + name + "' is not loaded; its factor is ignored";
    }
  }
  return {};
}

}  // namespace

namespace {

// What rules_hash() hashes, for every type or only `only`'s; empty when
// `only` names no declared type. `legacy`: the way of demarche before the
// pieces' hashes (kLegacyPrefix), to recognise weights files it wrote.
std::string fingerprint(const rules::Program& program, const std::string_view* only, bool legacy) {
  Fingerprint f;
  bool declared = false;
  for (const EventTypeInfo& t : program.types) {
    if (only && t.name != *only) continue;
    f.add(t.name);
    f.add(t.prior);
    declared = true;
  }
  if (!declared && only) return {};
  PieceHashes pieces(program, legacy);
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    const RuleInfo& info = program.infos[r];
    if (only && info.event_type != *only) continue;
    f.add(info.id);
    f.add(info.event_type);
    f.add(info.weight);
    f.add(info.group);
    for (const auto& seq : program.rules[r].matches) add_sequence(f, pieces, seq);
    f.add("unless");
    for (const auto& seq : program.rules[r].unless) add_sequence(f, pieces, seq);
  }
  return std::string(legacy ? kLegacyPrefix : kPiecesPrefix) + f.hex();
}

}  // namespace

std::string Engine::rules_hash() const {
  std::call_once(impl_->rules_hash_once,
                 [this] { impl_->rules_hash = fingerprint(*impl_->program, nullptr, false); });
  return impl_->rules_hash;
}

std::string Engine::rules_hash(std::string_view event_type) const {
  return fingerprint(*impl_->program, &event_type, false);
}

bool Engine::has_rules_hash(std::string_view hash) const {
  if (hash.starts_with(kLegacyPrefix)) return hash == fingerprint(*impl_->program, nullptr, true);
  return hash == rules_hash();
}

bool Engine::has_rules_hash(std::string_view hash, std::string_view event_type) const {
  const bool legacy = hash.starts_with(kLegacyPrefix);
  const std::string own = fingerprint(*impl_->program, &event_type, legacy);
  return !own.empty() && hash == own;
}

Engine Engine::with_weights(const LearnedWeights& weights,
                            std::vector<Diagnostic>* warnings) const {
  const std::shared_ptr<const Scoring> authored = Scoring::authored(*impl_->program);
  std::vector<EventTypeInfo> types = authored->types;
  std::vector<RuleInfo> rules = authored->rules;
  std::map<std::string, double> factors;
  std::vector<Diagnostic> found;
  if (!has_rules_hash(weights.rules_hash)) {
    const std::string hash = rules_hash();
    found.push_back(weights_warning(
        weights, 0,
        "these weights were fitted on other rules (rules hash " + weights.rules_hash +
            ", these rules " + hash +
            "); rules they do not name keep their authored weights. Refit with `demarche "
            "calibrate`"));
  }
  for (const LearnedWeights::Entry& e : weights.entries) {
    if (e.kind == LearnedWeights::Kind::kPlugin) {
      const std::string why = unusable_plugin_entry(e.name, types, plugins_.get());
      if (why.empty()) {
        factors[e.name] = e.value;
      } else {
        found.push_back(weights_warning(weights, e.line, why, kPluginNameColumn));
      }
      continue;
    }
    bool known = false;
    if (e.kind == LearnedWeights::Kind::kPrior) {
      for (EventTypeInfo& t : types) {
        if (t.name == e.name) {
          t.prior = e.value;
          known = true;
        }
      }
    }
    if (e.kind == LearnedWeights::Kind::kRule) {
      for (RuleInfo& r : rules) {
        if (r.id == e.name) {
          r.weight = e.value;
          known = true;
        }
      }
    }
    if (!known) {
      found.push_back(weights_warning(
          weights, e.line,
          std::string(e.kind == LearnedWeights::Kind::kRule ? "rule" : "event type") + " '" +
              e.name + "' is not in these rules; its weight is ignored"));
    }
  }
  if (warnings) warnings->insert(warnings->end(), found.begin(), found.end());
  // A type whose prior the weights name was fitted; the others keep the
  // authored way of counting too (overlaps count once), as their numbers
  // were written for it.
  std::vector<bool> learned_types(types.size(), false);
  for (const LearnedWeights::Entry& e : weights.entries) {
    if (e.kind != LearnedWeights::Kind::kPrior) continue;
    for (std::size_t t = 0; t < types.size(); ++t) {
      if (types[t].name == e.name) learned_types[t] = true;
    }
  }
  Engine copy(*this);
  copy.scoring_ = std::make_shared<const Scoring>(std::move(types), std::move(rules),
                                                  std::move(factors), learned_types);
  return copy;
}

Engine Engine::with_authored_weights() const {
  Engine copy(*this);
  copy.scoring_ = Scoring::authored(*impl_->program);
  return copy;
}

bool Engine::uses_learned_weights() const {
  return scoring_->learned;
}

}  // namespace demarche
