// rule_paths.hpp: where the rules come from.
//
// In order: the --rules flags, else $DEMARCHE_RULES (paths joined by ':'),
// else the shipped rules at <folder of the binary>/../share/demarche/rules,
// which exists both in the build tree (a link to the source rules/) and after
// `cmake --install`. Resolving from the binary rather than the working folder
// means the tool behaves the same wherever it is run from.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace demarche::cli {

struct RulePaths {
  std::vector<std::string> paths;
  std::string origin;  // "--rules", "DEMARCHE_RULES" or "shipped rules", for messages
  // The first base_count paths are the rules themselves; the rest were added
  // to them with "+PATH" (`--rules +my.rules`), and do not change where the
  // default weights file is looked for.
  std::size_t base_count = 0;
};

// Throws ExitError (exit 2) when no source gives a usable path, saying which
// places were tried, or when a path given explicitly does not exist. A path
// written "+PATH" (in --rules or DEMARCHE_RULES) is added to the rules that
// would be used without it instead of replacing them: `--rules +mine.rules`
// is the shipped rules and mine.
RulePaths resolve_rule_paths(const std::vector<std::string>& flag_paths);

// <folder of /proc/self/exe>/../share/demarche/rules, normalised.
std::filesystem::path shipped_rules_path();

// "a:b::c" as {"a", "b", "c"}: empty items are dropped.
std::vector<std::string> split_path_list(std::string_view list);

// Throws ExitError (exit 2) naming the first of `paths` that does not exist,
// as "demarche: KIND path 'P' (from ORIGIN) does not exist": a path the user
// named that is not there is a mistake in the command.
void require_existing_paths(const std::vector<std::string>& paths, std::string_view kind,
                            std::string_view origin);

}  // namespace demarche::cli
