#include "cli/LintCommand.h"

#include "cache/ResultCache.h"
#include "cli/Output.h"
#include "cli/Progress.h"
#include "cli/Summary.h"
#include "config/CompileDatabase.h"
#include "config/Config.h"
#include "config/JobPlan.h"
#include "core/Paths.h"
#include "engine/LintRunner.h"
#include "fmt/format.h"
#include "llvm/Support/FileSystem.h"
#include <chrono>
#include <thread>

namespace modlint {

namespace {
/// The units to lint and the database they come from.
struct Selection {
  std::unique_ptr<clang::tooling::CompilationDatabase> Database;
  std::vector<std::string> Files;
};

llvm::Error selectionError(const std::string &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

llvm::Expected<Selection>
selectInput(const CommandLine &Cmd,
            std::unique_ptr<clang::tooling::CompilationDatabase> Fixed) {
  Selection S;
  if (Fixed) {
    if (!Cmd.BuildPath.empty())
      return selectionError("give either -p BUILD_DIR or '-- COMPILER_ARGS', not both");
    if (Cmd.Paths.empty())
      return selectionError("no source files given before '--'");
    for (const std::string &Path : Cmd.Paths) {
      if (!llvm::sys::fs::is_regular_file(Path))
        return selectionError("no such file: '" + Path + "'");
      S.Files.push_back(absolutePath(Path));
    }
    S.Database = std::move(Fixed);
    return S;
  }
  if (Cmd.BuildPath.empty())
    return selectionError("no compilation database: give -p BUILD_DIR, or source files "
                          "followed by '-- COMPILER_ARGS'");
  auto Loaded = loadCompileDatabase(Cmd.BuildPath);
  if (!Loaded)
    return Loaded.takeError();
  S.Database = std::move(*Loaded);
  auto Selected = selectUnits(*S.Database, Cmd.Paths);
  if (!Selected)
    return Selected.takeError();
  S.Files = std::move(*Selected);
  return S;
}

/// Keeps this shard's files; removes and returns those that do not exist (a
/// database entry whose file is gone is said once, and the rest is linted).
std::vector<std::string> narrowSelection(const CommandLine &Cmd, const std::string &ProjectRoot,
                                         std::vector<std::string> &Files) {
  if (Cmd.ShardCount > 1)
    llvm::erase_if(Files, [&](const std::string &File) {
      return !inShard(relativeTo(File, ProjectRoot), Cmd.ShardIndex, Cmd.ShardCount);
    });
  std::vector<std::string> Missing;
  llvm::erase_if(Files, [&](const std::string &File) {
    if (llvm::sys::fs::exists(File))
      return false;
    Missing.push_back(File);
    return true;
  });
  for (const std::string &File : Missing)
    fmt::print(stderr, "modlint: error: the compilation database names '{}', "
                       "which does not exist\n",
               File);
  return Missing;
}

/// Runs the jobs with the cache (unless --no-cache) and the progress line.
LintResult runWithCache(const CommandLine &Cmd, const std::vector<LintJob> &Jobs,
                        const std::string &ProjectRoot) {
  std::optional<ResultCache> Cache;
  if (!Cmd.NoCache)
    Cache.emplace(Cmd.CacheDir.empty() ? ResultCache::defaultDirectory()
                                       : absolutePath(Cmd.CacheDir));
  Progress Line(!Cmd.Quiet);
  RunSettings Settings;
  Settings.Threads = Cmd.Jobs ? Cmd.Jobs : std::max(1u, std::thread::hardware_concurrency());
  Settings.SharePrefixes = !Cmd.NoSharedPrefix;
  Settings.Progress = [&](size_t Done, size_t Total, const LintJob &Job) {
    Line.update(Done, Total, relativeTo(Job.File, ProjectRoot));
  };
  if (Cache) {
    Settings.Reuse.Lookup = [&](const LintJob &Job) { return Cache->lookup(Job); };
    Settings.Reuse.Store = [&](const LintJob &Job, const UnitResult &Result,
                               const std::vector<std::string> &Inputs) {
      Cache->store(Job, Result, Inputs);
    };
  }
  return runJobs(Jobs, Settings);
}

/// The exit code once everything is reported. An incomplete analysis fails
/// the run: a crash always, a unit that does not compile or is missing
/// unless --allow-compile-errors.
int exitCode(const CommandLine &Cmd, const LintResult &Result, const Report &R) {
  if (!Result.CrashedFiles.empty() || (!Cmd.AllowCompileErrors && !Result.complete()))
    return ExitUsage;
  return failsGate(R, Cmd.FailOn) ? ExitFindings : ExitClean;
}
} // namespace

int lintCommand(const CommandLine &Cmd,
                std::unique_ptr<clang::tooling::CompilationDatabase> Fixed) {
  const std::string ProjectRoot = absolutePath(Cmd.ProjectRoot.empty() ? "." : Cmd.ProjectRoot);
  auto Input = selectInput(Cmd, std::move(Fixed));
  if (!Input)
    return usageError(llvm::toString(Input.takeError()));
  std::vector<std::string> Missing = narrowSelection(Cmd, ProjectRoot, Input->Files);
  ConfigResolver Configs = configResolver(Cmd);
  auto Jobs = planJobs(*Input->Database, Input->Files, Configs, ProjectRoot);
  if (!Jobs)
    return usageError(llvm::toString(Jobs.takeError()));
  // Read before linting: a bad baseline should not cost a whole run.
  std::optional<Baseline> Old;
  if (!Cmd.BaselineFile.empty()) {
    auto Read = readBaseline(Cmd.BaselineFile);
    if (!Read)
      return usageError(llvm::toString(Read.takeError()));
    Old = std::move(*Read);
  }

  const auto Start = std::chrono::steady_clock::now();
  LintResult Result = runWithCache(Cmd, *Jobs, ProjectRoot);
  const std::chrono::duration<double> Elapsed = std::chrono::steady_clock::now() - Start;
  Result.MissingFiles = std::move(Missing);

  SourcePositions Positions;
  Report R = buildReport(Result, ProjectRoot, Positions);
  if (Old)
    compareWithBaseline(R, *Old);
  if (int Status = writeReport(Result, R, Cmd, {ProjectRoot, Input->Files.size()}, Positions))
    return Status;
  if (int Status = handleFixes(Cmd, Result))
    return Status;
  if (!Cmd.Quiet)
    fmt::print(stderr, "{}",
               summaryText(Result, R, {Input->Files.size(), Jobs->size(), Elapsed.count()},
                           ProjectRoot));
  if (Cmd.Stats)
    fmt::print(stderr, "{}", statsText(Result, Jobs->size()));
  return exitCode(Cmd, Result, R);
}

} // namespace modlint
