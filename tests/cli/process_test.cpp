// The process as a whole: help, version, exit codes, and how output ends
// (closed pipe, failed write, progress on a terminal).
#include <gtest/gtest.h>
#include <pty.h>

#include <chrono>
#include <thread>

#include "cli_support.hpp"

namespace demarche_cli_test {
namespace {

TEST(Process, VersionAndHelp) {
  const RunResult version = run({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_TRUE(contains(version.out, "demarche ")) << version.out;
  const RunResult help = run({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_TRUE(contains(help.out, "classify")) << help.out;
  for (const std::vector<std::string>& command : std::vector<std::vector<std::string>>{
           {"classify"}, {"explain"}, {"rules", "check"}, {"rules", "test"}, {"rules", "list"}}) {
    std::vector<std::string> args = command;
    args.push_back("--help");
    const RunResult r = run(args);
    EXPECT_EQ(r.exit_code, 0) << command.back();
    EXPECT_TRUE(contains(r.out, "Usage: demarche")) << r.out;
    EXPECT_TRUE(contains(r.out, "--rules")) << r.out;
    EXPECT_EQ(r.err, "");
  }
}

TEST(Process, NoCommandOrUnknownCommandIsAUsageError) {
  EXPECT_EQ(run({}).exit_code, 2);
  const RunResult r = run({"clasify"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--help")) << r.err;
}

TEST(Process, ClassifyWithBrokenRulesExitsTwoAndClassifiesNothing) {
  RunOptions options;
  options.input = "hello friend\n";
  const RunResult r = run({"classify", "--rules", fixture("broken")}, options);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "broken.rules:9:10: error[")) << r.err;
}

TEST(Process, WarningsAreNotPrintedByClassify) {
  RunOptions options;
  options.input = "howdy\n";
  const RunResult r = run({"classify", "--rules", fixture("warn")}, options);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(parse_jsonl(r.out).size(), 1u);
}

std::string many_lines(std::size_t n) {
  std::string input;
  for (std::size_t i = 0; i < n; ++i) input += "Anna said hello to her friend number one.\n";
  return input;
}

TEST(Process, ClosedPipeEndsQuietlyWithSuccess) {
  RunOptions options;
  options.input = many_lines(200000);  // far more output than a pipe holds
  options.close_stdout_after = 1;
  for (const std::string format : {"jsonl", "tsv", "text"}) {
    const RunResult r = run({"classify", "--rules", toy_rules(), "--format", format}, options);
    EXPECT_EQ(r.exit_code, 0) << format;
    EXPECT_EQ(r.err, "") << format;
  }
}

TEST(Process, FailedWriteIsReported) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  RunOptions options;
  options.input = many_lines(10000);
  options.stdout_path = "/dev/full";
  const RunResult r = run({"classify", "--rules", toy_rules()}, options);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "error writing output")) << r.err;
}

TEST(Process, NoProgressLineWhenStandardErrorIsNotATerminal) {
  RunOptions options;
  options.input = many_lines(50000);
  const RunResult r = run({"classify", "--rules", toy_rules()}, options);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(parse_jsonl(r.out).size(), 50000u);
}

// With standard error on a terminal, a progress line appears once input has
// been flowing for more than half a second, and is erased at the end.
TEST(Process, ProgressLineWhenStandardErrorIsATerminal) {
  int master = -1;
  int slave = -1;
  ASSERT_EQ(::openpty(&master, &slave, nullptr, nullptr, nullptr), 0);
  int in_pipe[2];
  ASSERT_EQ(::pipe2(in_pipe, O_CLOEXEC), 0);
  const std::string rules = toy_rules();
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::dup2(in_pipe[0], STDIN_FILENO);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(slave, STDERR_FILENO);
    ::execl(DEMARCHE_BINARY, DEMARCHE_BINARY, "classify", "--rules", rules.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(slave);
  ::close(in_pipe[0]);
  const std::string line = "Anna said hello to her friend.\n";
  ASSERT_EQ(::write(in_pipe[1], line.data(), line.size()), static_cast<ssize_t>(line.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(900));
  ASSERT_EQ(::write(in_pipe[1], line.data(), line.size()), static_cast<ssize_t>(line.size()));
  ::close(in_pipe[1]);
  std::string err;
  char buffer[4096];
  for (;;) {
    const ssize_t got = ::read(master, buffer, sizeof buffer);
    if (got <= 0) break;  // EIO once the child has closed the terminal
    err.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_TRUE(contains(err, "2 records")) << err;
  EXPECT_TRUE(contains(err, "records/s")) << err;
  EXPECT_TRUE(contains(err, "\r\033[K")) << err;  // erased at the end
}

}  // namespace
}  // namespace demarche_cli_test
