// cli_support.hpp: running the built `demarche` binary as a real process.
//
// Header-only because tests/CMakeLists.txt compiles only *_test.cpp here.
// Every test goes through run(): it feeds standard input, collects standard
// output and error concurrently (so multi-MB data cannot deadlock on a full
// pipe), and returns the exit status. The child's environment never inherits
// DEMARCHE_RULES or DEMARCHE_PLUGINS, so a developer's shell setting cannot
// change a result.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace demarche_cli_test {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

struct RunOptions {
  std::string input;                       // written to standard input, then closed
  std::optional<std::string> rules_env;    // DEMARCHE_RULES for the child; unset when empty
  std::optional<std::string> plugins_env;  // DEMARCHE_PLUGINS for the child; unset when empty
  std::size_t close_stdout_after = std::string::npos;  // close our end after this many bytes
  std::string stdout_path;                             // send standard output to this file instead
  std::string binary = DEMARCHE_BINARY;
};

struct RunResult {
  int exit_code = -1;  // 128 + signal when killed by a signal
  std::string out;
  std::string err;
};

inline std::string fixture(const std::string& relative) {
  return std::string(DEMARCHE_FIXTURES) + "/cli/" + relative;
}

// The toy rules most tests use: events greeting (prior 0.1) and farewell (0.2).
inline std::string toy_rules() {
  return fixture("rules");
}

namespace detail {

inline void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string(what) + ": " + std::strerror(errno));
}

[[noreturn]] inline void exec_child(const std::vector<std::string>& args, const RunOptions& options,
                                    int in_fd, int out_fd, int err_fd) {
  ::dup2(in_fd, STDIN_FILENO);
  if (!options.stdout_path.empty()) {
    const int fd = ::open(options.stdout_path.c_str(), O_WRONLY);
    if (fd < 0) ::_exit(126);
    ::dup2(fd, STDOUT_FILENO);
  } else {
    ::dup2(out_fd, STDOUT_FILENO);
  }
  ::dup2(err_fd, STDERR_FILENO);
  for (int fd = 3; fd < 256; ++fd) ::close(fd);
  ::signal(SIGPIPE, SIG_DFL);
  ::unsetenv("DEMARCHE_RULES");
  if (options.rules_env) ::setenv("DEMARCHE_RULES", options.rules_env->c_str(), 1);
  ::unsetenv("DEMARCHE_PLUGINS");
  if (options.plugins_env) ::setenv("DEMARCHE_PLUGINS", options.plugins_env->c_str(), 1);
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(options.binary.c_str()));
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  ::execv(options.binary.c_str(), argv.data());
  ::_exit(127);
}

}  // namespace detail

inline RunResult run(const std::vector<std::string>& args, const RunOptions& options = {}) {
  // The child may exit without reading all its input; that must not kill us.
  ::signal(SIGPIPE, SIG_IGN);
  int in_pipe[2];
  int out_pipe[2];
  int err_pipe[2];
  detail::check(::pipe2(in_pipe, O_CLOEXEC) == 0, "pipe");
  detail::check(::pipe2(out_pipe, O_CLOEXEC) == 0, "pipe");
  detail::check(::pipe2(err_pipe, O_CLOEXEC) == 0, "pipe");
  const pid_t pid = ::fork();
  detail::check(pid >= 0, "fork");
  if (pid == 0) detail::exec_child(args, options, in_pipe[0], out_pipe[1], err_pipe[1]);
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);

  RunResult result;
  int in_fd = in_pipe[1];
  int out_fd = out_pipe[0];
  int err_fd = err_pipe[0];
  std::size_t written = 0;
  if (options.input.empty()) {
    ::close(in_fd);
    in_fd = -1;
  } else {
    ::fcntl(in_fd, F_SETFL, O_NONBLOCK);
  }
  char buffer[1 << 16];
  while (out_fd >= 0 || err_fd >= 0) {
    pollfd fds[3];
    nfds_t n = 0;
    if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
    if (out_fd >= 0) fds[n++] = {out_fd, POLLIN, 0};
    if (err_fd >= 0) fds[n++] = {err_fd, POLLIN, 0};
    if (::poll(fds, n, -1) < 0) {
      if (errno == EINTR) continue;
      detail::check(false, "poll");
    }
    for (nfds_t i = 0; i < n; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in_fd) {
        const ssize_t w =
            ::write(in_fd, options.input.data() + written, options.input.size() - written);
        if (w > 0) written += static_cast<std::size_t>(w);
        if (w < 0 && errno != EAGAIN && errno != EINTR) written = options.input.size();
        if (written == options.input.size()) {
          ::close(in_fd);
          in_fd = -1;
        }
        continue;
      }
      const bool is_out = fds[i].fd == out_fd;
      const ssize_t got = ::read(fds[i].fd, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        ::close(fds[i].fd);
        (is_out ? out_fd : err_fd) = -1;
        continue;
      }
      (is_out ? result.out : result.err).append(buffer, static_cast<std::size_t>(got));
      if (is_out && result.out.size() >= options.close_stdout_after) {
        // Like `| head -c N`: stop reading and close, so the child's next
        // write fails with EPIPE.
        ::close(out_fd);
        out_fd = -1;
      }
    }
  }
  if (in_fd >= 0) ::close(in_fd);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

// A folder that is removed with everything in it when the test ends.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "demarche-cli-XXXXXX").string();
    detail::check(::mkdtemp(pattern.data()) != nullptr, "mkdtemp");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }

  // Writes `content` to `name` inside the folder (creating subfolders) and
  // returns the full path.
  std::string write(const std::string& name, const std::string& content) const {
    const fs::path file = path_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + file.string());
    return file.string();
  }

 private:
  fs::path path_;
};

// A folder holding copies of fixture plugins, for --plugins: the loader
// refuses a plugin that others may write (docs/plugins.md), which the build
// folder may allow.
class FixturePluginFolder {
 public:
  explicit FixturePluginFolder(const std::vector<std::string>& names) {
    fs::permissions(folder_.path(), fs::perms::owner_all | fs::perms::group_read |
                                        fs::perms::group_exec | fs::perms::others_read |
                                        fs::perms::others_exec);
    for (const std::string& name : names) {
      const fs::path to = folder_.path() / (name + ".so");
      fs::copy_file(fs::path(DEMARCHE_FIXTURE_PLUGINS) / (name + ".so"), to);
      fs::permissions(to, fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
    }
  }

  std::string path() const { return folder_.path().string(); }

 private:
  TempDir folder_;
};

// Sentences for the toy rules and fixture plugins: a mix of events
// (greeting, farewell, both), text no rule concerns, words for the fixture
// plugins ("boom" makes `thrower` fail, "wave" gives `good` evidence),
// multibyte and invalid UTF-8, a tab, a CR, and an empty one.
inline const std::vector<std::string>& toy_sentences() {
  static const std::vector<std::string> sentences = {
      "Anna said hello to her friend today.",
      "Carl said goodbye at the door.",
      "Hi neighbours, they said goodbye and waved at us.",
      "The weather was mild for the season.",
      "Tom never greeted the neighbours.",
      "They wave at the crowd.",
      "boom, said hello to a friend.",
      "Caf\xc3\xa9 \xe2\x80\x94 hello friend.",
      "bad \xff\xfe bytes, hello friend.",
      "tab\there, hello friend\r",
      "",
  };
  return sentences;
}

// Each line of `text` parsed as JSON; throws when a line is not valid JSON
// (nlohmann's parser also rejects ill-formed UTF-8, so this checks that too).
inline std::vector<Json> parse_jsonl(const std::string& text) {
  std::vector<Json> records;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) records.push_back(Json::parse(line));
  return records;
}

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

inline std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find(separator, start);
    fields.push_back(text.substr(start, end - start));
    if (end == std::string::npos) return fields;
    start = end + 1;
  }
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The event types of a classify record, in output order.
inline std::vector<std::string> event_types(const Json& sentence) {
  std::vector<std::string> types;
  for (const Json& event : sentence.at("events")) types.push_back(event.at("type"));
  return types;
}

}  // namespace demarche_cli_test
