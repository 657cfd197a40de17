// Runs a program and captures what it prints, for tests that drive the
// modlint and clang-tidy executables.
#pragma once

#include <string>
#include <vector>

namespace modlint::testing {

struct RunOutput {
  int ExitCode = -1;
  std::string Stdout;
  std::string Stderr;
};

/// Runs `Program` with `Args` (argv[0] is added), stdin from /dev/null.
RunOutput run(const std::string &Program, const std::vector<std::string> &Args);

std::string readFile(const std::string &Path);

} // namespace modlint::testing
