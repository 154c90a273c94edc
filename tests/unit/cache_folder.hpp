// Points DEMARCHE_CACHE_DIR at a fresh folder for one test, and back at
// what it was after it: the tests of the pattern cache
// (match/hyperscan_cache.hpp) and of the lookups' cache
// (match/literal_cache.hpp).
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace demarche::testing {

class CacheFolder {
 public:
  CacheFolder()
      : path_(std::filesystem::temp_directory_path() /
              ("demarche-hs-cache-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::remove_all(path_);
    if (const char* old = std::getenv("DEMARCHE_CACHE_DIR")) old_ = old;
    ::setenv("DEMARCHE_CACHE_DIR", path_.c_str(), 1);
  }
  ~CacheFolder() {
    std::filesystem::remove_all(path_);
    ::setenv("DEMARCHE_CACHE_DIR", old_.c_str(), 1);
  }
  CacheFolder(const CacheFolder&) = delete;
  CacheFolder& operator=(const CacheFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::string old_;
};

}  // namespace demarche::testing
