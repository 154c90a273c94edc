// exit_error.hpp: how a command ends early with a given exit status.
//
// Commands throw these rather than calling exit(), so destructors run and
// buffered output is flushed (and its write errors seen) on every path.
#pragma once

#include <stdexcept>
#include <string>

namespace demarche::cli {

// The exit statuses every command shares (docs/cli.md, "Exit status").
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,  // runtime failure: unreadable input, write error, bad record
  kExitUsage = 2,    // bad command line, or rules that do not load
};

// Ends the command with `code` after main prints `what()` (when non-empty).
class ExitError : public std::runtime_error {
 public:
  ExitError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

// A mistake on the command line: main adds a hint to run `--help` for `command`.
class UsageError : public ExitError {
 public:
  UsageError(std::string command, const std::string& message)
      : ExitError(kExitUsage, message), command_(std::move(command)) {}
  const std::string& command() const { return command_; }

 private:
  std::string command_;
};

}  // namespace demarche::cli
