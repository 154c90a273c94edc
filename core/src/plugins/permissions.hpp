// Who may write a plugin file: a plugin runs with the user's rights, so a
// file or folder that others can write to is as unsafe as a world-writable
// ssh key, and refused the same way.
#pragma once

#include <filesystem>
#include <string>

namespace demarche::plugins {

// Empty when neither `file` nor the folder that holds it is writable by group
// or others; else the reason, with the command that fixes it. The folder's
// parents are not checked (as ssh checks only the key and its folder).
// Through a symbolic link, the file it leads to and that file's folder are
// checked too.
std::string unsafe_permissions(const std::filesystem::path& file);

}  // namespace demarche::plugins
