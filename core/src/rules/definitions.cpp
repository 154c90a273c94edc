#include "rules/definitions.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <vector>

namespace demarche::rules {

namespace {

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_kind_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// Length of "{NAME}" or "{@kind}" at `i`, or 0. A brace after an odd number
// of backslashes is a literal brace, and "{2,3}" is a repetition, not a name.
std::size_t reference_length(std::string_view s, std::size_t i) {
  if (s[i] != '{' || i + 2 >= s.size()) return 0;
  const bool kind = s[i + 1] == '@';
  const std::size_t first = kind ? i + 2 : i + 1;
  if (first >= s.size()) return 0;
  if (kind ? !(s[first] >= 'a' && s[first] <= 'z') : !(s[first] >= 'A' && s[first] <= 'Z'))
    return 0;
  std::size_t backslashes = 0;
  while (backslashes < i && s[i - 1 - backslashes] == '\\') ++backslashes;
  if (backslashes % 2 == 1) return 0;
  std::size_t j = first;
  while (j < s.size() && (kind ? is_kind_char(s[j]) : is_name_char(s[j]))) ++j;
  return j < s.size() && s[j] == '}' ? j + 1 - i : 0;
}

// Length of a brace group at `i` that looks like a definition reference but
// is not one, "{diplomat}" or "{Diplomat}", or 0. As a regex it would match
// those literal characters, which no sentence holds. Repetitions ("{2,3}"),
// escaped braces and RE2's "\p{Lu}" and "\x{41}" are not such groups.
std::size_t lookalike_length(std::string_view s, std::size_t i) {
  if (s[i] != '{' || i + 2 >= s.size()) return 0;
  std::size_t backslashes = 0;
  while (backslashes < i && s[i - 1 - backslashes] == '\\') ++backslashes;
  if (backslashes % 2 == 1) return 0;
  if (i >= 2 && s[i - 2] == '\\' && (s[i - 1] == 'p' || s[i - 1] == 'P' || s[i - 1] == 'x')) {
    return 0;
  }
  auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!is_letter(s[i + 1])) return 0;
  std::size_t j = i + 1;
  while (j < s.size() && (is_letter(s[j]) || (s[j] >= '0' && s[j] <= '9') || s[j] == '_')) ++j;
  return j < s.size() && s[j] == '}' ? j + 1 - i : 0;
}

std::string upper(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

Definitions::Definitions(const ParsedFiles& files, const std::vector<std::vector<ActorKey>>& keys,
                         match::CheckedPieces& checked, DiagnosticSink& sink)
    : files_(files), checked_(checked) {
  for (std::size_t g = 0; g < keys.size(); ++g) {
    std::map<std::string, std::vector<std::string>> by_kind;
    for (const ActorKey& k : keys[g]) by_kind[k.kind].push_back(k.key);
    for (auto& [kind, kind_keys] : by_kind) {
      const std::string expansion = "(?:" + actor_keys_pattern(std::move(kind_keys)) + ")";
      for (std::size_t f : files.gazetteers[g].declared_in) {
        entries_.try_emplace({"@" + kind, f}, Entry{nullptr, f, Entry::State::kDone, expansion});
      }
    }
  }
  for (std::size_t f = 0; f < files.files.size(); ++f) {
    for (const DefineAst& def : files.files[f].defines) {
      auto [it, inserted] =
          entries_.try_emplace({def.name, f}, Entry{&def, f, Entry::State::kPending, {}});
      if (!inserted) {
        const SourcePos& first = it->second.define->pos;
        sink.error(def.pos, "E014",
                   "definition '" + def.name + "' is already defined at " + first.file + ":" +
                       std::to_string(first.line));
      }
    }
  }
  for (auto& [key, entry] : entries_) expand_entry(entry, sink);
}

bool Definitions::expand_entry(Entry& entry, DiagnosticSink& sink) {
  switch (entry.state) {
    case Entry::State::kDone:
      return true;
    case Entry::State::kFailed:
      return false;
    case Entry::State::kExpanding:
      sink.error(entry.define->pos, "E005",
                 "definition '" + entry.define->name +
                     "' refers to itself, directly or through "
                     "other definitions");
      entry.state = Entry::State::kFailed;
      return false;
    case Entry::State::kPending:
      break;
  }
  // Expansion recurses through the definitions a body uses: a chain of
  // thousands overflowed the stack. No real rule set nests this deep.
  if (depth_ >= kMaxDepth) {
    sink.error(entry.define->pos, "E020",
               "definition '" + entry.define->name + "' is nested more than " +
                   std::to_string(kMaxDepth) + " definitions deep");
    entry.state = Entry::State::kFailed;
    return false;
  }
  ++depth_;
  struct Leave {
    int& depth;
    ~Leave() { --depth; }
  } leave{depth_};
  entry.state = Entry::State::kExpanding;
  std::optional<std::string> body =
      substitute(entry.define->body, entry.file, entry.define->pos, sink,
                 [&](Entry& used) { return expand_entry(used, sink); });
  if (entry.state == Entry::State::kFailed) return false;  // a cycle came back through us
  if (!body) {
    entry.state = Entry::State::kFailed;
    return false;
  }
  // Keyed apart from pieces: a body may match the empty string, a piece
  // may not.
  const std::uint64_t check_key = match::CheckedPieces::key("define " + *body, false);
  if (!checked_.find(check_key)) {
    const auto started = std::chrono::steady_clock::now();
    RE2::Options options;
    options.set_log_errors(false);
    const RE2 check(*body, options);
    if (!check.ok()) {
      sink.error(entry.define->pos, "E008",
                 "invalid regex in definition '" + entry.define->name + "': " + check.error());
      entry.state = Entry::State::kFailed;
      return false;
    }
    checked_.add(check_key, false,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
  entry.expansion = "(?:" + *body + ")";
  entry.state = Entry::State::kDone;
  return true;
}

Definitions::Entry* Definitions::lookup(std::string_view name, std::size_t file_index,
                                        const SourcePos& pos, DiagnosticSink& sink) const {
  const std::vector<std::size_t>& visible = files_.visible[file_index];
  Entry* found = nullptr;
  const Entry* elsewhere = nullptr;
  for (auto it = entries_.lower_bound({std::string(name), 0});
       it != entries_.end() && it->first.first == name; ++it) {
    if (std::find(visible.begin(), visible.end(), it->second.file) == visible.end()) {
      elsewhere = &it->second;
      continue;
    }
    if (found && !found->define && !it->second.define && found->expansion == it->second.expansion) {
      continue;  // one gazetteer named by two files this file sees
    }
    if (found) {
      sink.error(pos, "E014",
                 "definition {" + std::string(name) + "} is ambiguous here: both " +
                     files_.files[found->file].name + " and " + files_.files[it->second.file].name +
                     " define it");
      return nullptr;
    }
    found = &it->second;
  }
  if (!found) {
    if (name.front() == '@') {
      sink.error(pos, "E004",
                 "unknown actor class {" + std::string(name) +
                     "}: no gazetteer this file sees (gazetteer \"FILE\", here or in a file "
                     "it imports) has the kind '" +
                     std::string(name.substr(1)) + "'");
      return nullptr;
    }
    sink.error(pos, "E004",
               elsewhere
                   ? "definition {" + std::string(name) + "} is defined in " +
                         files_.files[elsewhere->file].name + ", which this file does not import"
                   : "undefined definition {" + std::string(name) + "}");
  }
  return found;
}

std::optional<std::string> Definitions::expand(std::string_view pattern, std::size_t file_index,
                                               const SourcePos& pos, DiagnosticSink& sink) const {
  // Every definition was expanded in the constructor, so this only looks.
  return substitute(pattern, file_index, pos, sink,
                    [](Entry& used) { return used.state == Entry::State::kDone; });
}

std::optional<std::string> Definitions::substitute(std::string_view pattern, std::size_t file_index,
                                                   const SourcePos& pos, DiagnosticSink& sink,
                                                   const std::function<bool(Entry&)>& ready) const {
  std::string out;
  bool ok = true;
  for (std::size_t i = 0; i < pattern.size();) {
    const std::size_t length = reference_length(pattern, i);
    if (length == 0) {
      if (const std::size_t look = lookalike_length(pattern, i); look != 0) {
        const std::string_view name = pattern.substr(i + 1, look - 2);
        sink.error(shifted(pos, i), "E004",
                   "'{" + std::string(name) +
                       "}' is no definition (their names are in capitals) and would match "
                       "those literal characters; write {" +
                       upper(name) + "}, or '\\{" + std::string(name) + "\\}' for literal braces");
        ok = false;
        i += look;
        continue;
      }
      out += pattern[i++];
      continue;
    }
    const std::string_view name = pattern.substr(i + 1, length - 2);
    const SourcePos here = shifted(pos, i);
    // A definition that failed to expand was already reported where it is.
    Entry* entry = lookup(name, file_index, here, sink);
    if (entry && ready(*entry)) {
      out += entry->expansion;
    } else {
      ok = false;
    }
    i += length;
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace demarche::rules
