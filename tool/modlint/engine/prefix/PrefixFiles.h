// Where a run's precompiled prefixes live: private temporary files, removed
// when the run ends, and by LLVM's signal handler on Ctrl-C, SIGTERM or a
// crash. Files only, no directory of their own: LLVM's handler removes
// files, and a directory would be left behind by every interrupted run.
#pragma once

#include <string>
#include <vector>

namespace modlint {

class PrefixFiles {
public:
  PrefixFiles() = default;
  ~PrefixFiles();
  PrefixFiles(const PrefixFiles &) = delete;
  PrefixFiles &operator=(const PrefixFiles &) = delete;

  /// A new file for link `L` of prefix `N`; empty when none can be made.
  std::string file(size_t N, size_t L);

  /// Removes `File` (made elsewhere) with the others, unless it has been
  /// renamed by then; returns it.
  std::string adopt(std::string File);

private:
  std::vector<std::string> Files;
};

} // namespace modlint
