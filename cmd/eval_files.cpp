#include "eval_files.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "exit_error.hpp"
#include "output_file.hpp"
#include "reliability_svg.hpp"

namespace demarche::cli {

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
    write_output_file("eval", path, "the reliability diagram", [&calibration](std::ostream& out) {
      out << reliability_svg(calibration) << '\n';
    });
  };
  for (const Calibration& calibration : eval.calibration_per_type) plot(calibration);
  plot(eval.calibration_pooled);
}

}  // namespace demarche::cli
