#include "eval_files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "exit_error.hpp"
#include "reliability_svg.hpp"

namespace demarche::cli {

void write_whole_file(const std::string& path, const std::string& what,
                      const std::function<void(std::ostream&)>& write) {
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (out) write(out);
    if (!out || !out.flush()) {
      const int error = errno;
      std::remove(partial.c_str());
      throw ExitError(kExitUsage, "demarche eval: cannot write " + what + ' ' + path + ": " +
                                      std::strerror(error));
    }
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    const int error = errno;
    std::remove(partial.c_str());
    throw ExitError(kExitUsage, "demarche eval: cannot write " + what + ' ' + path + ": " +
                                    std::strerror(error));
  }
}

void write_reliability_plots(const std::string& dir, const Evaluation& eval) {
  // The pooled diagram's name is taken: a type called `all` would overwrite
  // it (or be overwritten) without a word.
  if (std::find(eval.types.begin(), eval.types.end(), eval.calibration_pooled.type) !=
      eval.types.end()) {
    throw ExitError(kExitUsage, "demarche eval: --plot: an event type is named '" +
                                    eval.calibration_pooled.type +
                                    "', which is the name of the pooled diagram");
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    throw ExitError(kExitUsage, "demarche eval: cannot create the folder " + dir + " for --plot: " +
                                    (ec ? ec.message() : std::string("not a folder")));
  }
  auto plot = [&dir](const Calibration& calibration) {
    const std::string path =
        (std::filesystem::path(dir) / ("reliability-" + calibration.type + ".svg")).string();
    write_whole_file(path, "the reliability diagram", [&calibration](std::ostream& out) {
      out << reliability_svg(calibration) << '\n';
    });
  };
  for (const Calibration& calibration : eval.calibration_per_type) plot(calibration);
  plot(eval.calibration_pooled);
}

}  // namespace demarche::cli
