// command_line.hpp: what every command's option parsing shares.
//
// Each command declares its own options (classify_options.*, explain_command.*,
// rules_commands.*); this file turns Boost.Program_options' exceptions into
// UsageError (exit 2 with a hint), prints help the same way everywhere, and
// declares the options that several commands take.
#pragma once

#include <boost/program_options.hpp>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace demarche::cli {

namespace po = boost::program_options;

struct CommandSpec {
  std::string name;      // "classify", "rules check": for messages and the --help hint
  std::string synopsis;  // "demarche classify [options] [FILE...]"
  std::string summary;   // a paragraph shown under the synopsis by --help
};

// Parses `args` (the words after the command name). `positional_name`, when
// non-empty, collects the remaining words as a vector<string> option.
// Throws UsageError on any mistake.
po::variables_map parse_command_line(const CommandSpec& spec, const std::vector<std::string>& args,
                                     const po::options_description& visible,
                                     const std::string& positional_name = {});

// "Usage: SYNOPSIS\n\nSUMMARY\n\nOPTIONS".
void print_help(std::ostream& out, const CommandSpec& spec, const po::options_description& visible);

// --help, which every command takes.
void add_help_option(po::options_description& options);

// --rules PATH (repeatable), for every command that needs rules.
void add_rules_option(po::options_description& options, std::vector<std::string>& paths);

// --set-memory MIB: the memory budget of the combined pattern set
// (LoadOptions::set_memory_bytes), for every command that loads rules.
constexpr std::int64_t kDefaultSetMemoryMib = 512;
constexpr std::int64_t kMaxSetMemoryMib = std::int64_t{1} << 20;  // 1 TiB
void add_set_memory_option(po::options_description& options, std::int64_t& mib);
// Throws UsageError unless 1 <= mib <= kMaxSetMemoryMib.
void check_set_memory(const CommandSpec& spec, std::int64_t mib);

// --threshold T with a check that 0 <= T <= 1.
void add_threshold_option(po::options_description& options, double& threshold);
void check_threshold(const CommandSpec& spec, double threshold);

// Throws UsageError unless `value` is one of `allowed`.
void check_choice(const CommandSpec& spec, const std::string& option, const std::string& value,
                  const std::vector<std::string>& allowed);

}  // namespace demarche::cli
