// The `modlint` command line: what the user asked for, parsed with CLI11.
#pragma once

#include "config/Config.h"
#include "report/Report.h"
#include <optional>
#include <string>
#include <vector>

namespace modlint {

enum class ColorMode { Auto, Always, Never };
enum class OutputFormat { Text, Json, Sarif, Github };
/// What `merge` writes: the merged report in the shards' own format, or
/// its findings as text or GitHub annotations.
enum class MergeOutput { Report, Sarif, Json, Text, Github };

struct CommandLine {
  std::string BuildPath;
  std::vector<std::string> Paths;
  /// The options the flags set; they override every config file.
  ConfigLayer Flags;
  /// --config or --config-file; ConfigFile is the file's path as given.
  std::optional<ExplicitConfig> Config;
  std::optional<std::string> ConfigFile;
  std::string ProjectRoot;
  unsigned Jobs = 0; // 0: one per core
  OutputFormat Format = OutputFormat::Text;
  std::string OutputFile;
  ColorMode Color = ColorMode::Auto;
  bool Quiet = false;
  /// Text findings once the run is done, sorted by file, instead of as
  /// units finish.
  bool Sort = false;
  /// An earlier SARIF report: only findings not in it count.
  std::string BaselineFile;
  Threshold FailOn = Threshold::Warning;
  bool Fix = false;
  std::string CacheDir;
  /// Units that do not compile still fail the run (exit 2) unless this.
  bool AllowCompileErrors = false;
  /// A whole-database run in which no class derives from a module base
  /// passes (a project with no shared modules, linted for the other checks).
  bool AllowNoModules = false;
  bool NoCache = false;
  bool NoSharedPrefix = false;
  bool Stats = false;
  /// --profile: each check's share of the run (implies --no-cache).
  bool Profile = false;
  std::string ExportFixesFile;
  /// --write-baseline FILE: the accepted findings, to commit.
  std::string WriteBaseline;
  /// `modlint baseline update`: write the baseline (--baseline's file, or
  /// DefaultBaselineName at the project root) with the findings of now.
  bool UpdateBaseline = false;
  bool ListChecks = false;
  bool DumpConfig = false;
  /// `modlint explain CHECK-ID`.
  std::optional<std::string> Explain;
  /// `modlint merge REPORT...`.
  /// --unit FILE: one file as a build step (cli/UnitMode.h).
  std::string Unit;
  /// --depfile FILE: what the report depends on, for Ninja or Make.
  std::string Depfile;
  /// --keep-prefixes: precompile the units' kept prefixes, lint nothing.
  bool KeepPrefixes = false;
  std::vector<std::string> MergeInputs;
  bool Merge = false;
  MergeOutput MergeFormat = MergeOutput::Report;
  /// `--shard K/N`: lint only the K-th of N slices (1-based).
  unsigned ShardIndex = 1;
  unsigned ShardCount = 1;
};

/// The committed baseline `modlint baseline update` writes by default, at
/// the project root.
inline constexpr const char *DefaultBaselineName = ".modlint-baseline.sarif";

/// Exit codes, documented in docs/cli.md.
enum ExitCode : int { ExitClean = 0, ExitFindings = 1, ExitUsage = 2 };

/// Parses the arguments before `--` (`Argc` of them; `FullArgc` counts
/// the compiler's after it too, where a modlint flag is an error). Returns
/// an exit code when the program should stop at once (--help, --version,
/// or a usage error, which is printed).
std::optional<int> parseCommandLine(int Argc, const char *const *Argv,
                                    CommandLine &Out, int FullArgc);

/// The configuration resolver the command line asks for: its config file
/// (or the search for .modlint.yaml), with its flags on top.
ConfigResolver configResolver(const CommandLine &Cmd);

} // namespace modlint
