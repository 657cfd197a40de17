// The `modlint` command line: what the user asked for, parsed with CLI11.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace modlint {

enum class ColorMode { Auto, Always, Never };

struct CommandLine {
  std::string BuildPath;
  std::vector<std::string> Paths;
  std::vector<std::string> ModuleBases;
  std::vector<std::string> SafeTypes;
  std::vector<std::string> InitMethods;
  bool Strict = false;
  std::string Checks = "modlint-*";
  std::string ProjectRoot;
  ColorMode Color = ColorMode::Auto;
  bool ListChecks = false;
  /// True when compiler arguments followed `--` (no database needed).
  bool HasFixedArguments = false;
};

/// Exit codes, documented in docs/cli.md.
enum ExitCode : int { ExitClean = 0, ExitFindings = 1, ExitUsage = 2 };

/// Parses the arguments before `--`. Returns an exit code when the program
/// should stop at once (--help, --version, or a usage error, which is
/// printed).
std::optional<int> parseCommandLine(int Argc, const char *const *Argv,
                                    CommandLine &Out);

} // namespace modlint
