// Reading a whole input file (a rule file, a gazetteer, a weights file) as
// untrusted input: only a regular file, and only up to a size, so that
// `import "/dev/zero"` or `--rules /dev/urandom` fails at once with a reason
// instead of growing without end, and a FIFO does not hang the load.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace demarche::text {

// Far above any real rule, gazetteer or weights file.
inline constexpr std::size_t kMaxInputFileBytes = std::size_t{64} << 20;

// The bytes of the regular file at `path`, or nullopt with `error` set to a
// reason fit to follow the path in a message ("is not a regular file (a
// FIFO)", "is larger than 64 MiB", "no such file").
std::optional<std::string> read_regular_file(const std::string& path, std::string* error,
                                             std::size_t max_bytes = kMaxInputFileBytes);

}  // namespace demarche::text
