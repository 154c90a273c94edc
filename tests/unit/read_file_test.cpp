// Input files are read only when they are regular files within a size
// (text/read_file.hpp): a FIFO, a device or a huge file is refused with a
// reason, never read for ever.
#include "text/read_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "demarche/engine.hpp"

namespace demarche {
namespace {

class Folder {
 public:
  Folder()
      : path_(std::filesystem::temp_directory_path() /
              ("demarche-read-file-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~Folder() { std::filesystem::remove_all(path_); }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  std::string file(const std::string& name, const std::string& content) const {
    const std::string p = (path_ / name).string();
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

TEST(ReadRegularFile, ReadsARegularFileWhole) {
  const Folder folder;
  std::string error;
  const auto text = text::read_regular_file(folder.file("a.rules", "event x\n"), &error);
  ASSERT_TRUE(text) << error;
  EXPECT_EQ(*text, "event x\n");
  EXPECT_EQ(text::read_regular_file(folder.file("empty", ""), &error), std::string());
}

TEST(ReadRegularFile, RefusesWhatIsNotARegularFileWithoutWaiting) {
  const Folder folder;
  std::string error;
  EXPECT_FALSE(text::read_regular_file("/dev/zero", &error));
  EXPECT_EQ(error, "is a character device, not a regular file");
  const std::string fifo = folder.path("fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_FALSE(text::read_regular_file(fifo, &error));  // no writer: must not block
  EXPECT_EQ(error, "is a FIFO, not a regular file");
  EXPECT_FALSE(text::read_regular_file(folder.path("missing"), &error));
  EXPECT_EQ(error, "no such file");
}

TEST(ReadRegularFile, RefusesAFileOverTheLimit) {
  const Folder folder;
  std::string error;
  const std::string big = folder.file("big", std::string(3 << 20, 'x'));
  EXPECT_FALSE(text::read_regular_file(big, &error, std::size_t{2} << 20));
  EXPECT_EQ(error, "is larger than 2 MiB");
  EXPECT_TRUE(text::read_regular_file(big, &error, std::size_t{4} << 20));
}

TEST(ReadRegularFile, AnImportOfADeviceIsALocatedError) {
  const Folder folder;
  const std::string rules = folder.file("main.rules", "import \"/dev/zero\"\n");
  const Loaded loaded = load_rules({rules});
  ASSERT_FALSE(loaded.ok());
  std::string report;
  for (const Diagnostic& d : loaded.diagnostics) report += d.to_string();
  EXPECT_NE(report.find("main.rules:1:8: error[E013]"), std::string::npos) << report;
  EXPECT_NE(report.find("is a character device, not a regular file"), std::string::npos) << report;
}

}  // namespace
}  // namespace demarche
