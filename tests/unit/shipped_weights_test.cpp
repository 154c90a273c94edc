// The shipped weights (rules/weights.tsv) are data too: they must have been
// fitted on exactly the shipped rules, or the command line would set them
// aside. Editing a rule without refitting fails here, with the command to
// run (docs/scoring.md, "Refitting the shipped weights").
#include <gtest/gtest.h>

#include <set>

#include "demarche/engine.hpp"
#include "demarche/weights.hpp"

namespace demarche {
namespace {

const std::string kRules = std::string(DEMARCHE_SOURCE_DIR) + "/rules";

TEST(ShippedWeights, WereFittedOnTheShippedRules) {
  const Loaded loaded = load_rules({kRules});
  ASSERT_TRUE(loaded.ok());
  const WeightsRead read = read_weights_file(kRules + "/weights.tsv");
  ASSERT_TRUE(read.ok()) << (read.diagnostics.empty() ? "" : read.diagnostics[0].to_string());
  EXPECT_EQ(read.weights->rules_hash, loaded.engine->rules_hash())
      << "rules/ changed since rules/weights.tsv was fitted; refit with\n"
         "  build/bin/demarche calibrate --gold ../shared/data/news/dev.tsv -o rules/weights.tsv";
}

TEST(ShippedWeights, NameEveryRuleAndTypeAndApplyWithoutWarnings) {
  const Loaded loaded = load_rules({kRules});
  ASSERT_TRUE(loaded.ok());
  const WeightsRead read = read_weights_file(kRules + "/weights.tsv");
  ASSERT_TRUE(read.ok());
  std::set<std::string> named;
  for (const auto& e : read.weights->entries) named.insert(e.name);
  for (const RuleInfo& rule : loaded.engine->rules()) EXPECT_TRUE(named.count(rule.id)) << rule.id;
  for (const EventTypeInfo& type : loaded.engine->event_types())
    EXPECT_TRUE(named.count(type.name)) << type.name;
  std::vector<Diagnostic> warnings;
  const Engine learned = loaded.engine->with_weights(*read.weights, &warnings);
  EXPECT_TRUE(warnings.empty()) << warnings[0].to_string();
  EXPECT_TRUE(learned.uses_learned_weights());
}

}  // namespace
}  // namespace demarche
