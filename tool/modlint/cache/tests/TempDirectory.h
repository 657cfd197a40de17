// A fresh directory of its own for each cache test.
#pragma once

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "gtest/gtest.h"
#include <string>

namespace modlint {

inline std::string tempDirectory() {
  llvm::SmallString<128> Dir;
  EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("modlint-cache-test", Dir));
  return std::string(Dir);
}

} // namespace modlint
