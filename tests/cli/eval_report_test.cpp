// `demarche eval --report FILE.html`: a self-contained page with the
// per-type table, a precision-recall chart per type, the sortable rule
// statistics and the error lists; and that it renders in a real browser
// (Debian's headless Chromium, which .ci/setup installs).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "eval_support.hpp"

namespace demarche_cli_test {
namespace {

const char* kChromium = "/usr/bin/chromium";

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

}  // namespace
}  // namespace demarche_cli_test
