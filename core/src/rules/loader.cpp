#include "rules/loader.hpp"

#include <cstdio>
#include <map>

#include "rules/parser.hpp"
#include "text/utf8.hpp"

namespace demarche::rules {

namespace {

// Reports the first invalid UTF-8 byte with its line and column.
bool check_utf8(const std::string& name, const std::string& text, DiagnosticSink& sink) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const text::Decoded d = text::decode_utf8(text, pos);
    if (d.code_point == text::kInvalidCodePoint) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[pos]));
      sink.error(SourcePos{name, line, static_cast<int>(pos - line_start) + 1, ""}, "E015",
                 std::string("file is not valid UTF-8: byte ") + byte);
      return false;
    }
    if (text[pos] == '\n') {
      ++line;
      line_start = pos + 1;
    }
    pos += d.length;
  }
  return true;
}

class Loader {
 public:
  Loader(const SourceReader& reader, DiagnosticSink& sink) : reader_(reader), sink_(sink) {}

  ParsedFiles run(const std::vector<std::string>& roots) {
    for (const std::string& root : roots) load(root, nullptr);
    compute_visibility();
    return std::move(out_);
  }

 private:
  // Returns the file's index, or nullopt when it could not be read.
  std::optional<std::size_t> load(const std::string& name, const ImportAst* from) {
    const std::string id = reader_.identity(name);
    if (auto found = index_.find(id); found != index_.end()) return found->second;
    std::string error;
    std::optional<std::string> text = reader_.read(name, &error);
    if (!text) {
      if (from) {
        sink_.error(from->pos, "E013", "cannot import '" + from->target + "': " + error);
      } else {
        sink_.error(SourcePos{name, 0, 0, ""}, "E013", "cannot read rule file: " + error);
      }
      return std::nullopt;
    }
    const std::size_t index = out_.files.size();
    index_.emplace(id, index);
    out_.files.push_back(FileAst{name, {}, {}, {}, {}, {}});
    imports_.emplace_back();
    if (!check_utf8(name, *text, sink_)) return index;
    FileAst parsed = parse_rule_file(name, *text, sink_);
    for (const ImportAst& import : parsed.imports) {
      if (auto target = load(reader_.resolve(name, import.target), &import)) {
        imports_[index].push_back(*target);
      }
    }
    for (const ImportAst& gazetteer : parsed.gazetteers) {
      load_gazetteer(reader_.resolve(name, gazetteer.target), gazetteer, index);
    }
    out_.files[index] = std::move(parsed);
    return index;
  }

  // A gazetteer is read once however many files name it; it is visible
  // where any of the files that name it is.
  void load_gazetteer(const std::string& name, const ImportAst& from, std::size_t file) {
    const std::string id = reader_.identity(name);
    if (auto found = gazetteer_index_.find(id); found != gazetteer_index_.end()) {
      out_.gazetteers[found->second].declared_in.push_back(file);
      return;
    }
    std::string error;
    std::optional<std::string> text = reader_.read(name, &error);
    if (!text) {
      sink_.error(from.pos, "E013", "cannot read gazetteer '" + from.target + "': " + error);
      return;
    }
    if (!check_utf8(name, *text, sink_)) return;
    gazetteer_index_.emplace(id, out_.gazetteers.size());
    out_.gazetteers.push_back(GazetteerText{name, std::move(*text), {file}});
  }

  void compute_visibility() {
    const std::size_t n = out_.files.size();
    out_.visible.assign(n, {});
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<bool> seen(n, false);
      std::vector<std::size_t> stack{i};
      seen[i] = true;
      while (!stack.empty()) {
        const std::size_t f = stack.back();
        stack.pop_back();
        out_.visible[i].push_back(f);
        for (std::size_t g : imports_[f]) {
          if (!seen[g]) {
            seen[g] = true;
            stack.push_back(g);
          }
        }
      }
    }
  }

  const SourceReader& reader_;
  DiagnosticSink& sink_;
  ParsedFiles out_;
  std::vector<std::vector<std::size_t>> imports_;
  std::map<std::string, std::size_t> index_;
  std::map<std::string, std::size_t> gazetteer_index_;
};

}  // namespace

ParsedFiles load_sources(const std::vector<std::string>& roots, const SourceReader& reader,
                         DiagnosticSink& sink) {
  return Loader(reader, sink).run(roots);
}

}  // namespace demarche::rules
