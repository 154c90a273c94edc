#include "selection_options.hpp"

#include <fnmatch.h>

#include <algorithm>

#include "exit_error.hpp"

namespace demarche::cli {
namespace {

bool matches_glob(const std::string& pattern, const std::string& id) {
  return ::fnmatch(pattern.c_str(), id.c_str(), 0) == 0;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

void add_selection_options(po::options_description& options, SelectionOptions& selection) {
  options.add_options()("rule",
                        po::value<std::vector<std::string>>(&selection.rules)->value_name("ID"),
                        "run only the rules whose id matches ID, a shell glob such as "
                        "'condemnation.verb.*' (repeatable)")(
      "type", po::value<std::vector<std::string>>(&selection.types)->value_name("NAME"),
      "run only the rules of event type NAME (repeatable); with --rule, the rules that "
      "satisfy both");
}

Engine apply_selection(const Engine& engine, const SelectionOptions& selection,
                       const CommandSpec& spec) {
  if (!selection.any()) return engine;
  std::string known;
  for (const EventTypeInfo& type : engine.event_types()) {
    known += (known.empty() ? "" : ", ") + type.name;
  }
  for (const std::string& type : selection.types) {
    const bool declared = std::any_of(engine.event_types().begin(), engine.event_types().end(),
                                      [&](const EventTypeInfo& t) { return t.name == type; });
    if (!declared) {
      throw UsageError(spec.name, "demarche " + spec.name + ": --type '" + type +
                                      "' is no event type of these rules (they have " + known +
                                      ")");
    }
  }
  std::vector<std::string> ids;
  std::vector<bool> pattern_used(selection.rules.size(), false);
  for (const RuleInfo& rule : engine.rules()) {
    bool by_id = selection.rules.empty();
    for (std::size_t i = 0; i < selection.rules.size(); ++i) {
      if (matches_glob(selection.rules[i], rule.id)) {
        by_id = true;
        pattern_used[i] = true;
      }
    }
    const bool by_type = selection.types.empty() || contains(selection.types, rule.event_type);
    if (by_id && by_type) ids.push_back(rule.id);
  }
  for (std::size_t i = 0; i < selection.rules.size(); ++i) {
    if (!pattern_used[i]) {
      throw UsageError(spec.name, "demarche " + spec.name + ": --rule '" + selection.rules[i] +
                                      "' matches no rule (`demarche rules list` lists them)");
    }
  }
  if (ids.empty()) {
    throw UsageError(spec.name, "demarche " + spec.name +
                                    ": no rule is both of the --type and the --rule given");
  }
  return engine.with_selection(ids);
}

}  // namespace demarche::cli
