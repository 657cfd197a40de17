// Runs a program and captures what it prints, and the small file and text
// helpers that go with it, for tests that drive the modlint and clang-tidy
// executables.
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

/// The same, in `Directory`, with `Environment` ("NAME=value") added.
RunOutput runIn(const std::string &Directory, const std::string &Program,
                const std::vector<std::string> &Args,
                const std::vector<std::string> &Environment = {});

std::string readFile(const std::string &Path);

/// Writes `Text` to a new temporary file ending in `.Suffix`; returns its path.
std::string writeTempFile(const std::string &Suffix, const std::string &Text);

/// A new, empty temporary file ending in `.Suffix`.
std::string tempFilePath(const std::string &Suffix);

/// A new, empty temporary directory.
std::string tempDirectory();

/// How often `Needle` occurs in `Text`.
size_t countOccurrences(const std::string &Text, const std::string &Needle);

} // namespace modlint::testing
