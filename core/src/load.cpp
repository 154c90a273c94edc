// load_rules and compile_rules: from rule text to an Engine, or diagnostics.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "demarche/engine.hpp"
#include "engine_impl.hpp"
#include "rules/loader.hpp"
#include "rules/program.hpp"
#include "text/read_file.hpp"

namespace demarche {

namespace {

namespace fs = std::filesystem;

// How an import names the library of shipped rules (LoadOptions::library_path).
constexpr std::string_view kLibraryPrefix = "demarche:";

class FileReader final : public rules::SourceReader {
 public:
  explicit FileReader(std::string library) : library_(std::move(library)) {}

  std::string resolve(const std::string& importer, const std::string& target) const override {
    if (target.starts_with(kLibraryPrefix)) {
      if (library_.empty()) return target;  // read() says why it cannot be found
      return (fs::path(library_) / target.substr(kLibraryPrefix.size()))
          .lexically_normal()
          .string();
    }
    return (fs::path(importer).parent_path() / target).lexically_normal().string();
  }
  std::string identity(const std::string& name) const override {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(name, ec);
    return ec ? name : canonical.string();
  }
  std::optional<std::string> read(const std::string& name, std::string* error) const override {
    if (name.starts_with(kLibraryPrefix)) {
      *error =
          "no library of shipped rules is known to resolve 'demarche:' (load the rules "
          "with the demarche command, or set LoadOptions::library_path)";
      return std::nullopt;
    }
    std::error_code ec;
    if (fs::is_directory(name, ec)) {
      *error = "is a folder, not a rule file";
      return std::nullopt;
    }
    return text::read_regular_file(name, error);
  }

 private:
  std::string library_;
};

// Sources held in memory; a name they import as "demarche:NAME" is the file
// of the shipped rules (LoadOptions::library_path), read from disk with what
// it imports in turn, so text given to compile_rules can build on the
// shipped definitions as an author's file on disk can.
class MemoryReader final : public rules::SourceReader {
 public:
  MemoryReader(const std::vector<RuleSource>& sources, std::string library)
      : files_(library), library_(std::move(library)) {
    for (const RuleSource& s : sources) texts_.emplace(s.name, s.text);
  }
  std::string resolve(const std::string& importer, const std::string& target) const override {
    if (target.starts_with(kLibraryPrefix) || in_library(importer)) {
      return files_.resolve(importer, target);
    }
    const std::string relative =
        (fs::path(importer).parent_path() / target).lexically_normal().string();
    return texts_.count(relative) ? relative : target;
  }
  std::string identity(const std::string& name) const override {
    return in_library(name) ? files_.identity(name) : name;
  }
  std::optional<std::string> read(const std::string& name, std::string* error) const override {
    auto it = texts_.find(name);
    if (it != texts_.end()) return it->second;
    if (in_library(name) || name.starts_with(kLibraryPrefix)) return files_.read(name, error);
    *error = "no rule source named '" + name + "'";
    return std::nullopt;
  }

 private:
  // A file of the shipped rules, as resolve() names one; never a source in memory.
  bool in_library(const std::string& name) const {
    if (library_.empty() || texts_.count(name)) return false;
    const std::string folder = fs::path(library_).lexically_normal().string();
    return name.starts_with(folder.ends_with('/') ? folder : folder + '/');
  }

  FileReader files_;
  std::string library_;
  std::map<std::string, std::string> texts_;
};

// Every *.rules file below each folder (sorted, so runs are reproducible);
// files named directly are taken whatever their extension.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      out.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".rules") {
        found.push_back(it->path().lexically_normal().string());
      }
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

// Checks run pass by pass (names, then patterns, then lint), but an author
// reads a report top to bottom: order it by file, then line and column.
void sort_by_position(const rules::ParsedFiles& files, std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, std::size_t> rank;
  for (const rules::FileAst& f : files.files) rank.emplace(f.name, rank.size());
  auto key = [&](const Diagnostic& d) {
    auto it = rank.find(d.file);
    return std::tuple(it == rank.end() ? rank.size() : it->second, d.line, d.column);
  };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

// Whether `d` says a name is unknown: a definition, an actor class or an
// event type, which a failed import may well be the one to define.
bool is_unknown_name(const Diagnostic& d) {
  return (d.code == "E004" && (d.message.starts_with("undefined definition") ||
                               d.message.starts_with("unknown actor class"))) ||
         (d.code == "E006" && d.message.find("unknown event type") != std::string::npos);
}

// The name an is_unknown_name diagnostic is about: "{NAME}", "{@kind}" or
// "event type 'name'".
std::string unknown_name(const Diagnostic& d) {
  const std::size_t brace = d.message.find('{');
  if (d.code == "E004" && brace != std::string::npos) {
    const std::size_t close = d.message.find('}', brace);
    if (close != std::string::npos) return d.message.substr(brace, close + 1 - brace);
  }
  const std::size_t quote = d.message.find('\'');
  const std::size_t end = quote == std::string::npos ? quote : d.message.find('\'', quote + 1);
  if (end != std::string::npos) return "event type " + d.message.substr(quote, end + 1 - quote);
  return d.message;
}

// One failed import makes every use of the names it would have defined an
// error of its own, 17 for one typo. In each file that sees a failed import,
// those errors become one note after the import's error, naming the names.
void gather_failed_import_cascades(const rules::ParsedFiles& files,
                                   std::vector<Diagnostic>& diagnostics) {
  // importing file -> "FILE:LINE" of its first failed import
  std::map<std::string, std::string> failed;
  for (const Diagnostic& d : diagnostics) {
    if (d.code == "E013" && d.line > 0 && !failed.count(d.file))
      failed.emplace(d.file, d.file + ":" + std::to_string(d.line));
  }
  if (failed.empty()) return;
  std::map<std::string, std::string> cause;  // file -> the failed import it sees
  for (std::size_t i = 0; i < files.files.size(); ++i) {
    for (std::size_t j : files.visible[i]) {
      if (auto it = failed.find(files.files[j].name); it != failed.end()) {
        cause.emplace(files.files[i].name, it->second);
        break;
      }
    }
  }
  std::vector<Diagnostic> kept;
  std::map<std::string, std::pair<Diagnostic, std::vector<std::string>>> notes;
  for (Diagnostic& d : diagnostics) {
    const auto it = cause.find(d.file);
    if (it == cause.end() || !is_unknown_name(d)) {
      kept.push_back(std::move(d));
      continue;
    }
    const std::string name = unknown_name(d);
    auto [note, inserted] = notes.try_emplace(d.file);
    if (inserted) {
      note->second.first = d;  // the first use's place
      note->second.first.severity = Severity::kNote;
    }
    std::vector<std::string>& names = note->second.second;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  for (auto& [file, note] : notes) {
    auto& [d, names] = note;
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
    d.message = "names not found here, probably because of the failed import at " + cause.at(file) +
                ": " + list;
    kept.push_back(std::move(d));
  }
  diagnostics = std::move(kept);
}

Loaded build(const std::vector<std::string>& roots, const rules::SourceReader& reader,
             const LoadOptions& options) {
  rules::DiagnosticSink sink;
  const rules::ParsedFiles files = rules::load_sources(roots, reader, sink);
  auto program =
      std::make_shared<rules::Program>(rules::compile_program(files, sink, options.lint));
  Loaded loaded;
  if (!sink.has_errors()) {
    auto impl = std::make_shared<const Engine::Impl>(std::move(program), options.set_memory_bytes);
    if (impl->pieces->build_error().empty()) {
      loaded.engine = std::make_shared<const Engine>(std::move(impl));
    } else {
      sink.error(rules::SourcePos{}, "E017", impl->pieces->build_error());
    }
  }
  loaded.diagnostics = std::move(sink.diagnostics());
  gather_failed_import_cascades(files, loaded.diagnostics);
  sort_by_position(files, loaded.diagnostics);
  return loaded;
}

}  // namespace

Loaded load_rules(const std::vector<std::string>& paths, const LoadOptions& options) {
  return build(expand_paths(paths), FileReader(options.library_path), options);
}

Loaded compile_rules(const std::vector<RuleSource>& sources, const LoadOptions& options) {
  std::vector<std::string> roots;
  roots.reserve(sources.size());
  for (const RuleSource& s : sources) {
    // A gazetteer is read only where a rule file names it.
    if (fs::path(s.name).extension() != ".tsv") roots.push_back(s.name);
  }
  return build(roots, MemoryReader(sources, options.library_path), options);
}

}  // namespace demarche
