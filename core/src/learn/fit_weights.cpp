// fit_weights: from labelled sentences to learned priors and rule weights.
//
// Per event type, the model keeps the shape of the authored one
// (docs/scoring.md): with b the type's log-odds when nothing fired, s_j the
// log-odds of rule j when it fires alone, and for each piece of evidence a
// plugin p states with weight w, g_p * logit(w) its log-odds alone,
//
//   log-odds = b + sum over fired rules j of (s_j - b) + sum over plugin evidence (g_p logit(w) -
//   b)
//            = b * (1 - pieces of evidence) + sum s_j + sum g_p * logit(w),
//
// which is linear in (b, s, g): a logistic regression whose design column
// for b is (1 - pieces of evidence). So the learned numbers are again a
// prior, one precision per rule and a factor per plugin (1: as stated), and
// the engine scores them as it scores authored ones, except that every
// piece of evidence counts.
#include <cmath>
#include <limits>
#include <map>

#include "demarche/engine.hpp"
#include "demarche/weights.hpp"
#include "learn/logistic.hpp"
#include "score/scorer.hpp"

namespace demarche {

namespace {

using score::logit;
using score::max_log_odds;
using score::sigmoid;

constexpr std::string_view kPluginPrefix = "plugin:";

// What one sentence shows about one type.
struct Observation {
  std::vector<std::size_t> rules;  // indices into Engine::rules(), fired
  // Per plugin: the sum of logit(weight) over the evidence it gave.
  std::map<std::string, double> plugin_logits;
  std::size_t plugin_pieces = 0;  // pieces of plugin evidence, all plugins
  bool positive = false;
};

struct TypeData {
  std::vector<Observation> observations;
  std::vector<std::size_t> rule_support;  // per rule of the engine
  std::map<std::string, std::size_t> plugin_support;
};

std::vector<TypeData> observe(const Engine& engine,
                              const std::vector<LabelledSentence>& sentences) {
  const auto& types = engine.event_types();
  const auto& rules = engine.rules();
  std::map<std::string, std::size_t> rule_index;
  for (std::size_t r = 0; r < rules.size(); ++r) rule_index.emplace(rules[r].id, r);
  std::vector<TypeData> data(types.size());
  for (TypeData& d : data) d.rule_support.assign(rules.size(), 0);
  for (const LabelledSentence& sentence : sentences) {
    const SentenceResult result = engine.classify_sentence(sentence.text);
    if (!result.ok()) continue;  // nothing is known of it, so it teaches nothing
    for (std::size_t t = 0; t < types.size(); ++t) {
      Observation o;
      for (const std::string& label : sentence.labels) o.positive |= label == types[t].name;
      for (const Event& event : result.events) {
        if (event.type != types[t].name) continue;
        for (const Evidence& e : event.evidence) {
          if (e.rule_id.starts_with(kPluginPrefix)) {
            o.plugin_logits[e.rule_id.substr(kPluginPrefix.size())] += logit(e.weight);
            ++o.plugin_pieces;
          } else if (auto it = rule_index.find(e.rule_id); it != rule_index.end()) {
            o.rules.push_back(it->second);
          }
        }
      }
      for (std::size_t r : o.rules) ++data[t].rule_support[r];
      for (const auto& [plugin, logits] : o.plugin_logits) ++data[t].plugin_support[plugin];
      data[t].observations.push_back(std::move(o));
    }
  }
  return data;
}

// Fits one type; appends its entries. False when the optimiser did not
// converge, in which case the entries carry the authored numbers.
bool fit_type(const Engine& engine, std::size_t type, const TypeData& data,
              const FitOptions& options, LearnedWeights& out) {
  const EventTypeInfo& info = engine.event_types()[type];
  const auto& rules = engine.rules();
  // Coefficient 0 is b; then the rules, then the plugins, with enough support.
  std::map<std::size_t, Eigen::Index> rule_column;
  std::map<std::string, Eigen::Index> plugin_column;
  Eigen::Index columns = 1;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (rules[r].event_type == info.name && data.rule_support[r] >= options.min_support &&
        data.rule_support[r] > 0) {
      rule_column.emplace(r, columns++);
    }
  }
  for (const auto& [plugin, support] : data.plugin_support) {
    if (support >= options.min_support && support > 0) plugin_column.emplace(plugin, columns++);
  }

  const auto samples = static_cast<Eigen::Index>(data.observations.size());
  learn::LogisticProblem problem;
  problem.design = Eigen::MatrixXd::Zero(samples, columns);
  problem.offset = Eigen::VectorXd::Zero(samples);
  problem.labels = Eigen::VectorXd::Zero(samples);
  problem.prior_mean = Eigen::VectorXd::Ones(columns);  // a plugin's factor: 1
  problem.prior_precision = Eigen::VectorXd::Constant(columns, options.l2);
  // A learned prior or rule weight stays within the confidences the scorer
  // can give (docs/scoring.md, "Bounds"): a rule never seen wrong in a few
  // hundred sentences is not thereby certain, and a learned 0.9999 would
  // only be cut back at scoring time. A plugin's factor is not a
  // confidence, and stays free.
  constexpr double kFree = std::numeric_limits<double>::infinity();
  problem.lower = Eigen::VectorXd::Constant(columns, -kFree);
  problem.upper = Eigen::VectorXd::Constant(columns, kFree);
  problem.lower.head(1 + static_cast<Eigen::Index>(rule_column.size()))
      .setConstant(-max_log_odds());
  problem.upper.head(1 + static_cast<Eigen::Index>(rule_column.size())).setConstant(max_log_odds());
  problem.prior_mean[0] = logit(info.authored_prior);
  for (const auto& [r, column] : rule_column)
    problem.prior_mean[column] = logit(rules[r].authored_weight);
  for (Eigen::Index i = 0; i < samples; ++i) {
    const Observation& o = data.observations[static_cast<std::size_t>(i)];
    problem.labels[i] = o.positive ? 1.0 : 0.0;
    problem.design(i, 0) = 1.0 - static_cast<double>(o.rules.size() + o.plugin_pieces);
    for (std::size_t r : o.rules) {
      if (auto it = rule_column.find(r); it != rule_column.end()) {
        problem.design(i, it->second) = 1.0;
      } else {
        problem.offset[i] += logit(rules[r].authored_weight);  // too little support: as authored
      }
    }
    for (const auto& [plugin, logits] : o.plugin_logits) {
      if (auto it = plugin_column.find(plugin); it != plugin_column.end()) {
        problem.design(i, it->second) = logits;
      } else {
        problem.offset[i] += logits;  // too little support: as stated
      }
    }
  }
  const learn::LogisticFit fit = learn::fit_logistic(problem);
  const bool use = fit.converged;
  const Eigen::VectorXd& theta = use ? fit.coefficients : problem.prior_mean;

  out.entries.push_back({LearnedWeights::Kind::kPrior, info.name, sigmoid(theta[0]),
                         info.authored_prior, data.observations.size(), use, 0});
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (rules[r].event_type != info.name) continue;
    const auto it = rule_column.find(r);
    const bool fitted = use && it != rule_column.end();
    out.entries.push_back({LearnedWeights::Kind::kRule, rules[r].id,
                           fitted ? sigmoid(theta[it->second]) : rules[r].authored_weight,
                           rules[r].authored_weight, data.rule_support[r], fitted, 0});
  }
  for (const auto& [plugin, support] : data.plugin_support) {
    const auto it = plugin_column.find(plugin);
    const bool fitted = use && it != plugin_column.end();
    out.entries.push_back({LearnedWeights::Kind::kPlugin, plugin + "/" + info.name,
                           fitted ? theta[it->second] : 1.0, 1.0, support, fitted, 0});
  }
  return use;
}

}  // namespace

FitResult fit_weights(const Engine& engine, const std::vector<LabelledSentence>& sentences,
                      const FitOptions& options, std::string fitted_on) {
  const Engine authored = engine.with_authored_weights();
  FitResult result;
  result.weights.rules_hash = authored.rules_hash();
  for (const EventTypeInfo& type : authored.event_types()) {
    result.weights.type_hashes[type.name] = authored.rules_hash(type.name);
  }
  result.weights.fitted_on = std::move(fitted_on);
  result.weights.l2 = options.l2;
  result.weights.min_support = options.min_support;
  const std::vector<TypeData> data = observe(authored, sentences);
  for (std::size_t t = 0; t < data.size(); ++t) {
    if (!fit_type(authored, t, data[t], options, result.weights))
      result.not_converged.push_back(authored.event_types()[t].name);
  }
  return result;
}

}  // namespace demarche
