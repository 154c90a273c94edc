#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>

#include "match/checked_pieces.hpp"
#include "match/common_words.hpp"
#include "match/piece_set.hpp"
#include "rules/definitions.hpp"
#include "rules/gazetteer.hpp"
#include "rules/lint.hpp"
#include "rules/program.hpp"

namespace demarche::rules {

namespace {

// The gazetteer kind whose keys are titles: a name after one is an official's.
constexpr const char* kOfficialKind = "official";

// Wider gaps than this are no longer "near"; write two rules instead.
constexpr int kMaxGapWords = 60;
// A piece this long (a gazetteer class: thousands of names) slows the scan
// of every sentence; where its sequence has a shorter selective piece, that
// one rules the sequence out and the long one is looked up only then.
constexpr std::size_t kBulkyPieceBytes = 2000;

std::optional<double> parse_number(const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

// A piece of a `match:`/`unless:` value, with its offset in the value.
struct RawPiece {
  std::string text;
  std::size_t offset = 0;
};

struct SplitValue {
  std::vector<RawPiece> pieces;
  std::vector<int> gaps;
};

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

// Splits "A ~6 B ~0 C" at gap tokens: '~' and digits standing alone between
// blanks. An escaped "\~" stays a literal tilde in its piece; any other '~'
// ("summoned~3 envoy", "~3envoy", "a ~ b", "~word") is an error, since it
// would silently become literal text that no sentence holds.
std::optional<SplitValue> split_sequence(const Value& value, DiagnosticSink& sink) {
  const std::string& s = value.text;
  SplitValue out;
  std::size_t piece_start = 0;
  auto close_piece = [&](std::size_t end, std::size_t token_pos) -> bool {
    std::size_t b = piece_start;
    std::size_t e = end;
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    if (b == e) {
      sink.error(shifted(value.pos, token_pos), "E012", "a gap '~N' needs a piece on both sides");
      return false;
    }
    out.pieces.push_back(RawPiece{s.substr(b, e - b), b});
    return true;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '~') continue;
    std::size_t backslashes = 0;
    while (backslashes < i && s[i - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 1) continue;  // "\~": a literal tilde
    std::size_t j = i + 1;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j == i + 1) {
      sink.error(shifted(value.pos, i), "E012",
                 "a gap is '~' and a number of words, such as '~6'; write '\\~' for a tilde");
      return std::nullopt;
    }
    const bool glued_left = i > 0 && !is_space(s[i - 1]);
    const bool glued_right = j < s.size() && !is_space(s[j]);
    if (glued_left || glued_right) {
      sink.error(shifted(value.pos, i), "E012",
                 "the gap '" + s.substr(i, j - i) +
                     "' is glued to a word, so it would be literal text; put a space on "
                     "both sides ('A " +
                     s.substr(i, j - i) + " B'), or write '\\~' for a tilde");
      return std::nullopt;
    }
    const int gap = std::atoi(s.substr(i + 1, j - i - 1).c_str());
    if (j - i - 1 > 3 || gap > kMaxGapWords) {
      sink.error(shifted(value.pos, i), "E012",
                 "gap of " + s.substr(i + 1, j - i - 1) + " words is too wide (at most " +
                     std::to_string(kMaxGapWords) + ")");
      return std::nullopt;
    }
    if (!close_piece(i, i)) return std::nullopt;
    out.gaps.push_back(gap);
    piece_start = j;
    i = j - 1;
  }
  if (!close_piece(s.size(), s.size())) return std::nullopt;
  return out;
}

// Whether `piece` can match an empty string anywhere: on its own ("x*"),
// or where its context allows it (`\b`, `(?:zzz|\b)`, `^`): such a piece
// would fire on every sentence with an empty span. Each place of a few
// short texts is tried, anchored there with the text around it as context.
bool can_match_empty(const RE2& piece) {
  if (RE2::FullMatch("", piece)) return true;
  constexpr std::array<std::string_view, 6> kProbes = {"a b", " a ",        "a",
                                                       "1.2", "\xC3\xA9 a", "A_b,c"};
  for (const std::string_view probe : kProbes) {
    const re2::StringPiece text(probe.data(), probe.size());
    for (std::size_t at = 0; at <= probe.size(); ++at) {
      if (piece.Match(text, at, at, RE2::ANCHOR_BOTH, nullptr, 0)) return true;
    }
  }
  return false;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::vector<std::set<std::string>> kinds_of(const std::vector<std::vector<ActorKey>>& gazetteers) {
  std::vector<std::set<std::string>> out;
  for (const std::vector<ActorKey>& keys : gazetteers) {
    std::set<std::string>& kinds = out.emplace_back();
    for (const ActorKey& k : keys) kinds.insert(k.kind);
  }
  return out;
}

class Compiler {
 public:
  Compiler(const ParsedFiles& files, DiagnosticSink& sink, bool lint)
      : files_(files),
        sink_(sink),
        lint_(lint),
        gazetteer_keys_(parse_gazetteers(files, sink)),
        gazetteer_kinds_(kinds_of(gazetteer_keys_)),
        definitions_(files, gazetteer_keys_, checked_, sink) {}

  Program run() {
    collect_events();
    std::map<std::string, SourcePos> seen_ids;
    for (std::size_t f = 0; f < files_.files.size(); ++f) {
      for (const RuleAst& rule : files_.files[f].rules) {
        auto [it, fresh] = seen_ids.emplace(rule.id, rule.pos);
        if (!fresh) {
          sink_.error(rule.pos, "E003",
                      "duplicate rule id '" + rule.id + "' (first at " + it->second.file + ":" +
                          std::to_string(it->second.line) + ")");
          continue;
        }
        compile_rule(rule, f);
      }
    }
    checked_.save();
    choose_piece_scans();
    std::vector<std::string> titles;
    for (const std::vector<ActorKey>& keys : gazetteer_keys_) {
      for (const ActorKey& k : keys) {
        if (k.kind == kOfficialKind) titles.push_back(k.key);
      }
    }
    if (!titles.empty()) program_.official_titles = actor_keys_pattern(std::move(titles));
    return std::move(program_);
  }

 private:
  // The selective pieces of `match:` sequences are scanned for in every
  // sentence: a sequence with one of them absent costs nothing more. A
  // `match:` sequence made only of common-word pieces keeps them all there so
  // that it can still be found. The pieces of `unless:` sequences matter only
  // once their rule has fired, so the rest of them wait in the on-demand set:
  // a sentence where rules fire scans it once, and most cancellations are
  // ruled out by it without a search ("threatened" and "school" are absent
  // from most events). Common words ("to", "from", "not", "the")
  // occur in nearly every sentence; a set would tell nothing about them, so
  // they are only searched for, in `match:` and `unless:` sequences alike,
  // unless the sequence has nothing else. In the on-demand set they cost
  // more than all its other pieces together: the generated corpus spent 55
  // million instructions in 30,000 sentences scanning it with them and 23
  // without, for 4 million more in searches. So are bulky pieces
  // (kBulkyPieceBytes) in a `match:` sequence that has a lighter selective
  // piece to rule it out.
  void choose_piece_scans() {
    std::vector<match::PieceScan>& scans = program_.piece_scan;
    scans.assign(program_.piece_regexes.size(), match::PieceScan::kSearch);
    auto common = [&](int piece) { return piece_common_[static_cast<std::size_t>(piece)]; };
    auto bulky = [&](int piece) {
      return program_.piece_regexes[static_cast<std::size_t>(piece)].size() >= kBulkyPieceBytes;
    };
    for (const CompiledRule& rule : program_.rules) {
      for (const CompiledSequence& seq : rule.matches) {
        const bool any_selective = std::any_of(seq.pieces.begin(), seq.pieces.end(),
                                               [&](int piece) { return !common(piece); });
        const bool any_light_selective =
            std::any_of(seq.pieces.begin(), seq.pieces.end(),
                        [&](int piece) { return !common(piece) && !bulky(piece); });
        for (int piece : seq.pieces) {
          const bool needed =
              !any_selective || (!common(piece) && !(bulky(piece) && any_light_selective));
          if (needed) scans[static_cast<std::size_t>(piece)] = match::PieceScan::kEverySentence;
        }
      }
    }
    for (const CompiledRule& rule : program_.rules) {
      for (const CompiledSequence& seq : rule.unless) {
        const bool any_selective = std::any_of(seq.pieces.begin(), seq.pieces.end(),
                                               [&](int piece) { return !common(piece); });
        for (int piece : seq.pieces) {
          if (any_selective && common(piece)) continue;
          match::PieceScan& scan = scans[static_cast<std::size_t>(piece)];
          if (scan == match::PieceScan::kSearch) scan = match::PieceScan::kOnDemand;
        }
      }
    }
  }

  void collect_events() {
    for (std::size_t f = 0; f < files_.files.size(); ++f) {
      for (const EventAst& event : files_.files[f].events) {
        if (auto it = event_index_.find(event.name); it != event_index_.end()) {
          sink_.error(event.pos, "E014",
                      "event type '" + event.name + "' is already declared at " +
                          event_pos_[it->second].file + ":" +
                          std::to_string(event_pos_[it->second].line));
          continue;
        }
        EventTypeInfo info;
        info.name = event.name;
        if (!event.prior) {
          sink_.error(event.pos, "E011",
                      "event '" + event.name + "' needs 'prior: P' (its base rate)");
        } else if (auto p = parse_number(event.prior->text); !p || *p <= 0 || *p >= 1) {
          sink_.error(
              event.prior->pos, "E007",
              "prior must be a number strictly between 0 and 1: '" + event.prior->text + "'");
        } else {
          info.prior = *p;
        }
        if (event.description) info.description = event.description->text;
        event_index_.emplace(event.name, program_.types.size());
        event_file_.push_back(f);
        event_pos_.push_back(event.pos);
        program_.types.push_back(std::move(info));
      }
    }
  }

  std::optional<std::size_t> resolve_type(const Value& type, std::size_t file) {
    auto it = event_index_.find(type.text);
    if (it == event_index_.end()) {
      std::string known;
      for (const EventTypeInfo& t : program_.types) known += (known.empty() ? "" : ", ") + t.name;
      sink_.error(type.pos, "E006",
                  "unknown event type '" + type.text +
                      "' (declared: " + (known.empty() ? "none" : known) + ")");
      return std::nullopt;
    }
    const auto& visible = files_.visible[file];
    if (std::find(visible.begin(), visible.end(), event_file_[it->second]) == visible.end()) {
      sink_.error(type.pos, "E006",
                  "event type '" + type.text + "' is declared in " +
                      files_.files[event_file_[it->second]].name +
                      ", which this file does not import");
      return std::nullopt;
    }
    return it->second;
  }

  void compile_rule(const RuleAst& rule, std::size_t file) {
    bool ok = true;
    RuleInfo info;
    info.id = rule.id;
    info.file = rule.pos.file;
    info.line = rule.pos.line;
    CompiledRule compiled;

    if (!rule.type) {
      sink_.error(rule.pos, "E011", "rule '" + rule.id + "' needs 'type: EVENT'");
      ok = false;
    } else if (auto t = resolve_type(*rule.type, file)) {
      compiled.type_index = *t;
      info.event_type = rule.type->text;
    } else {
      ok = false;
    }
    if (!rule.weight) {
      sink_.error(rule.pos, "E011",
                  "rule '" + rule.id + "' needs 'weight: W' (its precision, in (0,1))");
      ok = false;
    } else if (auto w = parse_number(rule.weight->text); !w || *w <= 0 || *w >= 1) {
      sink_.error(rule.weight->pos, "E007",
                  "weight must be a number strictly between 0 and 1: '" + rule.weight->text + "'");
      ok = false;
    } else {
      info.weight = *w;
    }

    match::PieceSpec spec;
    if (rule.case_mode) {
      if (rule.case_mode->text == "sensitive") {
        spec.case_insensitive = false;
      } else if (rule.case_mode->text != "insensitive") {
        sink_.error(rule.case_mode->pos, "E012", "case: is 'insensitive' or 'sensitive'");
        ok = false;
      }
    }
    if (rule.words_mode) {
      if (rule.words_mode->text == "partial") {
        spec.whole_words = false;
      } else if (rule.words_mode->text != "whole") {
        sink_.error(rule.words_mode->pos, "E012", "words: is 'whole' or 'partial'");
        ok = false;
      }
    }

    bool has_match = false;
    for (const PatternAst& pattern : rule.patterns) {
      has_match |= pattern.kind != PatternAst::Kind::kUnless;
      std::optional<CompiledSequence> sequence = compile_pattern(pattern, spec, file);
      if (!sequence) {
        ok = false;
      } else if (pattern.kind == PatternAst::Kind::kUnless) {
        compiled.unless.push_back(std::move(*sequence));
      } else {
        compiled.matches.push_back(std::move(*sequence));
      }
    }
    if (!has_match) {
      sink_.error(rule.pos, "E011",
                  "rule '" + rule.id + "' needs at least one 'match:' or 'pattern:'");
      ok = false;
    }

    if (rule.source) {
      info.source = rule.source->text;
      compiled.source_piece =
          compile_actor_classes(*rule.source, "source", file, &compiled.source_official);
      ok = ok && compiled.source_piece >= 0;
    }
    if (rule.speaker) {
      info.speaker = rule.speaker->text;
      compiled.speaker_piece =
          compile_actor_classes(*rule.speaker, "speaker", file, &compiled.speaker_official);
      ok = ok && compiled.speaker_piece >= 0;
    }
    if (rule.target) {
      info.target = rule.target->text;
      compiled.target_piece =
          compile_actor_classes(*rule.target, "target", file, &compiled.target_official);
      ok = ok && compiled.target_piece >= 0;
    }
    if (rule.group) info.group = rule.group->text;
    if (rule.description) info.description = rule.description->text;
    if (rule.cameo) info.cameo = rule.cameo->text;
    if (rule.plover) info.plover = rule.plover->text;
    for (const Value& ref : rule.references) info.references.push_back(ref.text);
    for (const ExampleAst& ex : rule.examples) {
      info.examples.push_back(
          ExampleInfo{ex.should_fire, ex.text, ex.marked, ex.pos.file, ex.pos.line});
    }
    if (lint_) lint_rule(rule);
    if (!ok) return;
    program_.infos.push_back(std::move(info));
    program_.rules.push_back(std::move(compiled));
  }

  // `source: state official`: one piece that finds every key of the named
  // gazetteer kinds, in the gazetteers this file sees. -1 after an error.
  int compile_actor_classes(const Value& value, const char* key, std::size_t file,
                            bool* has_official) {
    std::vector<const std::vector<ActorKey>*> visible;
    std::set<std::string> known;
    for (std::size_t g = 0; g < files_.gazetteers.size(); ++g) {
      for (std::size_t declared : files_.gazetteers[g].declared_in) {
        const auto& seen = files_.visible[file];
        if (std::find(seen.begin(), seen.end(), declared) != seen.end()) {
          visible.push_back(&gazetteer_keys_[g]);
          known.insert(gazetteer_kinds_[g].begin(), gazetteer_kinds_[g].end());
          break;
        }
      }
    }
    if (visible.empty()) {
      sink_.error(value.pos, "E019",
                  std::string(key) +
                      ": needs a gazetteer of actors, and this file sees none: add "
                      "'gazetteer \"actors.tsv\"' to it or to a file it imports");
      return -1;
    }
    std::set<std::string> wanted;
    bool ok = true;
    std::size_t at = 0;
    const std::string& text = value.text;
    while (at < text.size()) {
      if (text[at] == ' ' || text[at] == '\t' || text[at] == ',') {
        ++at;
        continue;
      }
      std::size_t end = at;
      while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != ',') ++end;
      const std::string kind = text.substr(at, end - at);
      if (known.count(kind) == 0) {
        std::string list;
        for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
        sink_.error(shifted(value.pos, at), "E012",
                    std::string(key) + ": unknown actor class '" + kind +
                        "' (the gazetteers seen here have: " + list + ")");
        ok = false;
      }
      wanted.insert(kind);
      at = end;
    }
    if (!ok) return -1;
    *has_official = wanted.count(kOfficialKind) != 0;
    // Most rules name the same classes and see the same gazetteers: their
    // piece (thousands of keys, sorted and quoted) is built once.
    std::string memo_key;
    for (const auto* keys : visible)
      memo_key += std::to_string(reinterpret_cast<std::uintptr_t>(keys)) + ",";
    for (const std::string& kind : wanted) memo_key += kind + " ";
    if (const auto memo = actor_pieces_.find(memo_key); memo != actor_pieces_.end()) {
      return memo->second;
    }
    const int piece = actor_piece(visible, wanted, value, key);
    if (piece >= 0) actor_pieces_.emplace(std::move(memo_key), piece);
    return piece;
  }

  int actor_piece(const std::vector<const std::vector<ActorKey>*>& visible,
                  const std::set<std::string>& wanted, const Value& value, const char* key) {
    std::vector<std::string> keys;
    for (const auto* file_keys : visible) {
      for (const ActorKey& k : *file_keys) {
        if (wanted.count(k.kind)) keys.push_back(k.key);
      }
    }
    match::PieceSpec spec;
    spec.pattern = actor_keys_pattern(std::move(keys));
    std::string regex = match::piece_regex(spec);
    auto [it, fresh] = piece_ids_.emplace(regex, static_cast<int>(program_.piece_regexes.size()));
    if (fresh) {
      const std::uint64_t check_key = match::CheckedPieces::key(regex, false);
      if (!checked_.find(check_key)) {
        const auto started = std::chrono::steady_clock::now();
        const RE2 check(regex, RE2::Quiet);
        if (!check.ok()) {
          sink_.error(value.pos, "E018",
                      std::string(key) + ": the gazetteer's keys do not compile: " + check.error());
          piece_ids_.erase(it);
          return -1;
        }
        checked_.add(check_key, false, seconds_since(started));
      }
      program_.piece_regexes.push_back(std::move(regex));
      piece_common_.push_back(false);
    }
    return it->second;
  }

  std::optional<CompiledSequence> compile_pattern(const PatternAst& pattern,
                                                  const match::PieceSpec& spec, std::size_t file) {
    std::optional<SplitValue> split;
    if (pattern.kind == PatternAst::Kind::kPattern) {
      split = SplitValue{{RawPiece{pattern.value.text, 0}}, {}};
    } else {
      split = split_sequence(pattern.value, sink_);
    }
    if (!split) return std::nullopt;
    CompiledSequence out;
    out.gaps = split->gaps;
    out.source = pattern.value.text;
    out.line = pattern.value.pos.line;
    bool ok = true;
    bool literal = false;
    for (const RawPiece& raw : split->pieces) {
      const SourcePos where = shifted(pattern.value.pos, raw.offset);
      std::optional<int> id = compile_piece(raw.text, where, spec, file, &literal);
      if (id) {
        out.pieces.push_back(*id);
        out.piece_sources.push_back(raw.text);
      } else {
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    if (lint_ && !literal && pattern.kind != PatternAst::Kind::kUnless) {
      sink_.warning(pattern.value.pos, "W101",
                    "no piece has a required literal of 3 or more characters, so the rule is "
                    "tried on every sentence");
    }
    return out;
  }

  std::optional<int> compile_piece(const std::string& raw, const SourcePos& where,
                                   match::PieceSpec spec, std::size_t file, bool* has_literal) {
    std::optional<std::string> expanded = definitions_.expand(raw, file, where, sink_);
    if (!expanded) return std::nullopt;
    spec.pattern = *expanded;
    std::string regex = match::piece_regex(spec);
    // A piece many rules share (a definition's expansion) is compiled once:
    // compiling is most of the cost of loading a rule set.
    if (const auto known = piece_ids_.find(regex); known != piece_ids_.end()) {
      lint(raw, *expanded, where, has_literal);
      return known->second;
    }
    // Checked by an earlier load of these rules (match/checked_pieces.hpp).
    const std::uint64_t check_key = match::CheckedPieces::key(*expanded, spec.case_insensitive);
    if (const std::optional<bool> common = checked_.find(check_key)) {
      lint(raw, *expanded, where, has_literal);
      return add_piece(std::move(regex), *common);
    }
    const auto started = std::chrono::steady_clock::now();
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(!spec.case_insensitive);
    const RE2 bare(*expanded, options);
    if (!bare.ok()) {
      // Point at the offending part when RE2 names one that the author wrote.
      const std::size_t at =
          bare.error_arg().empty() ? std::string::npos : raw.find(bare.error_arg());
      sink_.error(at == std::string::npos ? where : shifted(where, at), "E008",
                  "invalid regex: " + bare.error());
      return std::nullopt;
    }
    if (can_match_empty(bare)) {
      sink_.error(
          where, "E009",
          "pattern can match the empty string, so it would fire on every sentence: '" + raw + "'");
      return std::nullopt;
    }
    lint(raw, *expanded, where, has_literal);
    const bool common = match::matches_a_common_word(bare);
    checked_.add(check_key, common, seconds_since(started));
    return add_piece(std::move(regex), common);
  }

  int add_piece(std::string regex, bool common) {
    const int id = static_cast<int>(program_.piece_regexes.size());
    piece_ids_.emplace(regex, id);
    program_.piece_regexes.push_back(std::move(regex));
    piece_common_.push_back(common);
    return id;
  }

  void lint(const std::string& raw, const std::string& expanded, const SourcePos& where,
            bool* has_literal) {
    if (!lint_) return;
    lint_piece(raw, expanded, where);
    *has_literal = *has_literal || has_required_literal(expanded);
  }

  void lint_piece(const std::string& raw, const std::string& expanded, const SourcePos& where) {
    if (find_wide_gap(expanded)) {
      const auto in_raw = find_wide_gap(raw);
      sink_.warning(in_raw ? shifted(where, *in_raw) : where, "W102",
                    "wide or unbounded gap inside a pattern makes every sentence slow; join "
                    "pieces with '~N' instead");
    } else if (find_wildcard_word(expanded)) {
      const auto in_raw = find_wildcard_word(raw);
      sink_.warning(in_raw ? shifted(where, *in_raw) : where, "W105",
                    "a wildcard word ('\\w+') inside a piece slows the scan of unseen text; "
                    "write 'A ~1 B' for 'A \\w+ B', or 'A ~N B' with N one larger for an "
                    "optional '(?:\\w+ )?'");
    }
  }

  void lint_rule(const RuleAst& rule) {
    if (!rule.description) {
      sink_.warning(rule.pos, "W103", "rule '" + rule.id + "' has no description");
    }
    const bool has_positive = std::any_of(rule.examples.begin(), rule.examples.end(),
                                          [](const ExampleAst& e) { return e.should_fire; });
    if (!has_positive) {
      sink_.warning(rule.pos, "W104",
                    "no example exercises rule '" + rule.id + "'; add 'example: ...'");
    }
  }

  const ParsedFiles& files_;
  DiagnosticSink& sink_;
  bool lint_;
  std::vector<std::vector<ActorKey>> gazetteer_keys_;  // parallel to files_.gazetteers
  // The kinds each gazetteer has, gathered once: gathering them from every
  // key for every rule with a `source:` or `target:` was a seventh of the
  // shipped rules' start-up (callgrind).
  std::vector<std::set<std::string>> gazetteer_kinds_;
  match::CheckedPieces checked_;  // before definitions_, which uses it
  Definitions definitions_;
  Program program_;
  std::map<std::string, std::size_t> event_index_;
  std::vector<std::size_t> event_file_;
  std::vector<SourcePos> event_pos_;
  std::map<std::string, int> piece_ids_;
  std::map<std::string, int> actor_pieces_;  // gazetteers seen and classes -> piece
  std::vector<bool> piece_common_;
};

}  // namespace

Program compile_program(const ParsedFiles& files, DiagnosticSink& sink, bool lint) {
  return Compiler(files, sink, lint).run();
}

}  // namespace demarche::rules
