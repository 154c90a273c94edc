// For the data files compiled into the engine and the shipped plugins
// (cmake/embed_text.cmake): the embedded bytes must be the source file's, so
// that a test reading the embedded text tests what is in the repository.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "text/read_file.hpp"

namespace demarche::testing {

// `path` is relative to the source tree.
inline void expect_embedded_is_source(std::string_view embedded, const std::string& path) {
  std::string error;
  const auto source = text::read_regular_file(DEMARCHE_SOURCE_DIR "/" + path, &error);
  ASSERT_TRUE(source) << path << ": " << error;
  EXPECT_EQ(embedded, *source) << path << " differs from what the build embedded";
}

}  // namespace demarche::testing
