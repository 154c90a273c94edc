// Every kind of rule-file problem, as a rule file in and the exact report out
// (tests/fixtures/diagnostics/NAME.rules and NAME.expected). Set
// DEMARCHE_UPDATE_GOLDEN=1 to rewrite the .expected files after a deliberate
// change, then review the diff.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace demarche
