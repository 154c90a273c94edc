// Every kind of rule-file problem, as a rule file in and the exact report out
// (tests/fixtures/diagnostics/NAME.rules and NAME.expected). Set
// DEMARCHE_UPDATE_GOLDEN=1 to rewrite the .expected files after a deliberate
// change, then review the diff.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "demarche/engine.hpp"

namespace demarche {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::path(DEMARCHE_FIXTURES) / "diagnostics";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> golden_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kDir)) {
    if (entry.path().extension() == ".rules") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class DiagnosticsGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(DiagnosticsGolden, ReportMatchesExpected) {
  const std::string name = GetParam() + ".rules";
  const Loaded loaded = compile_rules({{name, read_file(kDir / name)}});
  std::string report;
  for (const Diagnostic& d : loaded.diagnostics) report += d.to_string() + "\n";

  const fs::path expected_path = kDir / (GetParam() + ".expected");
  if (const char* update = std::getenv("DEMARCHE_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(expected_path, std::ios::binary) << report;
  }
  ASSERT_TRUE(fs::exists(expected_path)) << "missing " << expected_path;
  EXPECT_EQ(report, read_file(expected_path));
  // A file named eNNN_* must fail to load and report that code.
  if (GetParam()[0] == 'e') {
    EXPECT_FALSE(loaded.ok());
    // Built in place: "E" + std::string trips GCC 12's -Wrestrict false positive at -O3.
    std::string code = GetParam().substr(1, 3);
    code.insert(0, 1, 'E');
    EXPECT_NE(report.find("error[" + code + "]"), std::string::npos) << report;
  } else {
    EXPECT_TRUE(loaded.ok());
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, DiagnosticsGolden, ::testing::ValuesIn(golden_names()),
                         [](const auto& info) { return info.param; });

// A diagnostic quotes a window of the offending line, never the whole of a
// huge one, and shows control bytes escaped (issue 14, item 4).
TEST(Diagnostics, QuoteAWindowOfALongLineWithControlBytesEscaped) {
  const std::string line =
      "  match: " + std::string(500000, 'a') + "(\x1b[31m" + std::string(500000, 'b') + "\n";
  const Loaded loaded = compile_rules(
      {{"long.rules", "event x\n  prior: 0.1\nrule x.y\n  type: x\n  weight: 0.9\n" + line}});
  ASSERT_FALSE(loaded.ok());
  const auto error = std::find_if(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                                  [](const Diagnostic& d) { return d.is_error(); });
  ASSERT_NE(error, loaded.diagnostics.end());
  const std::string report = error->to_string();
  EXPECT_LT(report.size(), 2000u) << report.substr(0, 300);
  EXPECT_EQ(report.find('\x1b'), std::string::npos);
  EXPECT_NE(report.find("long.rules:6:"), std::string::npos) << report.substr(0, 300);
  // The caret still points under the quoted column.
  const std::size_t quoted = report.find("\n  ");
  const std::size_t caret = report.find("\n  ", quoted + 1);
  ASSERT_NE(caret, std::string::npos);
  EXPECT_EQ(report.back(), '^');
}

}  // namespace
}  // namespace demarche
