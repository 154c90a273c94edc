#include "plugins/library_registry.hpp"

#include <mutex>
#include <vector>

namespace demarche::plugins {

void keep_open(boost::dll::shared_library library) {
  static std::mutex mutex;
  // Deliberately never destroyed: its destructor would close the libraries
  // while static destructors in them may still have to run.
  static auto* const libraries = new std::vector<boost::dll::shared_library>();
  const std::lock_guard<std::mutex> lock(mutex);
  libraries->push_back(std::move(library));
}

}  // namespace demarche::plugins
