// fuzz_gold: gold files (cmd/gold_file.hpp), as `eval`, `calibrate` and
// `rules stats` read them, then evaluated with the shipped rules and plugins
// and reported as `eval` reports (text, JSON, HTML).
//
// The input, after expand.hpp's macros, is the file. read_gold_file reads a
// path, so the bytes are put in a memory file (memfd) and read through
// /proc/self/fd, a regular file as the reader asks. Checked: what
// gold_file.hpp promises of every sentence read (increasing lines, no tab
// or line break in a field, labels trimmed, non-empty and distinct), and
// that a refused file is refused with ExitError, never another exception.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "eval_html_report.hpp"
#include "eval_json.hpp"
#include "eval_text_report.hpp"
#include "evaluation.hpp"
#include "exit_error.hpp"
#include "expand.hpp"
#include "fuzz_support.hpp"
#include "gold_file.hpp"
#include "grouped_folds.hpp"

namespace {

using namespace demarche;
using namespace demarche::cli;

// Room for a line of megabytes and for tens of thousands of rows.
constexpr std::size_t kMaxExpandedBytes = std::size_t{4} << 20;
// Evaluating classifies every sentence and looks for near misses of each
// false negative: a few hundred sentences show whether it works.
constexpr std::size_t kMaxEvaluated = 200;

std::shared_ptr<const Engine> g_engine;
std::vector<std::string> g_plugin_names;

bool has_line_break_or_tab(std::string_view field) {
  return field.find_first_of("\t\n") != std::string_view::npos;
}

void check_sentences(const std::vector<GoldSentence>& gold) {
  std::size_t previous = 1;  // the header's line
  for (const GoldSentence& sentence : gold) {
    fuzz::require(sentence.line > previous, "gold lines do not increase");
    previous = sentence.line;
    fuzz::require(!has_line_break_or_tab(sentence.text) && !has_line_break_or_tab(sentence.id) &&
                      !has_line_break_or_tab(sentence.url),
                  "a gold field holds a tab or a line break");
    for (std::size_t i = 0; i < sentence.labels.size(); ++i) {
      const std::string& label = sentence.labels[i];
      fuzz::require(!label.empty() && label.front() != ' ' && label.back() != ' ' &&
                        label.find(',') == std::string::npos,
                    "a gold label is empty, untrimmed or holds a comma");
      fuzz::require(std::count(sentence.labels.begin(), sentence.labels.end(), label) == 1,
                    "a gold label is repeated");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::init_environment();
  g_engine = fuzz::shipped_engine();
  const std::shared_ptr<const PluginSet> plugins = fuzz::shipped_plugins();
  for (const auto& plugin : plugins->plugins) g_plugin_names.push_back(plugin->name());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input =
      fuzz::expand(std::string_view(reinterpret_cast<const char*>(data), size), kMaxExpandedBytes);
  const int fd = memfd_create("fuzz-gold", MFD_CLOEXEC);
  fuzz::require(fd >= 0, "memfd_create failed");
  for (std::size_t done = 0; done < input.size();) {
    const ssize_t n = write(fd, input.data() + done, input.size() - done);
    fuzz::require(n > 0, "writing the memory file failed");
    done += static_cast<std::size_t>(n);
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  std::vector<GoldSentence> gold;
  bool refused = false;
  try {
    read_gold_file(path, gold);
  } catch (const ExitError& error) {
    refused = true;
    fuzz::require(error.code() == kExitUsage, "a gold file was refused with another exit status");
  }
  close(fd);
  if (refused) return 0;
  check_sentences(gold);

  if (count_groups(gold) >= 2) {
    const FoldAssignment folds = assign_grouped_folds(gold, 2, 1);
    fuzz::require(folds.fold_of.size() == gold.size(), "not one fold per gold sentence");
  }
  if (gold.size() > kMaxEvaluated) gold.resize(kMaxEvaluated);
  EvalSettings settings;
  settings.sweep = true;
  settings.near_misses = true;
  const Evaluation evaluation = evaluate(*g_engine, gold, {path}, g_plugin_names, settings);
  std::ostringstream out;
  write_eval_text(out, evaluation, TextReportOptions{});
  write_html_report(evaluation, out);
  out << to_json_text(evaluation_json(evaluation));
  return 0;
}
