#include "plugins/permissions.hpp"

#include <system_error>

namespace demarche::plugins {
namespace {

namespace fs = std::filesystem;

bool writable_by_others(fs::perms p) {
  return (p & (fs::perms::group_write | fs::perms::others_write)) != fs::perms::none;
}

}  // namespace

namespace {

// The file at `file` (not following a last symbolic link) and its folder.
std::string unsafe_here(const fs::path& file, bool follow) {
  std::error_code ec;
  const fs::file_status status = follow ? fs::status(file, ec) : fs::symlink_status(file, ec);
  if (ec) return "cannot check its permissions: " + ec.message();
  if (status.type() != fs::file_type::symlink && writable_by_others(status.permissions())) {
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

}  // namespace

std::string unsafe_permissions(const fs::path& file) {
  // The name as given (a link in a safe folder cannot be swapped), and the
  // file it leads to, with that file's own folder: a link in a safe folder
  // to a plugin in a world-writable one is as unsafe as the plugin itself.
  if (std::string unsafe = unsafe_here(file, false); !unsafe.empty()) return unsafe;
  std::error_code ec;
  const fs::path real = fs::canonical(file, ec);
  if (ec) return "cannot resolve it: " + ec.message();
  if (real == fs::absolute(file, ec).lexically_normal()) return {};
  if (std::string unsafe = unsafe_here(real, true); !unsafe.empty()) {
    return "it leads to '" + real.string() + "', which is " +
           (unsafe.rfind("its folder", 0) == 0 ? "in a folder writable by group or others"
                                               : "writable by group or others") +
           "; fix with: chmod go-w on it, or load it from where it is";
  }
  return {};
}

}  // namespace demarche::plugins
