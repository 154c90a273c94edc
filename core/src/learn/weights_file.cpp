// The weights file: plain text, tab-separated, versioned (docs/scoring.md).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "demarche/weights.hpp"
#include "text/read_file.hpp"

namespace demarche {

namespace {

constexpr std::string_view kMagic = "demarche-weights";
constexpr std::string_view kColumns = "kind\tname\tvalue\tauthored\tsupport\tfitted";

struct Field {
  std::string_view text;
  int column = 1;  // 1-based byte column
};

std::vector<Field> split_tabs(std::string_view line) {
  std::vector<Field> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back({line.substr(start, tab == std::string_view::npos ? tab : tab - start),
                      static_cast<int>(start) + 1});
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

std::optional<double> to_double(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

// A fingerprint is one word (`fnv1a64-pieces:` and hex digits). Refusing
// spaces and control characters keeps parse(format(w)) == w: a hash ending
// in a carriage return was written back as a line whose CR the parser strips.
bool is_hash(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= ' ' || byte == 0x7F) return false;
  }
  return true;
}

std::optional<std::size_t> to_count(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// The shortest text that reads back as exactly `value`: nine significant
// digits wrote an l2 of 1e-12 as 1, which `classify` then refused.
std::string number(double value) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc() ? std::string(buffer, end) : std::string("nan");
}

const char* kind_name(LearnedWeights::Kind kind) {
  switch (kind) {
    case LearnedWeights::Kind::kPrior:
      return "prior";
    case LearnedWeights::Kind::kRule:
      return "rule";
    case LearnedWeights::Kind::kPlugin:
      return "plugin";
  }
  return "rule";
}

class Parser {
 public:
  Parser(std::string_view text, std::string name) : text_(text), name_(std::move(name)) {}

  WeightsRead run() {
    LearnedWeights weights;
    weights.source = name_;
    bool have_format = false;
    bool in_entries = false;
    std::size_t start = 0;
    for (int line_number = 1; start <= text_.size(); ++line_number) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      std::string_view line = text_.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      line_ = line;
      line_number_ = line_number;
      start = end + 1;
      if (line.empty() || line.front() == '#') continue;
      const std::vector<Field> fields = split_tabs(line);
      if (!have_format) {
        if (fields.size() != 3 || fields[0].text != "format" || fields[1].text != kMagic) {
          error(1, "not a demarche weights file: the first line must be 'format<TAB>" +
                       std::string(kMagic) + "<TAB>VERSION'");
          break;
        }
        if (fields[2].text != std::to_string(LearnedWeights::kFormatVersion)) {
          error(fields[2].column, "weights format version '" + std::string(fields[2].text) +
                                      "' is not supported (this demarche reads version " +
                                      std::to_string(LearnedWeights::kFormatVersion) + ")");
          break;
        }
        have_format = true;
        continue;
      }
      if (!in_entries) {
        if (line == kColumns) {
          in_entries = true;
        } else {
          header(fields, weights);
        }
        continue;
      }
      entry(fields, weights);
    }
    WeightsRead read;
    if (!have_format && diagnostics_.empty()) error(0, "empty weights file");
    if (have_format && weights.rules_hash.empty() && diagnostics_.empty())
      error(0, "the header has no 'rules_hash' line");
    if (diagnostics_.empty()) read.weights = std::move(weights);
    read.diagnostics = std::move(diagnostics_);
    return read;
  }

 private:
  void header(const std::vector<Field>& fields, LearnedWeights& weights) {
    if (fields.size() == 3 && fields[0].text == "type_hash") {
      if (fields[1].text.empty() || fields[2].text.empty())
        return error(1, "expected 'type_hash<TAB>TYPE<TAB>HASH'");
      if (!is_hash(fields[2].text))
        return error(fields[2].column,
                     "a rules hash is one word, without spaces or control characters");
      weights.type_hashes[std::string(fields[1].text)] = std::string(fields[2].text);
      return;
    }
    if (fields.size() != 2) {
      error(1, "expected 'KEY<TAB>VALUE' or the column line '" + std::string(kColumns) + "'");
      return;
    }
    const std::string_view key = fields[0].text;
    const Field& value = fields[1];
    if (key == "rules_hash") {
      if (!is_hash(value.text))
        return error(value.column,
                     "a rules hash is one word, without spaces or control characters");
      weights.rules_hash = std::string(value.text);
    } else if (key == "fitted_on") {
      // Read as format_weights writes it: a carriage return inside (only a
      // line's last one ends it) is a space, so the file reads back the same.
      weights.fitted_on = std::string(value.text);
      std::replace(weights.fitted_on.begin(), weights.fitted_on.end(), '\r', ' ');
    } else if (key == "l2") {
      if (auto v = to_double(value.text))
        weights.l2 = *v;
      else
        error(value.column, "l2 must be a number");
    } else if (key == "min_support") {
      if (auto v = to_count(value.text))
        weights.min_support = *v;
      else
        error(value.column, "min_support must be a whole number");
    } else {
      error(1, "unknown header key '" + std::string(key) + "'");
    }
  }

  void entry(const std::vector<Field>& fields, LearnedWeights& weights) {
    if (fields.size() != 6) {
      error(1, "expected 6 tab-separated fields (" + std::string(kColumns) + "), found " +
                   std::to_string(fields.size()));
      return;
    }
    LearnedWeights::Entry e;
    e.line = line_number_;
    const std::string_view kind = fields[0].text;
    if (kind == "prior")
      e.kind = LearnedWeights::Kind::kPrior;
    else if (kind == "rule")
      e.kind = LearnedWeights::Kind::kRule;
    else if (kind == "plugin")
      e.kind = LearnedWeights::Kind::kPlugin;
    else
      return error(1, "kind must be prior, rule or plugin, not '" + std::string(kind) + "'");
    if (fields[1].text.empty()) return error(fields[1].column, "empty name");
    e.name = std::string(fields[1].text);
    const std::optional<double> value = to_double(fields[2].text);
    const bool probability = e.kind != LearnedWeights::Kind::kPlugin;
    // A plugin's factor multiplies the log-odds it states: a huge one made
    // them infinite and the event's log-odds NaN, so the event vanished.
    constexpr double kMaxPluginFactor = 100;
    if (!value || (probability && !(*value > 0 && *value < 1)) ||
        (!probability && !(std::abs(*value) <= kMaxPluginFactor))) {
      return error(fields[2].column,
                   probability ? "value must be a number strictly between 0 and 1, not '" +
                                     std::string(fields[2].text) + "'"
                               : "a plugin's factor must be a number from -100 to 100, not '" +
                                     std::string(fields[2].text) + "'");
    }
    e.value = *value;
    const std::optional<double> authored = to_double(fields[3].text);
    if (!authored) return error(fields[3].column, "authored must be a number");
    e.authored = *authored;
    const std::optional<std::size_t> support = to_count(fields[4].text);
    if (!support) return error(fields[4].column, "support must be a whole number");
    e.support = *support;
    if (fields[5].text != "yes" && fields[5].text != "no")
      return error(fields[5].column, "fitted must be yes or no");
    e.fitted = fields[5].text == "yes";
    // Looked up rather than searched for among the entries before: that
    // search made 40,000 entries take over a minute (tests/fuzz/fuzz_weights).
    const auto [first, added] = lines_[static_cast<int>(e.kind)].try_emplace(e.name, e.line);
    if (!added) {
      return error(fields[1].column, std::string(kind) + " '" + e.name +
                                         "' is already given on line " +
                                         std::to_string(first->second));
    }
    weights.entries.push_back(std::move(e));
  }

  void error(int column, std::string message) {
    Diagnostic d;
    d.code = "E201";
    d.file = name_;
    d.line = column > 0 ? line_number_ : 0;
    d.column = column;
    d.message = std::move(message);
    if (column > 0) d.source_line = std::string(line_);
    diagnostics_.push_back(std::move(d));
  }

  std::string_view text_;
  std::string name_;
  std::string_view line_;
  int line_number_ = 0;
  std::vector<Diagnostic> diagnostics_;
  // Per kind (prior, rule, plugin): each name's line, to refuse a repeat.
  std::unordered_map<std::string, int> lines_[3];
};

}  // namespace

WeightsRead parse_weights(std::string_view text, const std::string& name) {
  // A byte order mark is nothing, as in every other input.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return Parser(text, name).run();
}

WeightsRead read_weights_file(const std::string& path) {
  std::string why;
  const std::optional<std::string> text = text::read_regular_file(path, &why);
  if (!text) {
    WeightsRead read;
    Diagnostic d;
    d.code = "E200";
    d.file = path;
    d.message = "cannot read the weights file: " + why;
    read.diagnostics.push_back(std::move(d));
    return read;
  }
  return parse_weights(*text, path);
}

std::string format_weights(const LearnedWeights& weights) {
  std::string out;
  out += "# Learned weights for demarche (docs/scoring.md, \"Learned weights\").\n";
  out += "# Made by `demarche calibrate`; refit whenever the rules change.\n";
  out += "format\t" + std::string(kMagic) + "\t" + std::to_string(LearnedWeights::kFormatVersion) +
         "\n";
  out += "rules_hash\t" + weights.rules_hash + "\n";
  for (const auto& [type, hash] : weights.type_hashes) {
    out += "type_hash\t" + type + "\t" + hash + "\n";
  }
  std::string fitted_on = weights.fitted_on;
  for (char& c : fitted_on) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  if (!fitted_on.empty()) out += "fitted_on\t" + fitted_on + "\n";
  out += "l2\t" + number(weights.l2) + "\n";
  out += "min_support\t" + std::to_string(weights.min_support) + "\n";
  out += std::string(kColumns) + "\n";
  for (const LearnedWeights::Entry& e : weights.entries) {
    out += std::string(kind_name(e.kind)) + "\t" + e.name + "\t" + number(e.value) + "\t" +
           number(e.authored) + "\t" + std::to_string(e.support) + "\t" +
           (e.fitted ? "yes" : "no") + "\n";
  }
  return out;
}

}  // namespace demarche
