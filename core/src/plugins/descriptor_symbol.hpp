// Finding a plugin's descriptor without trusting the library that exports it.
//
// DEMARCHE_PLUGIN exports `demarche_plugin_descriptor` as a pointer to the
// descriptor (BOOST_DLL_ALIAS). A library that exports something else under
// that name (a 1-byte object, a function, a null or wild pointer) would
// make the host read past the symbol or through the pointer into memory the
// library does not own, and crash or read garbage. So the symbol's ELF size
// and type are checked, and the descriptor must lie in a readable segment
// of the same library.
#pragma once

#include <cstddef>
#include <string>

#include "demarche/plugin.hpp"

namespace demarche::plugins {

struct DescriptorAt {
  const plugin::Descriptor* descriptor = nullptr;  // null: refused, see `reason`
  std::size_t readable = 0;  // bytes readable from `descriptor` within the library
  std::string reason;
};

// `handle`: the library as dlopen returned it.
DescriptorAt find_descriptor(void* handle);

}  // namespace demarche::plugins
