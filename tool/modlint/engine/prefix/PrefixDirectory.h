// Where a run's precompiled prefixes live: a private temporary directory,
// removed with its files when the run ends, and on a signal.
#pragma once

#include "llvm/ADT/SmallString.h"
#include <string>
#include <vector>

namespace modlint {

class PrefixDirectory {
public:
  PrefixDirectory();
  ~PrefixDirectory();
  PrefixDirectory(const PrefixDirectory &) = delete;
  PrefixDirectory &operator=(const PrefixDirectory &) = delete;

  /// Where link `L` of prefix `N` goes; empty when there is no directory.
  std::string file(size_t N, size_t L);

private:
  llvm::SmallString<256> Path;
  std::vector<std::string> Files;
};

} // namespace modlint
