#include "explain_command.hpp"

#include <cmath>
#include <demarche/engine.hpp>
#include <iostream>

#include "command_line.hpp"
#include "exit_error.hpp"
#include "input_file.hpp"
#include "plugin_options.hpp"
#include "reader.hpp"
#include "rule_loading.hpp"
#include "selection_options.hpp"
#include "text_format.hpp"
#include "weights_options.hpp"
#include "writer.hpp"

namespace demarche::cli {
namespace {

double logit(double p) {
  return std::log(p / (1.0 - p));
}

// A number with a sign always shown, so columns of terms read as a sum.
std::string signed_fixed(double value) {
  std::string out = fixed(value, 3);
  if (value >= 0) out.insert(0, 1, '+');
  return out;
}

// "-2.197" as "(-2.197)", so a subtraction never shows "- -".
std::string parenthesized(double value) {
  std::string out = fixed(value, 3);
  if (value < 0) {
    // Built in place: "(" + std::string trips GCC 12's -Wrestrict false positive.
    out.insert(0, 1, '(');
    out += ')';
  }
  return out;
}

std::string quoted_spans(std::string_view text, const std::vector<Span>& spans) {
  std::string out;
  for (const Span& span : spans) {
    if (!out.empty()) out += ", ";
    out += '"';
    append_one_line(out, span_text(text, span));
    out += "\" [";
    append_size(out, span.begin);
    out += ',';
    append_size(out, span.end);
    out += ')';
  }
  return out.empty() ? "(no span)" : out;
}

// ", authored 0.930" when learned weights replaced the rule's own.
std::string authored_note(const Evidence& evidence, const std::vector<RuleInfo>& rules) {
  for (const RuleInfo& rule : rules) {
    if (rule.id == evidence.rule_id && rule.authored_weight != rule.weight)
      return ", authored " + fixed(rule.authored_weight, 3);
  }
  return "";
}

void write_fired(std::ostream& out, std::string_view text, const SentenceResult& sentence,
                 const std::vector<RuleInfo>& rules) {
  out << "Rules that fired:\n";
  bool any = false;
  for (const Event& event : sentence.events) {
    for (const Evidence& evidence : event.evidence) {
      any = true;
      out << "  " << evidence.rule_id << " (" << event.type << ", weight "
          << fixed(evidence.weight, 3) << authored_note(evidence, rules) << ") on "
          << quoted_spans(text, evidence.spans);
      if (!evidence.plugin_note.empty()) {
        std::string note;
        append_one_line(note, evidence.plugin_note);
        out << ": " << note;
      }
      out << '\n';
    }
  }
  if (!any) out << "  none\n";
  for (const PluginFault& fault : sentence.plugin_faults) {
    std::string message;
    append_one_line(message, fault.message);
    out << "Plugin " << fault.plugin << " failed, its contribution left out: " << message << '\n';
  }
  if (sentence.cancelled.empty()) return;
  out << "Rules cancelled by unless, or by a missing actor:\n";
  for (const Cancellation& c : sentence.cancelled) {
    out << "  " << c.rule_id << " (" << c.event_type << ") matched " << quoted_spans(text, c.spans);
    if (c.missing_role.empty()) {
      out << "\n    but unless matched " << quoted_spans(text, c.unless_spans) << '\n';
    } else {
      out << "\n    but no actor of its " << c.missing_role << ": classes stands in that place\n";
    }
  }
}

void write_arithmetic(std::ostream& out, const Event& event, double threshold) {
  out << '\n' << event.type << " (prior " << fixed(event.prior, 3) << ")\n";
  out << "    " << signed_fixed(logit(event.prior)) << "  logit(prior) = logit("
      << fixed(event.prior, 3) << ")\n";
  for (const Evidence& evidence : event.evidence) {
    // Learned weights may scale a plugin's stated precision: the term is
    // then FACTOR x logit(weight) - logit(prior) (docs/scoring.md).
    const double factor =
        logit(evidence.weight) == 0
            ? 1.0
            : (evidence.contribution + logit(event.prior)) / logit(evidence.weight);
    const bool scaled = std::fabs(factor - 1.0) > 1e-9;
    const std::string scaled_logit =
        scaled ? fixed(factor, 3) + " x " + fixed(logit(evidence.weight), 3)
               : fixed(logit(evidence.weight), 3);
    const std::string terms = (scaled ? fixed(factor, 3) + " x " : std::string()) + "logit(" +
                              fixed(evidence.weight, 3) + ") - logit(" + fixed(event.prior, 3) +
                              ") = " + scaled_logit + " - " + parenthesized(logit(event.prior));
    if (evidence.counted) {
      out << "  + " << signed_fixed(evidence.contribution) << "  " << evidence.rule_id << ": "
          << terms << '\n';
    } else {
      out << "    (" << signed_fixed(evidence.contribution) << "  " << evidence.rule_id
          << ": not counted" << (evidence.note.empty() ? "" : ": " + evidence.note) << ")\n";
    }
  }
  out << "  = " << signed_fixed(event.log_odds) << "  log-odds\n";
  for (const Attribute& attribute : event.attributes) {
    std::string line;
    append_one_line(line, attribute.key + "=" + attribute.value);
    out << "  attribute " << line << " (from plugin " << attribute.plugin << ")\n";
  }
  const bool reported = clears_threshold(event.confidence, threshold);
  // The scorer bounds the log-odds before the sigmoid (docs/scoring.md,
  // "Bounds"); say so where it did, or sigmoid(log-odds) would not be the
  // confidence shown.
  const double bound = logit(kMaxConfidence);
  const bool bounded = std::fabs(event.log_odds) > bound;
  const double used = bounded ? std::copysign(bound, event.log_odds) : event.log_odds;
  out << "  confidence = sigmoid(" << fixed(used, 3) << ") = " << fixed(event.confidence, 3)
      << (bounded ? " (log-odds bounded to +-" + fixed(bound, 3) + ")" : "")
      << (reported ? " >= " : " < ") << "threshold " << fixed(threshold, 3)
      << (reported ? ": reported\n" : ": not reported\n");
}

// For a sentence where nothing fired: per event type, the rules that came
// closest and why they did not fire (the near misses eval shows for a
// missed sentence), so an author sees which piece to add or widen.
void write_near_misses(std::ostream& out, const Engine& engine, std::string_view sentence) {
  constexpr std::size_t kPerType = 3;
  bool any = false;
  for (const EventTypeInfo& type : engine.event_types()) {
    const std::vector<NearMiss> misses = engine.near_misses(sentence, type.name);
    for (std::size_t i = 0; i < misses.size() && i < kPerType; ++i) {
      if (!any) out << "Closest rules:\n";
      any = true;
      std::string reason;
      append_one_line(reason, misses[i].reason);
      out << "  " << misses[i].rule_id << " (" << type.name << ", " << misses[i].file << ':'
          << misses[i].line << "): " << reason << '\n';
    }
  }
  if (!any) out << "No rule came near: no piece of any rule occurs here.\n";
}

std::string read_stdin() {
  InputFile input("-");
  Record record;
  make_text_reader(input.stream(), "-")->next(record);
  if (const std::string error = input.error_message(); !error.empty()) {
    throw ExitError(kExitFailure, "demarche explain: cannot read standard input: " + error);
  }
  return std::move(record.text);
}

}  // namespace

void write_explanation(std::ostream& out, std::string_view text, const SentenceResult& sentence,
                       double threshold, const std::vector<RuleInfo>& rules) {
  std::string line = "Sentence [";
  append_size(line, sentence.span.begin);
  line += ',';
  append_size(line, sentence.span.end);
  line += "): ";
  append_one_line(line, sentence.text);
  out << line << '\n';
  if (!sentence.ok()) {
    out << "error: " << sentence.error << '\n';
    return;
  }
  write_fired(out, text, sentence, rules);
  if (sentence.events.empty()) {
    out << "No event type has evidence.\n";
    return;
  }
  for (const Event& event : sentence.events) write_arithmetic(out, event, threshold);
}

int run_explain(const std::vector<std::string>& args, Output& output) {
  const CommandSpec spec{
      "explain", "demarche explain [options] [WORDS...]",
      "Shows how a sentence is scored: which rules fired and on which words, which\n"
      "were cancelled by `unless`, and for each event type the sum of log-odds that\n"
      "gives its confidence. The WORDS are joined by spaces into one sentence; with\n"
      "no WORDS, standard input is read and each of its sentences is explained."};
  std::vector<std::string> rule_paths;
  double threshold = 0.5;
  std::int64_t set_memory_mib = kDefaultSetMemoryMib;
  po::options_description visible("Options");
  add_help_option(visible);
  add_rules_option(visible, rule_paths);
  add_set_memory_option(visible, set_memory_mib);
  add_threshold_option(visible, threshold);
  PluginOptions plugin_options;
  add_plugin_options(visible, plugin_options, true);
  WeightsOptions weights;
  add_weights_options(visible, weights);
  SelectionOptions selection;
  add_selection_options(visible, selection);
  const po::variables_map vm = parse_command_line(spec, args, visible, "words");
  if (vm.count("help") != 0) {
    print_help(output.stream(), spec, visible);
    return kExitOk;
  }
  check_threshold(spec, threshold);
  check_set_memory(spec, set_memory_mib);
  check_plugin_options(spec, plugin_options);
  check_weights_options(spec, weights);
  const std::shared_ptr<const Engine> rules = load_engine(rule_paths, set_memory_mib, std::cerr);
  const std::shared_ptr<const PluginSet> plugins = load_plugin_set(plugin_options, std::cerr);
  const WeightedEngine weighted =
      apply_weights_options(rules->with_plugins(plugins), weights, rule_paths, std::cerr);
  const Engine selected = apply_selection(weighted.engine, selection, spec);
  const Engine* const engine = &selected;
  bool plugin_trouble = plugins->plugins.size() != plugins->reports.size();

  std::vector<SentenceResult> sentences;
  std::string text;
  if (vm.count("words") != 0) {
    for (const std::string& word : vm["words"].as<std::vector<std::string>>()) {
      if (!text.empty()) text += ' ';
      text += word;
    }
    sentences.push_back(engine->classify_sentence(text));
  } else {
    text = read_stdin();
    sentences = engine->classify_document(text);
  }
  bool failed = false;
  output.stream() << "Scoring with " << weighted.description << ".\n\n";
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (i > 0) output.stream() << '\n';
    write_explanation(output.stream(), text, sentences[i], threshold, engine->rules());
    if (sentences[i].ok() && sentences[i].events.empty()) {
      const Span& s = sentences[i].span;
      write_near_misses(output.stream(), *engine,
                        std::string_view(text).substr(s.begin, s.end - s.begin));
    }
    failed = failed || !sentences[i].ok();
    plugin_trouble = plugin_trouble || !sentences[i].plugin_faults.empty();
  }
  if (plugin_options.strict && plugin_trouble) failed = true;
  return failed ? kExitFailure : kExitOk;
}

}  // namespace demarche::cli
