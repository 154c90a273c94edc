// `demarche eval --report FILE.html`: a self-contained page with the
// per-type table, a precision-recall chart per type, the reliability
// diagrams, the sortable rule statistics and the error lists; that it
// renders in a real browser (Debian's headless Chromium, which .ci/setup
// installs); and `eval --plot DIR`, the same diagrams as standalone SVG files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "eval_support.hpp"

namespace demarche_cli_test {
namespace {

const char* kChromium = "/usr/bin/chromium";
const char* kXmllint = "/usr/bin/xmllint";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// The report of the basic fixture (greeting and farewell), written into `dir`.
fs::path write_report(const TempDir& dir) {
  const fs::path page = dir.path() / "report.html";
  const RunResult r = run_eval({"--gold", gold_fixture("basic.tsv"), "--report", page.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return page;
}

// The text between the element that starts with `open` and the next `close`.
std::string element(const std::string& page, const std::string& open, const std::string& close) {
  const std::size_t from = page.find(open);
  if (from == std::string::npos) return "";
  return page.substr(from, page.find(close, from) - from);
}

// Whether `text` is one well-formed XML element as far as a test can tell
// without a parser: every tag closed, in order, attribute quotes paired, no
// '&' that starts no entity, nothing after the root.
bool well_formed_element(const std::string& text) {
  std::vector<std::string> open;
  bool closed_root = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (closed_root) {
      if (!std::isspace(static_cast<unsigned char>(text[i]))) return false;
      continue;
    }
    if (text[i] == '&') {
      const std::size_t end = text.find(';', i);
      if (end == std::string::npos) return false;
      const std::string entity = text.substr(i, end - i + 1);
      if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" &&
          entity != "&#39;")
        return false;
      continue;
    }
    if (text[i] != '<') {
      if (open.empty() || text[i] == '>') return false;  // text outside the root, or a stray >
      continue;
    }
    const std::size_t end = text.find('>', i);
    if (end == std::string::npos) return false;
    const std::string tag = text.substr(i + 1, end - i - 1);
    if (tag.find('<') != std::string::npos || count(tag, "\"") % 2 != 0) return false;
    if (tag.starts_with('/')) {
      if (open.empty() || open.back() != tag.substr(1)) return false;
      open.pop_back();
      closed_root = open.empty();
    } else {
      const std::string name = tag.substr(0, tag.find_first_of(" /"));
      if (name.empty()) return false;
      if (!tag.ends_with('/')) open.push_back(name);
    }
    i = end;
  }
  return closed_root;
}

// The `<svg class="reliability" data-type="TYPE"...>...</svg>` of `page`.
std::string reliability_svg(const std::string& page, const std::string& type) {
  const std::string diagram =
      element(page, "<svg class=\"reliability\" data-type=\"" + type + "\"", "</svg>");
  return diagram.empty() ? diagram : diagram + "</svg>";
}

// Rules for the layout checks, written to be awkward to lay out: ids long
// enough that the rule table is wider than a 1400-pixel window, rules that
// overlap and conflict (so those columns hold three long ids each), and a
// prior of 0.01, so that most samples sit in a large reliability dot at
// confidence and frequency 0, where the axes' "0.0" labels used to be.
const std::string kLayoutRules = R"(event agreement
  prior: 0.01
  description: Two governments agree.

event dispute
  prior: 0.01
  description: Two governments quarrel.

rule agreement.treaty.signed_by_the_two_governments_after_long_negotiations
  type: agreement
  weight: 0.95
  description: A treaty signed.
  match: signed ~3 treaty

rule agreement.treaty.ratified_by_the_parliaments_of_both_signatory_states
  type: agreement
  weight: 0.9
  description: A treaty ratified.
  match: ratified ~3 treaty

rule agreement.treaty.any_mention_of_a_treaty_between_the_two_governments
  type: agreement
  weight: 0.3
  description: A treaty named: weak.
  match: treaty

rule dispute.protest.lodged_a_formal_protest_with_the_other_governments_envoy
  type: dispute
  weight: 0.9
  description: A protest lodged.
  match: lodged ~3 protest
)";

// For kLayoutRules: agreement has precision 8/10 and recall 1 at thresholds
// up to 0.3 (the weak rule finds a7, and wrongly n1 and d3), precision 1 and
// recall 7/8 above: a curve in the top right corner. Nothing is given a type its
// gold lacks at 0.5 (no false positive); a7 is missed (a false negative);
// d3 gives the weak agreement rule a conflict with the dispute rule.
const std::string kLayoutGold =
    "id\ttext\tlabels\n"
    "a1\tOslo and Rome signed the treaty.\tagreement\n"
    "a2\tParis and Bonn signed a new treaty today.\tagreement\n"
    "a3\tThey signed the border treaty.\tagreement\n"
    "a4\tBoth sides signed the peace treaty at noon.\tagreement\n"
    "a5\tThe ministers signed the trade treaty.\tagreement\n"
    "a6\tLima signed and ratified the treaty.\tagreement\n"
    "a7\tThe treaty holds.\tagreement\n"
    "a8\tThe parliament ratified the treaty.\tagreement\n"
    "n1\tThey discussed a treaty.\t\n"
    "d1\tQuito lodged a protest.\tdispute\n"
    "d2\tThe embassy lodged a formal protest.\tdispute\n"
    "d3\tKyiv lodged a protest over the treaty.\tdispute\n"
    "n2\tThe weather was fine.\t\n"
    "n3\tNothing happened on Monday.\t\n"
    "n4\tThe market opened late.\t\n"
    "n5\tA storm closed the port.\t\n"
    "n6\tThe team won the match.\t\n";

// What rules stats calls the signed-treaty rule's weight (its file's, 0.95),
// and a weights file that learned 0.96 for it.
const std::string kSignedRule =
    "agreement.treaty.signed_by_the_two_governments_after_long_negotiations";
const std::string kLayoutWeights =
    "format\tdemarche-weights\t1\n"
    "rules_hash\tfnv1a64:0000000000000000\n"
    "fitted_on\tby hand, for a test\n"
    "l2\t1\n"
    "min_support\t2\n"
    "kind\tname\tvalue\tauthored\tsupport\tfitted\n"
    "rule\t" +
    kSignedRule + "\t0.96\t0.95\t6\tyes\n";

struct LayoutReport {
  TempDir dir;
  fs::path page;
  RunResult result;
};

// The report of kLayoutGold under kLayoutRules, scored with kLayoutWeights.
std::unique_ptr<LayoutReport> write_layout_report() {
  auto report = std::make_unique<LayoutReport>();
  const TempDir& dir = report->dir;
  dir.write("rules/layout.rules", kLayoutRules);
  report->page = dir.path() / "layout.html";
  report->result =
      run({"eval", "--rules", (dir.path() / "rules").string(), "--no-plugins", "--gold",
           dir.write("layout.tsv", kLayoutGold), "--weights",
           dir.write("weights.tsv", kLayoutWeights), "--report", report->page.string()});
  return report;
}

// Measures a report laid out in a browser window and writes one line per
// check, "NAME ok" or "NAME FAIL what is wrong", into the parent page's
// element "ID-out", ID being the id of the frame it runs in.
const std::string kMeasureScript = R"(
(function () {
  const lines = [];
  const say = (name, problems) =>
    lines.push(name + (problems.length ? ' FAIL ' + problems.join('; ') : ' ok'));
  const width = document.documentElement.clientWidth;
  const box = element => element.getBoundingClientRect();
  const px = x => x.toFixed(1);

  // Nothing pushes the page sideways, and no table is cut: each lies within
  // the window, or scrolls inside a box of its own that does.
  const wide = document.documentElement.scrollWidth;
  say('page-width', wide > width ? ['the page is ' + wide + ' px wide in a window of ' + width] : []);
  const cut = [];
  document.querySelectorAll('table').forEach(table => {
    let scroller = null;
    for (let p = table.parentElement; p && p !== document.body && !scroller; p = p.parentElement) {
      const overflow = getComputedStyle(p).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') scroller = p;
    }
    const r = box(scroller || table);
    if (r.left < -0.5 || r.right > width + 0.5)
      cut.push('#' + table.id + (scroller ? ' (its scroll box)' : '') + ' spans ' + px(r.left) +
               ' to ' + px(r.right) + ' in ' + width);
  });
  // And each column's heading, scrolled into view, shows: no column is
  // hidden under another (a column kept in view at the left, say).
  document.querySelectorAll('table').forEach(table => {
    Array.from(table.tHead.rows[0].cells).forEach(th => {
      th.scrollIntoView({block: 'center', inline: 'center'});
      const r = box(th);
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !th.contains(hit))
        cut.push('#' + table.id + ' column ' + th.textContent.trim() + ' lies under ' +
                 (hit ? hit.textContent.trim().slice(0, 40) : 'nothing'));
    });
  });
  document.querySelectorAll('.scroll').forEach(s => { s.scrollLeft = 0; });
  window.scrollTo(0, 0);
  say('tables', cut);

  // Precision-recall charts: the points spread over at least half of each
  // axis along which their figures differ; every point sits where the tick
  // labels say its figures are; a chart whose axes are not 0-1 says so.
  const spread = [], ticks = [], note = [];
  document.querySelectorAll('svg.pr-chart').forEach(svg => {
    const type = svg.dataset.type;
    const points = Array.from(svg.querySelectorAll('circle')).map(c => {
      const m = /precision ([\d.]+), recall ([\d.]+)/.exec(c.textContent);
      return {x: +c.getAttribute('cx'), y: +c.getAttribute('cy'), precision: +m[1], recall: +m[2]};
    });
    const range = key => Math.max(...points.map(q => q[key])) - Math.min(...points.map(q => q[key]));
    const axes = svg.querySelectorAll('line.axis');  // the x axis, then the y axis
    const xLength = Math.abs(axes[0].x2.baseVal.value - axes[0].x1.baseVal.value);
    const yLength = Math.abs(axes[1].y2.baseVal.value - axes[1].y1.baseVal.value);
    if (range('recall') > 0.001 && range('x') < 0.5 * xLength)
      spread.push(type + ': recall ' + range('recall').toFixed(3) + ' apart drawn ' + px(range('x')) +
                  ' of ' + px(xLength) + ' wide');
    if (range('precision') > 0.001 && range('y') < 0.5 * yLength)
      spread.push(type + ': precision ' + range('precision').toFixed(3) + ' apart drawn ' +
                  px(range('y')) + ' of ' + px(yLength) + ' high');
    const labels = axis => Array.from(svg.querySelectorAll('text.tick.' + axis)).map(t => {
      const b = t.getBBox();
      return {value: parseFloat(t.textContent), at: axis === 'x' ? b.x + b.width / 2 : b.y + b.height / 2};
    }).sort((a, b) => a.value - b.value);
    const xs = labels('x'), ys = labels('y');
    if (xs.length < 2 || ys.length < 2) {
      ticks.push(type + ': ' + xs.length + ' x and ' + ys.length + ' y tick labels');
      note.push(type + ': no tick labels to read the range from');
      return;
    }
    const where = (ts, v) => {
      const a = ts[0], b = ts[ts.length - 1];
      return a.at + (v - a.value) * (b.at - a.at) / (b.value - a.value);
    };
    points.forEach(q => {
      if (Math.abs(where(xs, q.recall) - q.x) > 2.5 || Math.abs(where(ys, q.precision) - q.y) > 2.5)
        ticks.push(type + ': recall ' + q.recall + ', precision ' + q.precision + ' drawn at ' +
                   px(q.x) + ',' + px(q.y) + ', labels put it at ' + px(where(xs, q.recall)) + ',' +
                   px(where(ys, q.precision)));
      if (q.recall < xs[0].value || q.recall > xs[xs.length - 1].value ||
          q.precision < ys[0].value || q.precision > ys[ys.length - 1].value)
        ticks.push(type + ': a point outside the labelled range');
    });
    const zoomed = xs[0].value > 0 || ys[0].value > 0 || xs[xs.length - 1].value < 1 ||
                   ys[ys.length - 1].value < 1;
    const caption = svg.closest('figure').querySelector('.axis-note');
    if (zoomed && !(caption && box(caption).width > 0 && /not 0/.test(caption.textContent)))
      note.push(type + ': axes not 0-1 and no visible note says so');
    const breaks = svg.querySelectorAll('line.axis-break').length;
    const wanted = (xs[0].value > 0 ? 2 : 0) + (ys[0].value > 0 ? 2 : 0);
    if (breaks !== wanted) note.push(type + ': ' + breaks + ' axis-break strokes, wanted ' + wanted);
  });
  if (!document.querySelector('svg.pr-chart')) spread.push('no chart');
  say('pr-spread', spread);
  say('pr-ticks', ticks);
  say('pr-note', note);

  // Reliability diagrams: no dot covers an axis label, a tick's or a title.
  const covered = [];
  document.querySelectorAll('svg.reliability').forEach(svg => {
    const texts = Array.from(svg.querySelectorAll('text:not(.count)'));
    svg.querySelectorAll('circle.bin').forEach(dot => {
      const a = box(dot);
      texts.forEach(text => {
        const b = box(text);
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          covered.push(svg.dataset.type + ': the dot of ' + dot.dataset.count + ' samples covers ' +
                       text.textContent);
      });
    });
  });
  if (!document.querySelector('circle.bin')) covered.push('no dot');
  say('reliability-labels', covered);

  // The false positives' section says "none" when there are none.
  const heading = Array.from(document.querySelectorAll('h2')).find(h => h.textContent === 'False positives');
  const next = heading && heading.nextElementSibling;
  const said = next ? next.textContent.trim() : '';
  say('false-positives-none',
      said === 'none' && box(next).height > 0 ? [] : ['the section says: ' + said.slice(0, 60)]);

  // The rule table says which weight is learned and which authored.
  const weights = [];
  const table = document.getElementById('rule-stats');
  const headings = Array.from(table.tHead.rows[0].cells).map(c => c.textContent.trim());
  const learned = headings.indexOf('learned weight'), authored = headings.indexOf('authored weight');
  const row = Array.from(table.tBodies[0].rows).find(r => r.cells[0].textContent === 'SIGNED_RULE');
  if (learned < 0 || authored < 0) weights.push('headings: ' + headings.join(', '));
  else if (!row) weights.push('no row for SIGNED_RULE');
  else if (row.cells[learned].textContent !== '0.960' || row.cells[authored].textContent !== '0.950')
    weights.push('learned ' + row.cells[learned].textContent + ', authored ' + row.cells[authored].textContent);
  say('weights', weights);

  parent.document.getElementById(frameElement.id + '-out').textContent =
      '\n' + lines.join('\n') + '\n';
})();
)";

// `text` inside a double-quoted HTML attribute.
std::string attribute(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '"')
      out += "&quot;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

// Lays `page` out in headless Chromium in a window of each width (an
// iframe of that width: a headless window is never narrower than 500 px),
// runs kMeasureScript in it, and returns each width's lines; a width whose
// script did not run gives "not measured".
std::map<int, std::string> measure_layout(const TempDir& dir, const fs::path& page,
                                          const std::vector<int>& widths) {
  std::string report = read_file(page);
  std::string script = kMeasureScript;
  for (std::size_t at = script.find("SIGNED_RULE"); at != std::string::npos;
       at = script.find("SIGNED_RULE"))
    script.replace(at, 11, kSignedRule);
  report.insert(report.rfind("</body>"), "<script>" + script + "</script>");
  std::string outer = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>";
  for (const int width : widths) {
    const std::string id = std::string("w") + std::to_string(width);
    outer += "<iframe id=\"" + id + "\" width=\"" + std::to_string(width) +
             "\" height=\"900\" srcdoc=\"" + attribute(report) + "\"></iframe><pre id=\"" + id +
             "-out\">not measured</pre>";
  }
  outer += "</body></html>";
  const std::string outer_path = dir.write("measure.html", outer);
  RunOptions options;
  options.binary = kChromium;
  const RunResult r = run({"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                           "--no-first-run", "--user-data-dir=" + (dir.path() / "profile").string(),
                           "--window-size=1600,1000", "--dump-dom", "file://" + outer_path},
                          options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<int, std::string> results;
  for (const int width : widths) {
    const std::string id = std::string("w") + std::to_string(width);
    results[width] = element(r.out, "<pre id=\"" + id + "-out\">", "</pre>");
  }
  return results;
}

TEST(EvalReport, PageHasTablesChartsAndErrorsAndNeedsNoNetwork) {
  const TempDir dir;
  const std::string page = read_file(write_report(dir));
  ASSERT_FALSE(page.empty());
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  const std::string per_type = element(page, "<table id=\"per-type\"", "</table>");
  EXPECT_TRUE(contains(per_type, "<td>greeting</td>")) << per_type;
  EXPECT_TRUE(contains(per_type, "<td>farewell</td>"));
  EXPECT_TRUE(contains(per_type, "<td>macro</td>"));
  EXPECT_EQ(count(page, "<svg class=\"pr-chart\""), 2u);
  // Nine swept thresholds per chart, plus the evaluation's own in red.
  EXPECT_EQ(count(element(page, "data-type=\"greeting\"", "</svg>"), "<circle"), 10u);
  EXPECT_EQ(count(page, "<circle class=\"current\""), 2u);
  // A reliability diagram per type, then one of all types pooled.
  EXPECT_EQ(count(page, "<svg class=\"reliability\""), 3u);
  for (const char* type : {"greeting", "farewell", "all"})
    EXPECT_FALSE(reliability_svg(page, type).empty()) << type;
  EXPECT_TRUE(contains(page, "; scoring: <span id=\"scoring\">authored weights</span>"));
  EXPECT_TRUE(contains(element(page, "<table id=\"calibration\"", "</table>"), "<td>all</td>"));
  EXPECT_TRUE(
      contains(element(page, "<table id=\"rule-stats\"", "</table>"), "greeting.words.hello"));
  // basic.tsv: FP g06 and g10, FN g07, g09 and g13 (eval_test.cpp).
  const std::string fps = element(page, "<ol id=\"false-positives\"", "</ol>");
  EXPECT_TRUE(contains(fps, "<b>g06</b>") && contains(fps, "<b>g10</b>")) << fps;
  EXPECT_FALSE(contains(fps, "<b>g07</b>"));
  const std::string fns = element(page, "<ol id=\"false-negatives\"", "</ol>");
  EXPECT_TRUE(contains(fns, "<b>g07</b>") && contains(fns, "<b>g09</b>")) << fns;
  EXPECT_TRUE(contains(fns, "near misses for")) << fns;
  // Self-contained: nothing is fetched.
  EXPECT_FALSE(contains(page, "<link"));
  EXPECT_FALSE(contains(page, "<script src"));
  EXPECT_FALSE(contains(page, "src=\"http"));
  EXPECT_FALSE(contains(page, "href=\"http"));
}

// kCalibrationGold (eval_support.hpp) works the figures out by hand.
TEST(EvalReport, ReliabilityDiagramsShowEachNonEmptyBin) {
  const TempDir dir;
  const fs::path page_path = dir.path() / "calibration.html";
  const RunResult r = run_eval(
      {"--gold", dir.write("calibration.tsv", kCalibrationGold), "--report", page_path.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = read_file(page_path);
  const std::string greeting = reliability_svg(page, "greeting");
  EXPECT_TRUE(contains(greeting, ">greeting: ECE 0.280</text>")) << greeting;
  EXPECT_TRUE(contains(greeting, ">mean confidence</text>")) << greeting;
  EXPECT_TRUE(contains(greeting, ">observed frequency</text>")) << greeting;
  EXPECT_EQ(count(greeting, "<line class=\"diagonal\""), 1u);
  // Bins 0.1 (3 samples), 0.6 and 0.9 (1 each); empty bins are not drawn.
  EXPECT_EQ(count(greeting, "<circle class=\"bin\""), 3u) << greeting;
  EXPECT_TRUE(contains(greeting, "<circle class=\"bin\" data-count=\"3\"")) << greeting;
  EXPECT_TRUE(contains(greeting, "mean confidence 0.100, observed 0.333")) << greeting;
  EXPECT_EQ(count(reliability_svg(page, "farewell"), "<circle class=\"bin\""), 2u);
  const std::string all = reliability_svg(page, "all");
  EXPECT_EQ(count(all, "<circle class=\"bin\""), 5u) << all;
  EXPECT_TRUE(contains(all, ">all: ECE 0.240</text>")) << all;
  EXPECT_TRUE(well_formed_element(greeting)) << greeting;
}

TEST(EvalReport, PlotWritesAStandaloneSvgPerTypeAndPooled) {
  const TempDir dir;
  const std::string gold = dir.write("calibration.tsv", kCalibrationGold);
  const fs::path plots = dir.path() / "new" / "plots";  // neither folder exists yet
  const fs::path page_path = dir.path() / "report.html";
  const RunResult r =
      run_eval({"--gold", gold, "--plot", plots.string(), "--report", page_path.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = read_file(page_path);
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(plots))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"reliability-all.svg", "reliability-farewell.svg",
                                             "reliability-greeting.svg"}));
  for (const char* type : {"greeting", "farewell", "all"}) {
    const fs::path file = plots / ("reliability-" + std::string(type) + ".svg");
    const std::string svg = read_file(file);
    EXPECT_EQ(svg.rfind("<svg ", 0), 0u) << file;
    EXPECT_TRUE(contains(svg.substr(0, svg.find('>')), " xmlns=\"http://www.w3.org/2000/svg\""))
        << svg;
    EXPECT_TRUE(svg.ends_with("</svg>\n")) << file;
    EXPECT_TRUE(well_formed_element(svg)) << svg;
    // One drawing, shared: the file is the diagram the report shows.
    EXPECT_EQ(svg, reliability_svg(page, type) + "\n") << type;
    if (fs::exists(kXmllint)) {
      RunOptions options;
      options.binary = kXmllint;
      const RunResult lint = run({"--noout", file.string()}, options);
      EXPECT_EQ(lint.exit_code, 0) << file << ": " << lint.err;
    }
  }
  EXPECT_EQ(count(read_file(plots / "reliability-greeting.svg"), "<circle class=\"bin\""), 3u);
  EXPECT_FALSE(fs::exists(plots / "reliability-all.svg.partial"));
}

TEST(EvalReport, UnwritablePlotFolderIsAnError) {
  const TempDir dir;
  // A file where the folder should be: an error even for root.
  const std::string file = dir.write("taken", "not a folder\n");
  const RunResult r = run_eval({"--gold", gold_fixture("basic.tsv"), "--plot", file + "/plots"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "demarche eval: cannot create the folder " + file + "/plots"))
      << r.err;
  EXPECT_EQ(r.out, "");
  const RunResult itself = run_eval({"--gold", gold_fixture("basic.tsv"), "--plot", file});
  EXPECT_EQ(itself.exit_code, 2);
  EXPECT_TRUE(contains(itself.err, file)) << itself.err;
}

TEST(EvalReport, SentenceTextIsEscapedAndMadeValidUtf8) {
  const TempDir dir;
  const std::string gold = dir.write("tricky.tsv",
                                     "id\ttext\tlabels\n"
                                     "t1\t<b>hello</b> & \"wave\" \xff\tfarewell\n");
  const fs::path page_path = dir.path() / "tricky.html";
  const RunResult r = run_eval({"--gold", gold, "--report", page_path.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = read_file(page_path);
  EXPECT_TRUE(contains(page, "&lt;b&gt;hello&lt;/b&gt; &amp; &quot;wave&quot; \xef\xbf\xbd"));
  EXPECT_FALSE(contains(page, "<b>hello</b>"));
}

TEST(EvalReport, UnwritableReportIsAnError) {
  const RunResult r =
      run_eval({"--gold", gold_fixture("basic.tsv"), "--report", "/nonexistent-dir/r.html"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "/nonexistent-dir/r.html")) << r.err;
}

// Opens the page in headless Chromium, lets its script run, and reads the
// DOM back: the charts are drawn, the script ran, and "#sort=coverage"
// sorted the rule table by coverage, largest first.
TEST(EvalReport, RendersInHeadlessChromium) {
  if (!fs::exists(kChromium)) {
    GTEST_SKIP() << kChromium << " is not installed (apt-get install chromium; .ci/setup does)";
  }
  const TempDir dir;
  const fs::path page = write_report(dir);
  RunOptions options;
  options.binary = kChromium;
  const RunResult r = run({"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                           "--no-first-run", "--user-data-dir=" + (dir.path() / "profile").string(),
                           "--dump-dom", "file://" + page.string() + "#sort=coverage"},
                          options);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& dom = r.out;
  EXPECT_TRUE(contains(dom, "data-ready=\"1\"")) << "the page's script did not run";
  EXPECT_EQ(count(dom, "<svg class=\"pr-chart\""), 2u);
  EXPECT_TRUE(contains(dom, "<polyline class=\"curve\""));
  // The reliability diagrams: one per type and the pooled one, with their dots.
  EXPECT_EQ(count(dom, "<svg class=\"reliability\""), 3u);
  EXPECT_TRUE(contains(dom, "<svg class=\"reliability\" data-type=\"all\""));
  EXPECT_TRUE(contains(dom, "<circle class=\"bin\""));
  const std::string table = element(dom, "<table id=\"rule-stats\"", "</table>");
  EXPECT_TRUE(contains(table, "data-key=\"coverage\" aria-sort=\"descending\"")) << table;
  // The coverage column of the rows, top to bottom, never increases.
  const std::string body = element(table, "<tbody>", "</tbody>");
  std::vector<double> coverage;
  for (std::size_t row = body.find("<tr"); row != std::string::npos;
       row = body.find("<tr", row + 3)) {
    std::size_t cell = row;
    for (int column = 0; column < 4; ++column) cell = body.find("<td", cell + 3);
    const std::size_t value = body.find("data-value=\"", cell) + 12;
    coverage.push_back(std::stod(body.substr(value, body.find('"', value) - value)));
  }
  ASSERT_GE(coverage.size(), 2u);
  for (std::size_t i = 1; i < coverage.size(); ++i) EXPECT_GE(coverage[i - 1], coverage[i]);
}

// The layout report in a browser at a desktop's width and at a phone's:
// every check of kMeasureScript passes at both.
TEST(EvalReport, LaysOutInHeadlessChromiumAtDesktopAndPhoneWidths) {
  if (!fs::exists(kChromium)) {
    GTEST_SKIP() << kChromium << " is not installed (apt-get install chromium; .ci/setup does)";
  }
  const auto report = write_layout_report();
  ASSERT_EQ(report->result.exit_code, 0) << report->result.err;
  const std::map<int, std::string> measured =
      measure_layout(report->dir, report->page, {1400, 390});
  for (const auto& [width, lines] : measured) {
    for (const char* check : {"page-width", "tables", "pr-spread", "pr-ticks", "pr-note",
                              "reliability-labels", "false-positives-none", "weights"}) {
      const std::string passed = std::string("\n").append(check).append(" ok\n");
      EXPECT_TRUE(contains(lines, passed)) << width << " px: " << line_starting(lines, check);
    }
  }
}

// The agreement chart of the layout report: recall 0.875 to 1 and
// precision 0.8 to 1, each widened by 0.02 and then to steps of 0.05.
TEST(EvalReport, PrecisionRecallChartIsZoomedToItsPointsAndSaysSo) {
  const auto report = write_layout_report();
  ASSERT_EQ(report->result.exit_code, 0) << report->result.err;
  const std::string page = read_file(report->page);
  const std::string agreement =
      element(page, "<figure class=\"pr-figure\"><figcaption>agreement", "</figure>");
  for (const char* tick : {">0.85</text>", ">0.90</text>", ">0.95</text>", ">1.00</text>"})
    EXPECT_TRUE(
        contains(element(agreement, "<text class=\"tick x\"", "<text class=\"tick y\""), tick))
        << tick << agreement;
  EXPECT_EQ(count(agreement, "<text class=\"tick y\""), 6u) << agreement;  // 0.75 to 1.00
  EXPECT_EQ(count(agreement, "<line class=\"axis-break\""), 4u);
  EXPECT_TRUE(contains(agreement,
                       "<p class=\"axis-note\">Zoomed to the points, not 0–1: <span "
                       "class=\"range\">recall 0.85–1.00</span>, <span class=\"range\">precision "
                       "0.75–1.00</span>.</p>"))
      << agreement;
  // The basic fixture's charts are zoomed too, and say so: greeting's
  // points lie between recall 0.571 and 0.714 and precision 0.714 and 1
  // (axes 0.55-0.75 and 0.6-1.0), farewell's one point at 0.8 and 1.
  const TempDir dir;
  const std::string basic = read_file(write_report(dir));
  EXPECT_EQ(count(basic, "<p class=\"axis-note\">"), 2u);
}

TEST(EvalReport, EmptyErrorSectionsSayNone) {
  const TempDir dir;
  dir.write("rules/layout.rules", kLayoutRules);
  const fs::path page_path = dir.path() / "right.html";
  // Every sentence classified as its gold says: no false positive or negative.
  const RunResult r =
      run({"eval", "--rules", (dir.path() / "rules").string(), "--no-plugins", "--gold",
           dir.write("right.tsv",
                     "id\ttext\tlabels\n"
                     "a1\tOslo and Rome signed the treaty.\tagreement\n"
                     "d1\tQuito lodged a protest.\tdispute\n"
                     "n2\tThe weather was fine.\t\n"),
           "--report", page_path.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = read_file(page_path);
  EXPECT_TRUE(contains(page,
                       "<h2>False positives</h2>\n<p id=\"false-positives\" "
                       "class=\"none\">none</p>"))
      << page;
  EXPECT_TRUE(contains(page,
                       "<h2>False negatives</h2>\n<p id=\"false-negatives\" "
                       "class=\"none\">none</p>"))
      << page;
  EXPECT_FALSE(contains(page, "<ol id=\"false-"));
}

// Rules that declare a type and no rule: the rule table and the type's
// precision-recall chart (precision n/a at every threshold) say "none".
TEST(EvalReport, NoRuleAndNoPointSayNone) {
  const TempDir dir;
  dir.write("rules/types.rules", "event agreement\n  prior: 0.01\n  description: Agreeing.\n");
  const fs::path page_path = dir.path() / "none.html";
  const RunResult r =
      run({"eval", "--rules", (dir.path() / "rules").string(), "--no-plugins", "--gold",
           dir.write("g.tsv", "id\ttext\tlabels\nx1\tHello.\tagreement\n"), "--report",
           page_path.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = read_file(page_path);
  EXPECT_TRUE(contains(page, "<p id=\"rule-stats\" class=\"none\">none</p>")) << page;
  const std::string chart = element(page, "<svg class=\"pr-chart\"", "</figure>");
  EXPECT_TRUE(contains(chart, ">none</text>")) << chart;
  EXPECT_TRUE(contains(chart, "No point: precision or recall is n/a at every threshold.")) << chart;
}

// A miss on which no rule fired says so rather than list nothing.
TEST(EvalReport, MissWithoutEvidenceSaysNoRuleFired) {
  const TempDir dir;
  const std::string page = read_file(write_report(dir));
  // basic.tsv's g09 is a greeting no greeting rule matches (eval_test.cpp).
  const std::string fns = element(page, "<ol id=\"false-negatives\"", "</ol>");
  const std::string g09 = element(fns, "<b>g09</b>", "</li>\n");
  EXPECT_TRUE(contains(g09, "no rule or plugin gave evidence for any type")) << g09;
}

// `rules stats` never loads a weights file: its weight is the rule file's.
// The report scored with learned weights shows both, named; scored with the
// authored ones, the one column says so.
TEST(EvalReport, RuleTableNamesLearnedAndAuthoredWeightsAsRulesStatsDoes) {
  const auto report = write_layout_report();
  ASSERT_EQ(report->result.exit_code, 0) << report->result.err;
  const std::string page = read_file(report->page);
  const std::string table = element(page, "<table id=\"rule-stats\"", "</table>");
  EXPECT_TRUE(contains(table,
                       "<th data-key=\"weight\">learned weight</th>"
                       "<th data-key=\"authored-weight\">authored weight</th>"))
      << table;
  const std::string row = element(table, "<code>" + kSignedRule + "</code>", "</tr>");
  EXPECT_TRUE(contains(row, ">0.960</td><td class=\"num\" data-value=\"0.950000\">0.950</td>"))
      << row;

  const std::string rules = (report->dir.path() / "rules").string();
  const std::string gold = (report->dir.path() / "layout.tsv").string();
  const RunResult stats = run({"rules", "stats", "--rules", rules, "--gold", gold});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_TRUE(contains(line_starting(stats.out, kSignedRule), " 0.950 ")) << stats.out;

  const fs::path authored_page = report->dir.path() / "authored.html";
  const RunResult authored = run({"eval", "--rules", rules, "--no-plugins", "--gold", gold,
                                  "--authored-weights", "--report", authored_page.string()});
  ASSERT_EQ(authored.exit_code, 0) << authored.err;
  const std::string authored_table =
      element(read_file(authored_page), "<table id=\"rule-stats\"", "</table>");
  EXPECT_TRUE(contains(authored_table,
                       "<th data-key=\"weight\">authored weight</th>"
                       "<th data-key=\"coverage\">"))
      << authored_table;
  EXPECT_TRUE(contains(element(authored_table, "<code>" + kSignedRule + "</code>", "</tr>"),
                       ">0.950</td>"));
}

}  // namespace
}  // namespace demarche_cli_test
