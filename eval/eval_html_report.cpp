#include "eval_html_report.hpp"

#include <algorithm>

#include "eval_text_report.hpp"
#include "json_text.hpp"
#include "markup_escape.hpp"
#include "pr_chart.hpp"
#include "reliability_svg.hpp"
#include "result_text.hpp"
#include "text_format.hpp"

namespace demarche::cli {
namespace {

// `text` made safe for HTML: valid UTF-8 (ill-formed bytes become U+FFFD,
// through the same JSON library as every other output) with &<>"' escaped.
std::string html(std::string_view text) {
  const std::string valid = Json::parse(to_json_text(Json(std::string(text)))).get<std::string>();
  return escape_markup(valid);
}

// A table cell that sorts by `value` (undefined figures sort lowest).
std::string number_cell(const std::optional<double>& value, const std::string& shown) {
  return "<td class=\"num\" data-value=\"" + (value ? fixed(*value, 6) : std::string("-1")) +
         "\">" + html(shown) + "</td>";
}

std::string count_cell(std::size_t n) {
  return number_cell(static_cast<double>(n), std::to_string(n));
}

std::string figure_cell(const std::optional<double>& value) {
  return number_cell(value, figure(value));
}

// Each table scrolls sideways in its own .scroll box, never the page. The
// rule table keeps its id column in view as it scrolls, but only in windows
// 60em wide or more: in a phone's that column is about as wide as the box
// and would hide every other column under it.
const char* kStyle = R"(
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;color:#222;padding:0 1em}p,ol{max-width:72em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}th,td{padding:.2em .6em;border-bottom:1px solid #e4e4e4;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.sortable th{cursor:pointer;user-select:none}table.sortable th:hover{background:#f2f2f2}
th[aria-sort=ascending]::after{content:" \25B2"}th[aria-sort=descending]::after{content:" \25BC"}
tr.flagged td{background:#fdecea}.charts{display:flex;flex-wrap:wrap;gap:1em}
@media (min-width:60em){#rule-stats :is(td,th):first-child{position:sticky;left:0;background:#fff}
#rule-stats tr.flagged td:first-child{background:#fdecea}}
.scroll{overflow-x:auto;max-width:100%;margin:.5em 0}.scroll>table{margin:0}
figure{margin:0}figcaption{text-align:center;font-weight:600}
.pr-chart .axis{stroke:#888}.pr-chart .curve{fill:none;stroke:#3367d6;stroke-width:2}
.pr-chart circle{fill:#3367d6}.pr-chart circle.current{fill:#d93025}.pr-chart text{font-size:10px;fill:#555}
.pr-chart .axis-break{stroke:#555;stroke-width:1.5}.pr-figure{width:264px}.axis-note{margin:.2em 0 0;font-size:12px;color:#555}.range{white-space:nowrap}
p,li{overflow-wrap:anywhere}li.error{margin:.6em 0}.sentence{font-style:italic}.muted{color:#777}code{background:#f4f4f4;padding:0 .2em}
)";

// Sorts a table.sortable by the clicked column, numerically when its cells
// carry data-value; "#sort=COLUMN" (a header's data-key) sorts on load,
// descending. body[data-ready] tells a test the script ran.
const char* kScript = R"(
function sortTable(table, index, descending) {
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const key = r => { const c = r.cells[index]; return c.dataset.value !== undefined ? parseFloat(c.dataset.value) : c.textContent; };
  rows.sort((a, b) => { const x = key(a), y = key(b); const o = x < y ? -1 : x > y ? 1 : 0; return descending ? -o : o; });
  rows.forEach(r => body.appendChild(r));
  Array.from(table.tHead.rows[0].cells).forEach((th, i) => th.setAttribute('aria-sort', i === index ? (descending ? 'descending' : 'ascending') : 'none'));
}
document.querySelectorAll('table.sortable').forEach(table => {
  Array.from(table.tHead.rows[0].cells).forEach((th, i) => th.addEventListener('click', () => sortTable(table, i, th.getAttribute('aria-sort') !== 'descending')));
});
const wanted = /sort=([\w-]+)/.exec(location.hash);
if (wanted) document.querySelectorAll('table.sortable').forEach(table => {
  Array.from(table.tHead.rows[0].cells).forEach((th, i) => { if (th.dataset.key === wanted[1]) sortTable(table, i, true); });
});
document.body.dataset.ready = '1';
)";

void write_summary(std::ostream& out, const Summary& summary) {
  out << "<div class=\"scroll\">"
         "<table id=\"per-type\"><thead><tr><th>type</th><th>gold</th><th>predicted</th>"
         "<th>TP</th><th>FP</th><th>FN</th><th>precision</th><th>recall</th><th>F1</th>"
         "</tr></thead><tbody>\n";
  auto row = [&out](const TypeScore& score) {
    const Counts& c = score.counts;
    out << "<tr><td>" << html(score.type) << "</td>" << count_cell(c.gold)
        << count_cell(c.predicted) << count_cell(c.tp) << count_cell(c.fp()) << count_cell(c.fn())
        << figure_cell(score.scores.precision) << figure_cell(score.scores.recall)
        << figure_cell(score.scores.f1) << "</tr>\n";
  };
  for (const TypeScore& score : summary.per_type) row(score);
  row(summary.micro);
  out << "<tr><td>macro</td><td colspan=\"5\" class=\"muted\">mean of " << summary.macro.types
      << " types</td>" << figure_cell(summary.macro.scores.precision)
      << figure_cell(summary.macro.scores.recall) << figure_cell(summary.macro.scores.f1)
      << "</tr>\n</tbody></table></div>\n";
}

// The calibration table and a reliability diagram per type, then the
// pooled one, drawn as --plot draws them.
void write_calibration(std::ostream& out, const Evaluation& eval) {
  out << "<div class=\"scroll\">"
         "<table id=\"calibration\"><thead><tr><th>type</th><th>samples</th><th>ECE</th>"
         "<th>Brier</th></tr></thead><tbody>\n";
  auto row = [&out](const Calibration& c) {
    out << "<tr><td>" << html(c.type) << "</td>" << count_cell(c.samples) << figure_cell(c.ece)
        << figure_cell(c.brier) << "</tr>\n";
  };
  for (const Calibration& c : eval.calibration_per_type) row(c);
  row(eval.calibration_pooled);
  out << "</tbody></table></div>\n<div class=\"charts\">\n";
  for (const Calibration& c : eval.calibration_per_type)
    out << "<figure>" << reliability_svg(c) << "</figure>\n";
  out << "<figure>" << reliability_svg(eval.calibration_pooled) << "</figure>\n</div>\n";
}

// One rule a line: side by side, three long ids made the overlaps and
// conflicts columns the widest of the table.
std::string rule_list(const std::vector<RuleCount>& rules) {
  std::string out;
  for (std::size_t i = 0; i < rules.size() && i < 3; ++i) {
    out += (i == 0 ? "" : ",<br>") + html(rules[i].rule_id) + " (" +
           std::to_string(rules[i].sentences) + ")";
  }
  return out;
}

// Whether the evaluation scored with learned weights: then a rule's weight
// in use is not what its file says, nor what `rules stats` (which never
// loads a weights file) shows, and the table gives both.
bool learned_weights(const Evaluation& eval) {
  return eval.scoring_model != Evaluation{}.scoring_model;
}

void write_rule_stats(std::ostream& out, const Evaluation& eval) {
  if (eval.rules.empty()) {
    out << "<p id=\"rule-stats\" class=\"none\">none</p>\n";
    return;
  }
  const bool learned = learned_weights(eval);
  out << "<div class=\"scroll\"><table id=\"rule-stats\" class=\"sortable\"><thead><tr>"
         "<th data-key=\"rule\">rule</th><th data-key=\"type\">type</th>"
      << (learned ? "<th data-key=\"weight\">learned weight</th>"
                    "<th data-key=\"authored-weight\">authored weight</th>"
                  : "<th data-key=\"weight\">authored weight</th>")
      << "<th data-key=\"coverage\">coverage</th>"
         "<th data-key=\"hits\">hits</th><th data-key=\"precision\">precision</th>"
         "<th data-key=\"interval\">95% interval</th><th data-key=\"unique\">unique</th>"
         "<th data-key=\"unique-recall\">unique recall</th>"
         "<th data-key=\"cancelled\">cancelled (of them gold)</th>"
         "<th data-key=\"overlaps\">overlaps</th><th data-key=\"conflicts\">conflicts</th>"
         "</tr></thead><tbody>\n";
  for (const RuleStats& r : eval.rules) {
    out << "<tr"
        << (r.flagged ? " class=\"flagged\" title=\"precision under 0.7, weight above 0.7\"" : "")
        << "><td><code>" << html(r.rule_id) << "</code></td><td>" << html(r.type) << "</td>"
        << number_cell(r.weight, fixed(r.weight, 3));
    if (learned) out << number_cell(r.authored_weight, fixed(r.authored_weight, 3));
    out << count_cell(r.coverage) << count_cell(r.hits) << figure_cell(r.precision)
        << number_cell(
               r.interval ? std::optional<double>(r.interval->low) : std::nullopt,
               r.interval ? fixed(r.interval->low, 3) + "–" + fixed(r.interval->high, 3) : "n/a")
        << count_cell(r.unique) << figure_cell(r.unique_recall)
        << number_cell(
               static_cast<double>(r.cancelled),
               std::to_string(r.cancelled) + " (" + std::to_string(r.cancelled_positive) + ")")
        << "<td>" << rule_list(r.overlaps) << "</td><td>" << rule_list(r.conflicts)
        << "</td></tr>\n";
  }
  out << "</tbody></table></div>\n";
}

std::string joined_html(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + html(item);
  return out.empty() ? "none" : out;
}

// What the engine said of one sentence: each event with its confidence,
// evidence (rules, counted or not) and plugin attributes.
void write_findings(std::ostream& out, const SentenceOutcome& s) {
  out << "<ul>";
  for (const Event& event : s.result.events) {
    out << "<li>" << html(event.type) << " " << fixed(event.confidence, 3) << ": ";
    for (std::size_t i = 0; i < event.evidence.size(); ++i) {
      const Evidence& e = event.evidence[i];
      out << (i == 0 ? "" : ", ") << "<code>" << html(e.rule_id) << "</code>"
          << (e.counted ? "" : " <span class=\"muted\">(not counted)</span>");
    }
    for (const Attribute& a : event.attributes) out << " [" << html(a.key + "=" + a.value) << "]";
    out << "</li>";
  }
  for (const Cancellation& c : s.result.cancelled) {
    out << "<li class=\"muted\"><code>" << html(c.rule_id) << "</code> "
        << (c.missing_role.empty() ? std::string("cancelled by unless")
                                   : "no " + c.missing_role + " actor")
        << "</li>";
  }
  if (s.result.events.empty() && s.result.cancelled.empty()) {
    out << "<li class=\"muted\">no rule or plugin gave evidence for any type</li>";
  }
  out << "</ul>";
}

void write_errors(std::ostream& out, const Evaluation& eval, bool positives) {
  const char* id = positives ? "false-positives" : "false-negatives";
  const auto wrong_of = [positives](const SentenceOutcome& s) -> const std::vector<std::string>& {
    return positives ? s.false_positives : s.false_negatives;
  };
  // An empty section says so, rather than leave a heading over nothing.
  if (std::all_of(eval.sentences.begin(), eval.sentences.end(),
                  [&](const SentenceOutcome& s) { return wrong_of(s).empty(); })) {
    out << "<p id=\"" << id << "\" class=\"none\">none</p>\n";
    return;
  }
  out << "<ol id=\"" << id << "\">\n";
  for (const SentenceOutcome& s : eval.sentences) {
    const std::vector<std::string>& wrong = wrong_of(s);
    if (wrong.empty()) continue;
    out << "<li class=\"error\"><b>" << html(s.gold.name()) << "</b> "
        << (positives ? "wrongly given " : "missed ") << joined_html(wrong)
        << "<div class=\"sentence\">" << html(s.gold.text) << "</div>"
        << "<div>gold: " << joined_html(s.gold_types) << "; predicted: " << joined_html(s.predicted)
        << "</div>";
    write_findings(out, s);
    if (!positives) {
      for (const auto& [type, misses] : s.near_misses) {
        out << "<div>near misses for " << html(type) << ":</div><ul>";
        if (misses.empty()) out << "<li class=\"muted\">no rule of this type came close</li>";
        for (const NearMiss& miss : misses) {
          out << "<li><code>" << html(miss.rule_id) << "</code>: " << html(miss.reason) << "</li>";
        }
        out << "</ul>";
      }
    }
    out << "</li>\n";
  }
  out << "</ol>\n";
}

}  // namespace

void write_html_report(const Evaluation& eval, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<title>demarche eval</title><style>"
      << kStyle << "</style></head><body>\n<h1>demarche eval</h1>\n<p>" << eval.sentences.size()
      << " sentences from " << joined_html(eval.files) << "; " << eval.rule_count
      << " rules; plugins: " << joined_html(eval.plugins) << "; threshold "
      << fixed(eval.threshold, 2) << "; scoring: <span id=\"scoring\">" << html(eval.scoring_model)
      << "</span>"
      << ". Sentences with no gold event given one: " << eval.empty_gold_predicted << " of "
      << eval.empty_gold << ".</p>\n";
  out << "<h2>Per type</h2>\n";
  write_summary(out, eval.summary);
  out << "<h2>Precision and recall by threshold</h2>\n<p class=\"muted\">One point per threshold "
         "0.1 to 0.9; red: "
      << fixed(eval.threshold, 2) << ".</p><div class=\"charts\">\n";
  for (std::size_t t = 0; t < eval.types.size(); ++t) out << pr_chart(eval, t) << '\n';
  out << "</div>\n<h2>Calibration</h2>\n<p class=\"muted\">Does a confidence of 0.8 come true "
         "8 times in 10? Every sentence and type is a sample (a type without evidence at its "
         "prior); samples are put in 10 bins by confidence. Dots on the dashed diagonal are well "
         "calibrated; a dot's size is its number of samples, its red stroke its gap. ECE is the "
         "mean gap, weighted by the bins' counts.</p>\n";
  write_calibration(out, eval);
  out << "<h2>Rules</h2>\n<p class=\"muted\">Click a column to sort. "
      << (learned_weights(eval)
              ? "The learned weight is the one this evaluation scored with; the authored "
                "weight is the rule file's, which <code>rules stats</code> shows. "
              : "The weights are the rule files' own, as <code>rules stats</code> shows them. ")
      << "Rows in red claim more than they deliver: empirical precision under 0.7 with a "
      << (learned_weights(eval) ? "learned " : "") << "weight above 0.7.</p>\n";
  write_rule_stats(out, eval);
  out << "<h2>False positives</h2>\n";
  write_errors(out, eval, true);
  out << "<h2>False negatives</h2>\n";
  write_errors(out, eval, false);
  out << "<script>" << kScript << "</script>\n</body></html>\n";
}

}  // namespace demarche::cli
