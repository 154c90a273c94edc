#include "weights_options.hpp"

#include <demarche/weights.hpp>
#include <filesystem>

#include "exit_error.hpp"
#include "rule_loading.hpp"
#include "rule_paths.hpp"
#include "weights_by_type.hpp"

namespace demarche::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultFileName = "weights.tsv";

LearnedWeights read_or_throw(const std::string& path, std::ostream& err) {
  WeightsRead read = read_weights_file(path);
  for (const Diagnostic& d : read.diagnostics) print_diagnostic(err, d);
  if (!read.ok()) throw ExitError(kExitUsage, "");
  return std::move(*read.weights);
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// weights.tsv in the one rules folder, or "" when there is none.
std::string default_weights_file(const std::vector<std::string>& rule_flag_paths) {
  const RulePaths rules = resolve_rule_paths(rule_flag_paths);
  if (rules.base_count != 1) return {};
  std::error_code ec;
  if (!fs::is_directory(rules.paths.front(), ec)) return {};
  const fs::path file = fs::path(rules.paths.front()) / kDefaultFileName;
  return fs::is_regular_file(file, ec) ? file.string() : std::string();
}

}  // namespace

void add_weights_options(po::options_description& options, WeightsOptions& weights) {
  options.add_options()("weights", po::value<std::string>(&weights.file)->value_name("FILE"),
                        "score with learned weights from FILE (made by `demarche calibrate`); "
                        "default: weights.tsv in the rules folder when it was fitted on these "
                        "rules")(
      "authored-weights", po::bool_switch(&weights.authored),
      "score with the rules' own prior: and weight: values, ignoring any weights file");
}

void check_weights_options(const CommandSpec& spec, const WeightsOptions& weights) {
  if (weights.authored && !weights.file.empty())
    throw UsageError(spec.name, "--weights and --authored-weights exclude each other");
}

WeightedEngine apply_weights_options(const Engine& engine, const WeightsOptions& weights,
                                     const std::vector<std::string>& rule_flag_paths,
                                     std::ostream& err) {
  if (weights.authored) return {engine.with_authored_weights(), "authored weights"};
  if (!weights.file.empty()) {
    std::vector<Diagnostic> warnings;
    Engine learned = engine.with_weights(read_or_throw(weights.file, err), &warnings);
    for (const Diagnostic& d : warnings) print_diagnostic(err, d);
    return {std::move(learned), "learned weights (" + weights.file + ")"};
  }
  const std::string file = default_weights_file(rule_flag_paths);
  if (file.empty()) return {engine, "authored weights"};
  const LearnedWeights learned = read_or_throw(file, err);
  if (engine.has_rules_hash(learned.rules_hash)) {
    return {engine.with_weights(learned), "learned weights (" + file + ")"};
  }
  const WeightsByType by_type = weights_by_type(engine, learned);
  if (by_type.learned.empty()) {
    err << "demarche: note: " << file
        << " was fitted on other rules; scoring with the authored weights (refit it with "
           "`demarche calibrate`, or name it with --weights to use it anyway)\n";
    return {engine, "authored weights"};
  }
  err << "demarche: note: " << file << " was fitted on other rules: learned weights for "
      << join(by_type.learned) << " (their rules are unchanged)";
  if (!by_type.changed.empty()) {
    err << "; authored weights for " << join(by_type.changed) << " (their rules changed)";
  }
  if (!by_type.unfitted.empty()) {
    err << "; authored weights for " << join(by_type.unfitted) << " (not fitted)";
  }
  err << ". Refit with `demarche calibrate` to learn them all.\n";
  return {engine.with_weights(by_type.kept), "learned weights for " + join(by_type.learned) + " (" +
                                                 file + "), authored for the rest"};
}

}  // namespace demarche::cli
