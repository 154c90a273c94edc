// The files `calibrate -o`, `eval --report` and `eval --plot` write
// (cmd/output_file.cpp): a regular file or a new path is replaced
// atomically through a temporary file no one else can plant or follow;
// devices, FIFOs, symlinks and standard output are written through; a
// folder is refused; write errors exit 1 naming the path; nothing
// temporary is left behind.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "cli_support.hpp"
#include "eval_support.hpp"

namespace demarche_cli_test {
namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// What is in `folder`, sorted: no temporary file may be among it.
std::vector<std::string> names(const fs::path& folder) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(folder))
    found.push_back(entry.path().filename().string());
  std::sort(found.begin(), found.end());
  return found;
}

struct stat status_of(const fs::path& path) {
  struct stat result {};
  EXPECT_EQ(::lstat(path.c_str(), &result), 0) << path;
  return result;
}

mode_t current_umask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

// The gold file lives in a folder of its own, so that the output folders
// hold only what the command wrote.
class OutputFile : public ::testing::Test {
 protected:
  RunResult calibrate(const std::string& output) const {
    return run({"calibrate", "--rules", toy_rules(), "--no-plugins", "--gold", gold_, "--l2", "1",
                "-o", output});
  }
  RunResult report(const std::string& output, std::vector<std::string> more = {}) const {
    std::vector<std::string> args = {"--gold", gold_, "--report", output};
    args.insert(args.end(), more.begin(), more.end());
    return run_eval(args);
  }
  // The weights file as written to a fresh path.
  std::string expected_weights() const {
    const TempDir fresh;
    const fs::path path = fresh.path() / "w.tsv";
    EXPECT_EQ(calibrate(path.string()).exit_code, 0);
    return read_file(path);
  }

  // A character device like /dev/null (1, 3) or /dev/full (1, 7) in `dir`
  // when this process may make one (root), else the system's own, which
  // the code before this change could not replace without root either.
  static std::string device(const TempDir& dir, const char* name, unsigned minor) {
    const fs::path node = dir.path() / name;
    if (::mknod(node.c_str(), S_IFCHR | 0666, makedev(1, minor)) == 0) return node.string();
    return ::geteuid() == 0 ? std::string() : "/dev/" + std::string(name);
  }

  TempDir inputs_;
  TempDir dir_;
  std::string gold_ = inputs_.write("gold.tsv", kCalibrationGold);
};

TEST_F(OutputFile, SymlinkIsWrittenThroughAndStaysALink) {
  const std::string target = dir_.write("real.tsv", "old\n");
  const fs::path link = dir_.path() / "link.tsv";
  fs::create_symlink("real.tsv", link);
  const RunResult r = calibrate(link.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(fs::read_symlink(link), "real.tsv");
  EXPECT_EQ(read_file(target), expected_weights());
  EXPECT_EQ(names(dir_.path()), (std::vector<std::string>{"link.tsv", "real.tsv"}));
}

TEST_F(OutputFile, SymlinkAtTheOldTemporaryNameIsNotFollowed) {
  const std::string victim = inputs_.write("victim.txt", "precious\n");
  const fs::path planted = dir_.path() / "w.tsv.partial";
  fs::create_symlink(victim, planted);
  const RunResult r = calibrate((dir_.path() / "w.tsv").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(victim), "precious\n");
  EXPECT_TRUE(fs::is_symlink(planted));
  EXPECT_EQ(read_file(dir_.path() / "w.tsv"), expected_weights());
  EXPECT_EQ(names(dir_.path()), (std::vector<std::string>{"w.tsv", "w.tsv.partial"}));
}

TEST_F(OutputFile, FolderAtTheOldTemporaryNameIsLeftAlone) {
  fs::create_directory(dir_.path() / "report.html.partial");
  const RunResult r = report((dir_.path() / "report.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_directory(dir_.path() / "report.html.partial"));
  EXPECT_EQ(names(dir_.path()), (std::vector<std::string>{"report.html", "report.html.partial"}));
}

TEST_F(OutputFile, NullDeviceIsWrittenToAndStaysADevice) {
  const std::string null = device(dir_, "null", 3);
  if (null.empty()) GTEST_SKIP() << "cannot make a device node and will not risk /dev/null as root";
  const RunResult weights = calibrate(null);
  EXPECT_EQ(weights.exit_code, 0) << weights.err;
  const RunResult page = report(null);
  EXPECT_EQ(page.exit_code, 0) << page.err;
  EXPECT_TRUE(S_ISCHR(status_of(null).st_mode));
  if (null.starts_with(dir_.path().string())) {
    EXPECT_EQ(names(dir_.path()), (std::vector<std::string>{"null"}));
  }
}

TEST_F(OutputFile, FullDeviceIsAWriteErrorNamingIt) {
  const std::string full = device(dir_, "full", 7);
  if (full.empty()) GTEST_SKIP() << "cannot make a device node and will not risk /dev/full as root";
  const RunResult weights = calibrate(full);
  EXPECT_EQ(weights.exit_code, 1);
  EXPECT_TRUE(contains(weights.err, "demarche calibrate: cannot write the weights file " + full +
                                        ": No space left on device"))
      << weights.err;
  EXPECT_FALSE(contains(weights.out, "Wrote")) << weights.out;
  const RunResult page = report(full);
  EXPECT_EQ(page.exit_code, 1);
  EXPECT_TRUE(contains(page.err, "demarche eval: cannot write the report " + full + ": "))
      << page.err;
  EXPECT_TRUE(S_ISCHR(status_of(full).st_mode));
  if (full.starts_with(dir_.path().string())) {
    EXPECT_EQ(names(dir_.path()), (std::vector<std::string>{"full"}));
  }
}

// A reader on the FIFO, opened before the command runs so that neither
// side waits for the other, and reading while it writes.
TEST_F(OutputFile, FifoReceivesTheData) {
  const fs::path fifo = dir_.path() / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const int fd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  std::atomic<bool> done = false;
  std::string received;
  std::thread reader([&] {
    char buffer[1 << 16];
    for (;;) {
      const bool last = done;  // read once more after the command ended
      const ssize_t got = ::read(fd, buffer, sizeof buffer);
      if (got > 0) {
        received.append(buffer, static_cast<std::size_t>(got));
        continue;
      }
      if (last) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  const RunResult r = report(fifo.string());
  done = true;
  reader.join();
  ::close(fd);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(received.starts_with("<!DOCTYPE html>")) << received.substr(0, 200);
  EXPECT_TRUE(contains(received, "</html>"));
  EXPECT_TRUE(S_ISFIFO(status_of(fifo).st_mode));
  EXPECT_EQ(names(dir_.path()), (std::vector<std::string>{"pipe"}));
}

TEST_F(OutputFile, StandardOutputCanTakeTheReport) {
  const RunResult r = report("/dev/stdout", {"--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("<!DOCTYPE html>")) << r.out.substr(0, 200);
  const std::size_t end = r.out.find("</html>\n");
  ASSERT_NE(end, std::string::npos);
  EXPECT_TRUE(Json::accept(r.out.substr(end + 8))) << r.out.substr(end);
}

TEST_F(OutputFile, RegularFileIsReplacedWholeKeepingItsMode) {
  const std::string path = dir_.write("w.tsv", "old\n");
  fs::permissions(path, static_cast<fs::perms>(0604));
  // A reader holding the old file keeps reading the old file: the new one
  // is another file renamed over the name, not the old one rewritten.
  std::ifstream held(path, std::ios::binary);
  const ino_t before = status_of(path).st_ino;
  const RunResult r = calibrate(path);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(path), expected_weights());
  const struct stat after = status_of(path);
  EXPECT_EQ(after.st_mode & 07777, 0604u);
  EXPECT_NE(after.st_ino, before);
  std::string old;
  std::getline(held, old);
  EXPECT_EQ(old, "old");
  EXPECT_EQ(names(dir_.path()), (std::vector<std::string>{"w.tsv"}));
}

TEST_F(OutputFile, FolderIsRefused) {
  const fs::path folder = dir_.path() / "out";
  fs::create_directory(folder);
  const RunResult r = calibrate(folder.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "demarche calibrate: cannot write the weights file " +
                                  folder.string() + ": it is a folder"))
      << r.err;
  EXPECT_TRUE(fs::is_empty(folder));
  EXPECT_EQ(names(dir_.path()), (std::vector<std::string>{"out"}));
}

TEST_F(OutputFile, NameOf254BytesWorks) {
  const std::string name(254, 'w');
  const fs::path path = dir_.path() / name;
  const RunResult r = calibrate(path.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(path), expected_weights());
  // A new file gets the mode any new file gets.
  EXPECT_EQ(status_of(path).st_mode & 07777, 0666u & ~current_umask());
  EXPECT_EQ(names(dir_.path()), (std::vector<std::string>{name}));
}

TEST_F(OutputFile, CalibrateNamesItselfInWriteErrors) {
  const RunResult r = calibrate("/nonexistent-dir/w.tsv");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err,
                       "demarche calibrate: cannot write the weights file "
                       "/nonexistent-dir/w.tsv: No such file or directory"))
      << r.err;
}

// A write that fails half-way into a regular file (here: past the file
// size limit, which the child inherits) leaves the old file as it was and
// no temporary file behind.
TEST_F(OutputFile, FailedWriteLeavesTheOldFileAndNoTemporary) {
  const std::string path = dir_.write("report.html", "old\n");
  struct FileSizeLimit {
    rlimit saved{};
    sighandler_t handler = ::signal(SIGXFSZ, SIG_IGN);  // EFBIG instead of a signal
    FileSizeLimit() {
      ::getrlimit(RLIMIT_FSIZE, &saved);
      const rlimit small{100, saved.rlim_max};
      ::setrlimit(RLIMIT_FSIZE, &small);
    }
    ~FileSizeLimit() {
      ::setrlimit(RLIMIT_FSIZE, &saved);
      ::signal(SIGXFSZ, handler);
    }
  };
  RunResult r;
  {
    const FileSizeLimit limit;
    r = report(path);
  }
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(
      contains(r.err, "demarche eval: cannot write the report " + path + ": File too large"))
      << r.err;
  EXPECT_EQ(read_file(path), "old\n");
  EXPECT_EQ(names(dir_.path()), (std::vector<std::string>{"report.html"}));
}

}  // namespace
}  // namespace demarche_cli_test
