#include "rule_paths.hpp"

#include <cstdlib>
#include <string_view>
#include <system_error>

#include "exit_error.hpp"

namespace demarche::cli {
namespace {

namespace fs = std::filesystem;

}  // namespace

std::vector<std::string> split_path_list(std::string_view list) {
  std::vector<std::string> paths;
  while (!list.empty()) {
    const std::size_t colon = list.find(':');
    const std::string_view item = list.substr(0, colon);
    if (!item.empty()) paths.emplace_back(item);  // "a::b" and a trailing ':' are harmless
    if (colon == std::string_view::npos) break;
    list.remove_prefix(colon + 1);
  }
  return paths;
}

namespace {

// An empty shipped folder counts as no rules: classifying with zero rules
// would quietly report nothing, which is worse than saying so.
bool holds_rule_files(const fs::path& folder) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".rules") return true;
  }
  return false;
}

}  // namespace

void require_existing_paths(const std::vector<std::string>& paths, std::string_view kind,
                            std::string_view origin) {
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      throw ExitError(kExitUsage, "demarche: " + std::string(kind) + " path '" + path + "' (from " +
                                      std::string(origin) + ") does not exist");
    }
  }
}

fs::path shipped_rules_path() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return (exe.parent_path() / ".." / "share" / "demarche" / "rules").lexically_normal();
}

namespace {

// "+PATH" adds PATH to the rules that would be used without it; any other
// item replaces them.
void split_extras(const std::vector<std::string>& items, std::vector<std::string>& base,
                  std::vector<std::string>& extras) {
  for (const std::string& item : items) {
    if (item.size() > 1 && item.front() == '+') {
      extras.push_back(item.substr(1));
    } else {
      base.push_back(item);
    }
  }
}

RulePaths with_extras(RulePaths base, const std::vector<std::string>& extras,
                      const std::string& origin) {
  require_existing_paths(extras, "rules", origin);
  base.base_count = base.paths.size();
  base.paths.insert(base.paths.end(), extras.begin(), extras.end());
  return base;
}

}  // namespace

RulePaths resolve_rule_paths(const std::vector<std::string>& flag_paths) {
  std::vector<std::string> flag_base;
  std::vector<std::string> flag_extras;
  split_extras(flag_paths, flag_base, flag_extras);
  if (!flag_base.empty()) {
    require_existing_paths(flag_base, "rules", "--rules");
    return with_extras({flag_base, "--rules"}, flag_extras, "--rules +");
  }
  if (const char* env = std::getenv("DEMARCHE_RULES"); env != nullptr && *env != '\0') {
    std::vector<std::string> env_base;
    std::vector<std::string> env_extras;
    split_extras(split_path_list(env), env_base, env_extras);
    env_extras.insert(env_extras.end(), flag_extras.begin(), flag_extras.end());
    if (!env_base.empty()) {
      require_existing_paths(env_base, "rules", "DEMARCHE_RULES");
      return with_extras({std::move(env_base), "DEMARCHE_RULES"}, env_extras, "DEMARCHE_RULES +");
    }
    flag_extras = std::move(env_extras);
  }
  const fs::path shipped = shipped_rules_path();
  if (!shipped.empty() && holds_rule_files(shipped)) {
    return with_extras({{shipped.string()}, "shipped rules"}, flag_extras, "--rules +");
  }
  throw ExitError(
      kExitUsage,
      "demarche: no rules found: pass --rules PATH, set DEMARCHE_RULES, or install "
      "the shipped rules (looked in " +
          (shipped.empty() ? std::string("<unknown binary folder>") : shipped.string()) + ")");
}

}  // namespace demarche::cli
