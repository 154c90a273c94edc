#include "eval_text_report.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "result_text.hpp"
#include "text_format.hpp"

namespace demarche::cli {
namespace {

std::string joined(const std::vector<std::string>& items, const char* separator, const char* none) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out.empty() ? none : out;
}

std::string one_line(std::string_view text) {
  std::string out;
  append_one_line(out, text);
  return out;
}

std::string quoted_spans(std::string_view text, const std::vector<Span>& spans) {
  std::string out;
  for (const Span& span : spans) out += " \"" + one_line(span_text(text, span)) + '"';
  return out;
}

std::string files_line(const Evaluation& eval) {
  std::string out = std::to_string(eval.sentences.size()) +
                    (eval.sentences.size() == 1 ? " sentence" : " sentences") + " from " +
                    joined(eval.files, ", ", "(none)");
  out += "\nrules: " + std::to_string(eval.rule_count) +
         "; plugins: " + joined(eval.plugins, ", ", "none") +
         "; threshold: " + fixed(eval.threshold, 2);
  out += "\nscoring: " + eval.scoring_model;
  return out;
}

// The table of counts and figures: a row per type, then micro and macro.
class SummaryTable {
 public:
  explicit SummaryTable(const Summary& summary) : summary_(summary) {
    width_ = std::string("macro").size();
    for (const TypeScore& score : summary.per_type) width_ = std::max(width_, score.type.size());
    width_ += 2;
  }

  void write(std::ostream& out) const {
    out << pad_right("TYPE", width_) << pad_left("GOLD", 6) << pad_left("PRED", 6)
        << pad_left("TP", 6) << pad_left("FP", 6) << pad_left("FN", 6) << pad_left("PRECISION", 11)
        << pad_left("RECALL", 8) << pad_left("F1", 7) << '\n';
    for (const TypeScore& score : summary_.per_type) row(out, score);
    row(out, summary_.micro);
    out << pad_right("macro", width_) << std::string(30, ' ')
        << pad_left(figure(summary_.macro.scores.precision), 11)
        << pad_left(figure(summary_.macro.scores.recall), 8)
        << pad_left(figure(summary_.macro.scores.f1), 7) << "  (mean of " << summary_.macro.types
        << (summary_.macro.types == 1 ? " type)" : " types)") << '\n';
  }

 private:
  void row(std::ostream& out, const TypeScore& score) const {
    const Counts& c = score.counts;
    out << pad_right(score.type, width_) << pad_left(std::to_string(c.gold), 6)
        << pad_left(std::to_string(c.predicted), 6) << pad_left(std::to_string(c.tp), 6)
        << pad_left(std::to_string(c.fp()), 6) << pad_left(std::to_string(c.fn()), 6)
        << pad_left(figure(score.scores.precision), 11) << pad_left(figure(score.scores.recall), 8)
        << pad_left(figure(score.scores.f1), 7) << '\n';
  }

  const Summary& summary_;
  std::size_t width_ = 0;
};

// A row per type, then the pooled one; the bins are left to JSON, the HTML
// report and --plot, which can draw them.
void write_calibration(std::ostream& out, const Evaluation& eval) {
  std::size_t width = eval.calibration_pooled.type.size();
  for (const Calibration& c : eval.calibration_per_type) width = std::max(width, c.type.size());
  width += 2;
  out << "\nConfidence calibration: expected calibration error (ECE, " << kReliabilityBins
      << " bins) and Brier score\n"
      << pad_right("TYPE", width) << pad_left("SAMPLES", 9) << pad_left("ECE", 7)
      << pad_left("BRIER", 7) << '\n';
  auto row = [&](const Calibration& c) {
    out << pad_right(c.type, width) << pad_left(std::to_string(c.samples), 9)
        << pad_left(figure(c.ece), 7) << pad_left(figure(c.brier), 7) << '\n';
  };
  for (const Calibration& c : eval.calibration_per_type) row(c);
  row(eval.calibration_pooled);
}

// Rows: each type's (then micro's and macro's) P, R and F1; columns: the
// sweep's thresholds. Transposed so that it fits a terminal.
void write_sweep(std::ostream& out, const std::vector<Summary>& sweep) {
  if (sweep.empty()) return;
  std::size_t width = std::string("macro").size();
  for (const TypeScore& score : sweep.front().per_type) width = std::max(width, score.type.size());
  width += 5;
  out << "\nThreshold sweep: precision (P), recall (R) and F1 by threshold\n";
  out << pad_right("TYPE", width);
  for (const Summary& summary : sweep) out << pad_left(fixed(summary.threshold, 1), 7);
  out << '\n';
  auto rows = [&](const std::string& name, auto scores_at) {
    const char* labels[] = {"P", "R", "F1"};
    for (int k = 0; k < 3; ++k) {
      out << pad_right(k == 0 ? name : "", width - 3) << pad_right(labels[k], 3);
      for (const Summary& summary : sweep) {
        const Scores& s = scores_at(summary);
        out << pad_left(figure(k == 0 ? s.precision : k == 1 ? s.recall : s.f1), 7);
      }
      out << '\n';
    }
  };
  for (std::size_t t = 0; t < sweep.front().per_type.size(); ++t) {
    rows(sweep.front().per_type[t].type,
         [t](const Summary& s) -> const Scores& { return s.per_type[t].scores; });
  }
  rows("micro", [](const Summary& s) -> const Scores& { return s.micro.scores; });
  rows("macro", [](const Summary& s) -> const Scores& { return s.macro.scores; });
}

std::string confidences(const SentenceOutcome& s, double threshold, bool reported) {
  std::string out;
  for (const Event& event : s.result.events) {
    if (clears_threshold(event.confidence, threshold) != reported) continue;
    out += (out.empty() ? "" : ", ") + event.type + ' ' + fixed(event.confidence, 3);
  }
  return out;
}

void write_evidence(std::ostream& out, const SentenceOutcome& s) {
  const std::string& text = s.result.text;
  bool first = true;
  for (const Event& event : s.result.events) {
    for (const Evidence& e : event.evidence) {
      out << (first ? "    fired:       " : "                 ") << e.rule_id << " (" << event.type
          << ", weight " << fixed(e.weight, 3) << (e.counted ? ", counted" : ", not counted")
          << (e.note.empty() ? "" : ": " + one_line(e.note)) << ')' << quoted_spans(text, e.spans);
      if (!e.plugin_note.empty()) out << ": " << one_line(e.plugin_note);
      out << '\n';
      first = false;
    }
  }
  if (first) out << "    fired:       none\n";
  for (const Cancellation& c : s.result.cancelled) {
    out << "    cancelled:   " << c.rule_id << " (" << c.event_type << ") matched"
        << quoted_spans(text, c.spans);
    if (c.missing_role.empty()) {
      out << ", unless matched" << quoted_spans(text, c.unless_spans) << '\n';
    } else {
      out << ", no " << c.missing_role << " actor\n";
    }
  }
  for (const Event& event : s.result.events) {
    if (event.attributes.empty()) continue;
    out << "    annotations: " << event.type << ':';
    for (const Attribute& a : event.attributes) out << ' ' << one_line(a.key + '=' + a.value);
    out << '\n';
  }
  for (const PluginFault& fault : s.result.plugin_faults)
    out << "    plugin " << fault.plugin << " failed: " << one_line(fault.message) << '\n';
  if (!s.result.ok()) out << "    error:       " << one_line(s.result.error) << '\n';
}

// `path` relative to the working folder when it is inside it: the shipped
// rules are found by an absolute path, which makes long lines.
std::string shorter_path(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  if (ec || !std::filesystem::path(path).is_absolute()) return path;
  const std::filesystem::path relative = std::filesystem::path(path).lexically_relative(cwd);
  if (relative.empty() || *relative.begin() == "..") return path;
  return relative.string();
}

void write_near_misses(std::ostream& out, const SentenceOutcome& s, const std::string& type,
                       std::size_t limit) {
  for (const auto& [missed, misses] : s.near_misses) {
    if (missed != type) continue;
    if (misses.empty()) {
      out << "    near misses: none; no " << type
          << " rule has a piece in the sentence, common words aside\n";
      return;
    }
    out << "    near misses:\n";
    for (std::size_t i = 0; i < misses.size() && i < limit; ++i) {
      const NearMiss& m = misses[i];
      std::size_t found = 0;
      for (const NearMissPiece& piece : m.pieces) found += !piece.found.empty();
      // A cancelled rule's pieces are those of its `unless`: no fraction to show.
      const std::string how =
          m.kind == NearMiss::Kind::kCancelled
              ? std::string("cancelled")
              : std::to_string(found) + '/' + std::to_string(m.pieces.size()) + " pieces";
      out << "      " << m.rule_id << " (" << how << ", " << shorter_path(m.file) << ':' << m.line
          << "): " << one_line(m.reason) << '\n';
    }
    if (misses.size() > limit) out << "      ... and " << misses.size() - limit << " more\n";
  }
}

void write_sentence(std::ostream& out, const SentenceOutcome& s, double threshold) {
  // The id is the gold file's bytes: escaped and capped for the terminal.
  out << "\n  " << printable_text(s.gold.name(), kShownNameBytes);
  if (!s.gold.id.empty()) out << "  (" << printable_text(s.gold.place(), kShownTextBytes) << ')';
  out << "\n    " << one_line(s.gold.text) << '\n';
  out << "    gold:        " << joined(s.gold_types, ", ", "none") << '\n';
  const std::string reported = confidences(s, threshold, true);
  const std::string below = confidences(s, threshold, false);
  out << "    predicted:   " << (reported.empty() ? "none" : reported);
  if (!below.empty()) out << "; below the threshold: " << below;
  out << '\n';
  write_evidence(out, s);
}

void write_errors(std::ostream& out, const Evaluation& eval, const TextReportOptions& options) {
  for (const TypeScore& score : eval.summary.per_type) {
    for (const bool positives : {true, false}) {
      const std::vector<std::size_t>& list =
          positives ? score.false_positives : score.false_negatives;
      if (list.empty() || options.errors == 0) continue;
      out << '\n'
          << (positives ? "False positives: " : "False negatives: ") << score.type << " ("
          << list.size() << ")\n";
      for (std::size_t i = 0; i < list.size() && i < options.errors; ++i) {
        const SentenceOutcome& s = eval.sentences[list[i]];
        write_sentence(out, s, eval.threshold);
        if (!positives) write_near_misses(out, s, score.type, options.near_misses);
      }
      if (list.size() > options.errors) {
        out << "\n  ... and " << list.size() - options.errors
            << " more (raise --errors to see them)\n";
      }
    }
  }
}

}  // namespace

void warn_unknown_labels(std::ostream& err, const std::string& command,
                         const std::vector<Evaluation::UnknownLabel>& labels) {
  for (const Evaluation::UnknownLabel& label : labels) {
    err << "demarche " << command << ": warning: " << label.first_place << ": label '"
        << one_line(label.label) << "' is not an event type of the rules (" << label.sentences
        << (label.sentences == 1 ? " sentence carries" : " sentences carry")
        << " it); left out of the scores\n";
  }
}

std::string figure(const std::optional<double>& value) {
  return value ? fixed(*value, 3) : "n/a";
}

std::string pad_right(const std::string& text, std::size_t width) {
  return text + std::string(width - std::min(width, text.size()), ' ');
}

std::string pad_left(const std::string& text, std::size_t width) {
  return std::string(width - std::min(width, text.size()), ' ') + text;
}

void write_eval_text(std::ostream& out, const Evaluation& eval, const TextReportOptions& options) {
  out << files_line(eval) << "\n\n";
  SummaryTable(eval.summary).write(out);
  out << "\nSentences with no gold label given an event: " << eval.empty_gold_predicted << " of "
      << eval.empty_gold << '\n';
  for (const Evaluation::UnknownLabel& label : eval.unknown_labels) {
    out << "Unknown label '" << one_line(label.label) << "' left out: " << label.sentences
        << (label.sentences == 1 ? " sentence" : " sentences") << ", first at " << label.first_place
        << '\n';
  }
  if (eval.unclassified != 0)
    out << "Sentences that could not be classified: " << eval.unclassified << '\n';
  write_calibration(out, eval);
  write_sweep(out, eval.sweep);
  write_errors(out, eval, options);
}

}  // namespace demarche::cli
