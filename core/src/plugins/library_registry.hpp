// Every plugin library the process has opened, kept open until it exits.
//
// A plugin's code stays referenced after the plugin object is gone: vtables
// of objects it made, functions registered with the C++ runtime (static
// destructors run at exit), thread-local storage. Closing the library would
// leave those pointing at unmapped memory, so libraries are never closed, as
// LLVM, GStreamer and OBS do.
#pragma once

#include <boost/dll/shared_library.hpp>

namespace demarche::plugins {

// Moves `library` into the process-wide list, which is never destroyed.
void keep_open(boost::dll::shared_library library);

}  // namespace demarche::plugins
