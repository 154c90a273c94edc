// demarche/version.hpp: the library's version.
#pragma once

namespace demarche {

inline constexpr const char* kVersion = "0.1.0";

}  // namespace demarche
