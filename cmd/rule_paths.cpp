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

RulePaths resolve_rule_paths(const std::vector<std::string>& flag_paths) {
  if (!flag_paths.empty()) {
    require_existing_paths(flag_paths, "rules", "--rules");
    return {flag_paths, "--rules"};
  }
  if (const char* env = std::getenv("DEMARCHE_RULES"); env != nullptr && *env != '\0') {
    std::vector<std::string> paths = split_path_list(env);
    if (!paths.empty()) {
      require_existing_paths(paths, "rules", "DEMARCHE_RULES");
      return {std::move(paths), "DEMARCHE_RULES"};
    }
  }
  const fs::path shipped = shipped_rules_path();
  if (!shipped.empty() && holds_rule_files(shipped)) return {{shipped.string()}, "shipped rules"};
  throw ExitError(
      kExitUsage,
      "demarche: no rules found: pass --rules PATH, set DEMARCHE_RULES, or install "
      "the shipped rules (looked in " +
          (shipped.empty() ? std::string("<unknown binary folder>") : shipped.string()) + ")");
}

}  // namespace demarche::cli
