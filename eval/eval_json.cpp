#include "eval_json.hpp"

#include "json_spans.hpp"
#include "result_text.hpp"
#include "text_format.hpp"

namespace demarche::cli {
namespace {

Json number_or_null(const std::optional<double>& value) {
  return value ? Json(round_score(*value)) : Json(nullptr);
}

// Adds `spans` and the words under them to `object`, as `PREFIXspans` and
// `PREFIXmatched`.
void add_spans(Json& object, std::string_view text, const std::vector<Span>& spans,
               const std::string& prefix = {}) {
  object[prefix + "spans"] = spans_json(spans);
  object[prefix + "matched"] = matched_json(text, spans);
}

Json scores_json(const Scores& scores) {
  return {{"precision", number_or_null(scores.precision)},
          {"recall", number_or_null(scores.recall)},
          {"f1", number_or_null(scores.f1)}};
}

Json type_score_json(const TypeScore& score, bool with_errors) {
  Json object = {
      {"type", score.type},    {"gold", score.counts.gold}, {"predicted", score.counts.predicted},
      {"tp", score.counts.tp}, {"fp", score.counts.fp()},   {"fn", score.counts.fn()}};
  object.update(scores_json(score.scores));
  if (with_errors) {
    object["false_positives"] = score.false_positives;
    object["false_negatives"] = score.false_negatives;
  }
  return object;
}

Json summary_json(const Summary& summary, bool with_errors) {
  Json per_type = Json::array();
  for (const TypeScore& score : summary.per_type)
    per_type.push_back(type_score_json(score, with_errors));
  Json macro = scores_json(summary.macro.scores);
  macro["types"] = summary.macro.types;
  return {{"threshold", round_score(summary.threshold)},
          {"per_type", std::move(per_type)},
          {"micro", type_score_json(summary.micro, false)},
          {"macro", std::move(macro)}};
}

Json event_json(std::string_view text, const Event& event, double threshold) {
  Json evidence = Json::array();
  for (const Evidence& e : event.evidence) {
    Json object = {{"rule", e.rule_id}, {"weight", round_score(e.weight)}, {"counted", e.counted}};
    add_spans(object, text, e.spans);
    if (!e.note.empty()) object["note"] = e.note;
    if (!e.plugin_note.empty()) object["plugin_note"] = e.plugin_note;
    evidence.push_back(std::move(object));
  }
  Json attributes = Json::object();
  // Of two plugins giving one key, the later wins, as in classify's output.
  for (const Attribute& attribute : event.attributes) attributes[attribute.key] = attribute.value;
  return {{"type", event.type},
          {"confidence", round_score(event.confidence)},
          {"reported", clears_threshold(event.confidence, threshold)},
          {"evidence", std::move(evidence)},
          {"attributes", std::move(attributes)}};
}

const char* kind_name(NearMiss::Kind kind) {
  switch (kind) {
    case NearMiss::Kind::kCancelled:
      return "cancelled";
    case NearMiss::Kind::kTooFarApart:
      return "too_far_apart";
    case NearMiss::Kind::kPiecesMissing:
      break;
  }
  return "pieces_missing";
}

Json near_miss_json(std::string_view text, const NearMiss& miss) {
  Json pieces = Json::array();
  for (const NearMissPiece& piece : miss.pieces) {
    Json object = {{"source", piece.source}};
    add_spans(object, text, piece.found);
    pieces.push_back(std::move(object));
  }
  return {{"rule", miss.rule_id},
          {"kind", kind_name(miss.kind)},
          {"closeness", round_score(miss.closeness)},
          {"pattern", miss.pattern},
          {"file", miss.file},
          {"line", miss.line},
          {"reason", miss.reason},
          {"pieces", std::move(pieces)}};
}

Json sentence_json(std::size_t index, const SentenceOutcome& s, double threshold) {
  const std::string& text = s.result.text;
  Json events = Json::array();
  for (const Event& event : s.result.events) events.push_back(event_json(text, event, threshold));
  Json cancelled = Json::array();
  for (const Cancellation& c : s.result.cancelled) {
    Json object = {{"rule", c.rule_id}, {"type", c.event_type}};
    add_spans(object, text, c.spans);
    add_spans(object, text, c.unless_spans, "unless_");
    if (!c.missing_role.empty()) object["missing_role"] = c.missing_role;
    cancelled.push_back(std::move(object));
  }
  Json near_misses = Json::array();
  for (const auto& [type, misses] : s.near_misses) {
    Json rules = Json::array();
    for (const NearMiss& miss : misses) rules.push_back(near_miss_json(text, miss));
    near_misses.push_back({{"type", type}, {"rules", std::move(rules)}});
  }
  Json object = {{"index", index},
                 {"id", s.gold.id.empty() ? Json(nullptr) : Json(s.gold.id)},
                 {"file", s.gold.file},
                 {"line", s.gold.line},
                 {"text", s.gold.text},
                 {"labels", s.gold.labels},
                 {"gold", s.gold_types},
                 {"predicted", s.predicted},
                 {"false_positives", s.false_positives},
                 {"false_negatives", s.false_negatives},
                 {"events", std::move(events)},
                 {"cancelled", std::move(cancelled)},
                 {"near_misses", std::move(near_misses)}};
  if (!s.result.ok()) object["error"] = s.result.error;
  if (!s.result.plugin_faults.empty()) {
    Json faults = Json::array();
    for (const PluginFault& fault : s.result.plugin_faults)
      faults.push_back({{"plugin", fault.plugin}, {"message", fault.message}});
    object["plugin_faults"] = std::move(faults);
  }
  return object;
}

Json calibration_json(const Calibration& c) {
  Json bins = Json::array();
  for (const ReliabilityBin& bin : c.bins) {
    bins.push_back({{"low", round_score(bin.low)},
                    {"high", round_score(bin.high)},
                    {"count", bin.count},
                    {"positives", bin.positives},
                    {"mean_confidence", number_or_null(bin.mean_confidence)},
                    {"observed", number_or_null(bin.observed)}});
  }
  return {{"type", c.type},
          {"samples", c.samples},
          {"ece", number_or_null(c.ece)},
          {"brier", number_or_null(c.brier)},
          {"bins", std::move(bins)}};
}

Json rule_counts_json(const std::vector<RuleCount>& counts) {
  Json list = Json::array();
  for (const RuleCount& c : counts)
    list.push_back({{"rule", c.rule_id}, {"sentences", c.sentences}});
  return list;
}

}  // namespace

Json gold_overview_json(const Evaluation& eval) {
  Json unknown = Json::array();
  for (const Evaluation::UnknownLabel& label : eval.unknown_labels) {
    unknown.push_back(
        {{"label", label.label}, {"first", label.first_place}, {"sentences", label.sentences}});
  }
  return {{"files", eval.files},     {"sentence_count", eval.sentences.size()},
          {"types", eval.types},     {"rule_count", eval.rule_count},
          {"plugins", eval.plugins}, {"unknown_labels", std::move(unknown)}};
}

Json rule_stats_json(const std::vector<RuleStats>& rules) {
  Json list = Json::array();
  for (const RuleStats& r : rules) {
    Json interval = nullptr;
    if (r.interval) {
      interval = Json::array({round_score(r.interval->low), round_score(r.interval->high)});
    }
    list.push_back({{"rule", r.rule_id},
                    {"type", r.type},
                    {"weight", round_score(r.weight)},
                    {"coverage", r.coverage},
                    {"hits", r.hits},
                    {"precision", number_or_null(r.precision)},
                    {"interval", std::move(interval)},
                    {"type_gold", r.type_gold},
                    {"recall", number_or_null(r.recall)},
                    {"unique", r.unique},
                    {"unique_recall", number_or_null(r.unique_recall)},
                    {"cancelled", r.cancelled},
                    {"cancelled_positive", r.cancelled_positive},
                    {"overlaps", rule_counts_json(r.overlaps)},
                    {"conflicts", rule_counts_json(r.conflicts)},
                    {"flagged", r.flagged}});
  }
  return list;
}

Json evaluation_json(const Evaluation& eval) {
  Json doc = gold_overview_json(eval);
  doc["threshold"] = round_score(eval.threshold);
  doc["scoring"] = eval.scoring_model;
  doc["unclassified"] = eval.unclassified;
  doc["empty_gold"] = {{"sentences", eval.empty_gold}, {"predicted", eval.empty_gold_predicted}};
  doc["summary"] = summary_json(eval.summary, true);
  Json sweep = Json::array();
  for (const Summary& summary : eval.sweep) sweep.push_back(summary_json(summary, false));
  doc["sweep"] = std::move(sweep);
  Json sentences = Json::array();
  for (std::size_t i = 0; i < eval.sentences.size(); ++i)
    sentences.push_back(sentence_json(i, eval.sentences[i], eval.threshold));
  doc["sentences"] = std::move(sentences);
  doc["rules"] = rule_stats_json(eval.rules);
  Json per_type = Json::array();
  for (const Calibration& c : eval.calibration_per_type) per_type.push_back(calibration_json(c));
  doc["calibration"] = {{"per_type", std::move(per_type)},
                        {"pooled", calibration_json(eval.calibration_pooled)}};
  return doc;
}

}  // namespace demarche::cli
