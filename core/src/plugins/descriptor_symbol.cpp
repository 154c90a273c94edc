#include "plugins/descriptor_symbol.hpp"

#include <dlfcn.h>
#include <elf.h>
#include <link.h>

#include <cstdint>

namespace demarche::plugins {

namespace {

// The loaded object (by its place in dl_iterate_phdr's order) and the
// readable segment that hold `address`.
struct Place {
  const void* address = nullptr;
  int object = -1;
  std::uintptr_t segment_end = 0;
  bool readable = false;
  int seen = 0;
};

int find_place(dl_phdr_info* info, std::size_t, void* data) {
  auto* place = static_cast<Place*>(data);
  const int object = place->seen++;
  const auto address = reinterpret_cast<std::uintptr_t>(place->address);
  for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& segment = info->dlpi_phdr[i];
    if (segment.p_type != PT_LOAD) continue;
    const std::uintptr_t begin = info->dlpi_addr + segment.p_vaddr;
    const std::uintptr_t end = begin + segment.p_memsz;
    if (address < begin || address >= end) continue;
    place->object = object;
    place->segment_end = end;
    place->readable = (segment.p_flags & PF_R) != 0;
    return 1;
  }
  return 0;
}

Place place_of(const void* address) {
  Place place;
  place.address = address;
  dl_iterate_phdr(&find_place, &place);
  return place;
}

}  // namespace

DescriptorAt find_descriptor(void* handle) {
  DescriptorAt at;
  const std::string symbol = std::string("the '") + plugin::kDescriptorSymbol + "' symbol";
  void* const address = ::dlsym(handle, plugin::kDescriptorSymbol);
  Dl_info info{};
  void* found = nullptr;
  if (address == nullptr || ::dladdr1(address, &info, &found, RTLD_DL_SYMENT) == 0 ||
      found == nullptr) {
    at.reason = symbol + " cannot be looked up in the library's symbol table";
    return at;
  }
  const auto* entry = static_cast<const ElfW(Sym)*>(found);
  if (ELF64_ST_TYPE(entry->st_info) != STT_OBJECT || entry->st_size != sizeof(void*)) {
    at.reason =
        symbol + " is " +
        (ELF64_ST_TYPE(entry->st_info) == STT_OBJECT ? "a data object" : "not a data object") +
        " of " + std::to_string(entry->st_size) + " bytes, not a pointer to a descriptor (" +
        std::to_string(sizeof(void*)) + " bytes, as DEMARCHE_PLUGIN exports it)";
    return at;
  }
  const Place symbol_place = place_of(address);
  const void* const target = *static_cast<const void* const*>(address);
  const Place target_place = place_of(target);
  if (symbol_place.object < 0 || target_place.object != symbol_place.object ||
      !target_place.readable) {
    at.reason = symbol + " points outside the library's readable memory";
    return at;
  }
  at.descriptor = static_cast<const plugin::Descriptor*>(target);
  at.readable = target_place.segment_end - reinterpret_cast<std::uintptr_t>(target);
  return at;
}

}  // namespace demarche::plugins
