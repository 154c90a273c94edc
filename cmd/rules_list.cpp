// `demarche rules list`: the loaded rules, as a table or as JSON.
#include <algorithm>
#include <demarche/engine.hpp>
#include <iostream>

#include "exit_error.hpp"
#include "json_text.hpp"
#include "rule_loading.hpp"
#include "rules_options.hpp"
#include "text_format.hpp"

namespace demarche::cli {
namespace {

void write_json(std::ostream& out, const std::vector<RuleInfo>& rules) {
  Json list = Json::array();
  for (const RuleInfo& rule : rules) {
    list.push_back({{"id", rule.id},
                    {"type", rule.event_type},
                    {"weight", rule.weight},
                    {"group", rule.group},
                    {"description", rule.description},
                    {"cameo", rule.cameo},
                    {"plover", rule.plover},
                    {"references", rule.references},
                    {"file", rule.file},
                    {"line", rule.line},
                    {"examples", rule.examples.size()}});
  }
  out << to_json_text(list) << '\n';
}

// Columns padded to their widest entry; the description, last, is not.
void write_table(std::ostream& out, const std::vector<RuleInfo>& rules) {
  std::size_t id_width = 2;
  std::size_t type_width = 4;
  std::size_t place_width = 9;
  std::vector<std::string> places;
  for (const RuleInfo& rule : rules) {
    places.push_back(rule.file + ':' + std::to_string(rule.line));
    id_width = std::max(id_width, rule.id.size());
    type_width = std::max(type_width, rule.event_type.size());
    place_width = std::max(place_width, places.back().size());
  }
  const auto pad = [](const std::string& text, std::size_t width) {
    return text + std::string(width - std::min(width, text.size()) + 2, ' ');
  };
  out << pad("ID", id_width) << pad("TYPE", type_width) << "WEIGHT  "
      << pad("FILE:LINE", place_width) << "DESCRIPTION\n";
  for (std::size_t i = 0; i < rules.size(); ++i) {
    std::string description;
    append_one_line(description, rules[i].description);
    out << pad(rules[i].id, id_width) << pad(rules[i].event_type, type_width)
        << fixed(rules[i].weight, 3) << "   " << pad(places[i], place_width) << description << '\n';
  }
}

}  // namespace

int run_rules_list(const std::vector<std::string>& args, std::ostream& out) {
  RulesOptions options({"rules list", "demarche rules list [options]",
                        "Lists the loaded rules: id, event type, weight, file:line and\n"
                        "description."},
                       true);
  if (!options.parse(args, out)) return kExitOk;
  const std::shared_ptr<const Engine> engine =
      load_engine(options.rule_paths, options.set_memory_mib, std::cerr);
  if (options.json()) {
    write_json(out, engine->rules());
  } else {
    write_table(out, engine->rules());
  }
  return kExitOk;
}

}  // namespace demarche::cli
