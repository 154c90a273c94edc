// Rule text held in memory (compile_rules) imports the shipped rules as
// "demarche:NAME" from LoadOptions::library_path, as a file on disk does: the
// Python module's `demarche.load(text=...)` relies on it.
#include <gtest/gtest.h>

#include "demarche/engine.hpp"

namespace demarche {
namespace {

const char* const kRules =
    "import \"demarche:common.rules\"\n"
    "event protest\n"
    "  prior: 0.05\n"
    "rule protest.lodged\n"
    "  type: protest\n"
    "  weight: 0.9\n"
    "  match: {STATE} ~3 lodged ~3 protest\n"
    "  source: state\n";

TEST(MemoryLibraryImport, TextImportsTheShippedDefinitionsAndGazetteer) {
  LoadOptions options;
  options.library_path = DEMARCHE_SOURCE_DIR "/rules";
  options.lint = false;  // warnings are not what is tested
  const Loaded loaded = compile_rules({{"mine.rules", kRules}}, options);
  for (const Diagnostic& d : loaded.diagnostics) ADD_FAILURE() << d.to_string();
  ASSERT_TRUE(loaded.ok());
  // {STATE} from common.rules, and `source: state` from its gazetteer actors.tsv.
  const SentenceResult r = loaded.engine->classify_sentence("Peru lodged a formal protest.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].type, "protest");
}

TEST(MemoryLibraryImport, WithoutALibraryTheImportIsE013) {
  const Loaded loaded = compile_rules({{"mine.rules", kRules}});
  ASSERT_FALSE(loaded.ok());
  ASSERT_FALSE(loaded.diagnostics.empty());
  EXPECT_EQ(loaded.diagnostics.front().code, "E013");
}

TEST(MemoryLibraryImport, ASourceInMemoryIsReadBeforeTheLibrary) {
  LoadOptions options;
  options.library_path = DEMARCHE_SOURCE_DIR "/rules";
  options.lint = false;  // warnings are not what is tested
  const Loaded loaded =
      compile_rules({{"mine.rules",
                      "import \"common.rules\"\nevent x\n  prior: 0.1\nrule x.y\n  type: x\n"
                      "  weight: 0.9\n  match: {MINE}\n"},
                     {"common.rules", "define MINE = zebra\n"}},
                    options);
  for (const Diagnostic& d : loaded.diagnostics) ADD_FAILURE() << d.to_string();
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.engine->classify_sentence("a zebra").events.size(), 1u);
}

}  // namespace
}  // namespace demarche
