// output_file.hpp: writing a file the user named on the command line
// (`calibrate -o`, `eval --report`, the diagrams of `eval --plot`).
//
// A regular file, or a path where nothing stands yet, is replaced
// atomically: the content goes to a temporary file with a random name,
// created exclusively in the same folder, which is renamed over PATH once it
// is complete. A reader never sees half a file, a failed run leaves an
// earlier file alone, and no planted file or symlink can be written through.
// Anything else at PATH would be destroyed by a rename, so it is written
// straight to: a device (/dev/null), a FIFO, a symlink (its target gets the
// content, the link stays) or /dev/stdout. A folder is refused.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace demarche::cli {

// Writes what `write` produces to `path`. `command` and `what` name the
// command and the file in messages ("calibrate", "the weights file").
// Throws ExitError naming the path: status 2 when PATH cannot be opened or
// created (a folder, a missing folder, no permission), 1 when writing fails
// once it is open (a full disk, /dev/full), as for standard output.
void write_output_file(const std::string& command, const std::string& path, const std::string& what,
                       const std::function<void(std::ostream&)>& write);

}  // namespace demarche::cli
