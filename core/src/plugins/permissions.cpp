#include "plugins/permissions.hpp"

#include <system_error>

namespace demarche::plugins {
namespace {

namespace fs = std::filesystem;

bool writable_by_others(fs::perms p) {
  return (p & (fs::perms::group_write | fs::perms::others_write)) != fs::perms::none;
}

}  // namespace

std::string unsafe_permissions(const fs::path& file) {
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (ec) return "cannot check its permissions: " + ec.message();
  if (writable_by_others(status.permissions())) {
    return "writable by group or others; fix with: chmod go-w '" + file.string() + "'";
  }
  const fs::path folder = fs::absolute(file, ec).parent_path();
  const fs::file_status folder_status = fs::status(folder, ec);
  if (ec) return "cannot check the permissions of its folder: " + ec.message();
  if (writable_by_others(folder_status.permissions())) {
    return "its folder is writable by group or others; fix with: chmod go-w '" + folder.string() +
           "'";
  }
  return {};
}

}  // namespace demarche::plugins
