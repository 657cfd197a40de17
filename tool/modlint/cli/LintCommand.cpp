#include "cli/LintCommand.h"

#include "cache/CacheDirectory.h"
#include "cache/PrefixStore.h"
#include "cache/ResultCache.h"
#include "cli/CheckProfile.h"
#include "cli/ModuleBases.h"
#include "cli/Output.h"
#include "cli/Progress.h"
#include "cli/Summary.h"
#include "cli/UnitMode.h"
#include "catalog/RuleCatalog.h"
#include "config/CompileDatabase.h"
#include "config/Config.h"
#include "config/JobPlan.h"
#include "config/ProjectRoot.h"
#include "core/AtomicFile.h"
#include "core/InputLimits.h"
#include "core/Paths.h"
#include "engine/LintRunner.h"
#include "engine/parse/CheckSession.h"
#include "report/FindingStream.h"
#include "fmt/format.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <chrono>
#include <thread>

namespace modlint {

namespace {
/// The units to lint and the database they come from.
struct Selection {
  std::unique_ptr<clang::tooling::CompilationDatabase> Database;
  std::vector<std::string> Files;
  /// Named files without a database entry, linted with inferred commands.
  std::vector<std::string> Inferred;
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
  // A file the database lacks (a new file, a header) gets the command of
  // its nearest entry, as clang-tidy and clangd infer one.
  S.Database = clang::tooling::inferMissingCompileCommands(std::move(*Loaded));
  auto Selected = selectUnits(*S.Database, Cmd.Paths);
  if (!Selected)
    return Selected.takeError();
  S.Files = std::move(Selected->Files);
  S.Inferred = std::move(Selected->Inferred);
  return S;
}

/// Refuses -o or --export-fixes naming a file the run reads (the report
/// would overwrite a source, the database, a configuration or the
/// baseline) or a file it could not write.
llvm::Error checkOutputs(const CommandLine &Cmd, const std::vector<std::string> &Files) {
  std::vector<std::string> Inputs = Files;
  llvm::append_range(Inputs, std::vector<std::string>{Cmd.BuildPath, Cmd.ConfigFile.value_or(""),
                                                      Cmd.BaselineFile});
  if (!Cmd.BuildPath.empty())
    Inputs.push_back(Cmd.BuildPath + "/compile_commands.json");
  for (const std::string *Output :
       {&Cmd.OutputFile, &Cmd.ExportFixesFile, &Cmd.WriteBaseline, &Cmd.Depfile}) {
    // The baseline written may replace the one read: that is an update.
    const bool Replaces = Output == &Cmd.WriteBaseline && !Cmd.BaselineFile.empty() &&
                          llvm::sys::fs::equivalent(*Output, Cmd.BaselineFile);
    if (llvm::Error Err = Replaces ? llvm::Error::success() : refuseOutputOverInput(*Output, Inputs))
      return Err;
    // Learnt now, not after a long run whose report would be lost.
    if (llvm::Error Err = checkWritable(*Output))
      return Err;
  }
  return llvm::Error::success();
}

/// `modlint baseline update`: the baseline file is --baseline's, else the
/// project's committed one; an existing one is also compared with, so the
/// summary says what the update adds and drops.
CommandLine withBaselineDefaults(CommandLine Cmd, const std::string &ProjectRoot) {
  if (!Cmd.UpdateBaseline)
    return Cmd;
  if (Cmd.BaselineFile.empty()) {
    Cmd.WriteBaseline = ProjectRoot + "/" + DefaultBaselineName;
    if (llvm::sys::fs::exists(Cmd.WriteBaseline))
      Cmd.BaselineFile = Cmd.WriteBaseline;
  } else {
    Cmd.WriteBaseline = Cmd.BaselineFile;
  }
  return Cmd;
}

/// Keeps this shard's files; removes and returns those that do not exist or
/// are no regular file (a database entry whose file is gone, or a FIFO that
/// would hang the parse, is said once, and the rest is linted).
std::vector<std::string> narrowSelection(const CommandLine &Cmd, const std::string &ProjectRoot,
                                         std::vector<std::string> &Files) {
  if (Cmd.ShardCount > 1)
    llvm::erase_if(Files, [&](const std::string &File) {
      return !inShard(relativeTo(File, ProjectRoot), Cmd.ShardIndex, Cmd.ShardCount);
    });
  std::vector<std::string> Missing;
  llvm::erase_if(Files, [&](const std::string &File) {
    const bool Special = isSpecialFile(File);
    if (!Special && llvm::sys::fs::exists(File))
      return false;
    fmt::print(stderr, "modlint: error: the compilation database names '{}', which {}\n", File,
               Special ? "is not a regular file" : "does not exist");
    Missing.push_back(File);
    return true;
  });
  return Missing;
}

/// The cache directory to use, checked before linting; none with
/// --no-cache, without a home for it, or when it cannot be trusted (said
/// once: the run goes on without the cache).
std::optional<std::string> cacheDirectory(const CommandLine &Cmd) {
  if (Cmd.NoCache || Cmd.Profile) // a unit from the cache would not be timed
    return std::nullopt;
  std::optional<std::string> Directory =
      Cmd.CacheDir.empty() ? defaultCacheDirectory() : absolutePath(Cmd.CacheDir);
  if (!Directory)
    return std::nullopt;
  if (llvm::Error Err = prepareCacheDirectory(*Directory)) {
    fmt::print(stderr, "modlint: warning: not using the result cache: {}\n",
               llvm::toString(std::move(Err)));
    return std::nullopt;
  }
  return Directory;
}

/// -j, or one worker per core.
unsigned threads(const CommandLine &Cmd) {
  return Cmd.Jobs ? Cmd.Jobs : std::max(1u, std::thread::hardware_concurrency());
}

/// What runWithCache shows while it runs.
struct RunDisplay {
  Progress Line;
  /// Findings shown as units finish, unless the report is sorted or not text.
  std::optional<FindingStream> Stream;
  /// The first failed write of streamed findings.
  std::optional<std::string> WriteProblem;
};

/// Shows a finished unit's new findings, the progress line erased first so
/// that it never cuts through them (it is drawn again by the next update).
void showUnit(RunDisplay &Display, const UnitResult &Unit) {
  const std::string Text = Display.Stream->unit(Unit);
  if (Text.empty() || Display.WriteProblem)
    return;
  Display.Line.clear();
  if (llvm::Error Err = writeFileAtomically("-", Text))
    Display.WriteProblem = llvm::toString(std::move(Err));
}

/// Runs the jobs with the cache (unless --no-cache), the progress line and
/// the findings stream.
LintResult runWithCache(const CommandLine &Cmd, const std::vector<LintJob> &Jobs,
                        const std::string &ProjectRoot, RunDisplay &Display) {
  std::optional<ResultCache> Cache;
  // A build step lints one unit: it shares its library headers with the
  // other steps through prefixes kept in the cache.
  std::optional<PrefixStore> KeptPrefixes;
  if (std::optional<std::string> Directory = cacheDirectory(Cmd)) {
    Cache.emplace(*Directory);
    if (!Cmd.Unit.empty() || Cmd.KeepPrefixes)
      KeptPrefixes.emplace(*Directory, Cache->facts());
  }
  RunSettings Settings;
  Settings.Threads = threads(Cmd);
  Settings.SharePrefixes = !Cmd.NoSharedPrefix;
  Settings.KeptPrefixes = KeptPrefixes ? &*KeptPrefixes : nullptr;
  Settings.PrefixesOnly = Cmd.KeepPrefixes;
  Settings.Progress = [&](size_t Done, size_t Total, const LintJob &Job) {
    Display.Line.update(Done, Total, relativeTo(Job.File, ProjectRoot));
  };
  if (Display.Stream)
    Settings.UnitFinished = [&](const LintJob &, const UnitResult &Unit) {
      showUnit(Display, Unit);
    };
  if (Cache) {
    Settings.Reuse.Lookup = [&](const LintJob &Job) { return Cache->lookup(Job); };
    Settings.Reuse.Store = [&](const LintJob &Job, const UnitResult &Result,
                               const std::vector<std::string> &Inputs) {
      Cache->store(Job, Result, Inputs);
    };
  }
  LintResult Result = runJobs(Jobs, Settings);
  Display.Line.clear();
  return Result;
}

/// The exit code once everything is reported. An incomplete analysis fails
/// the run: a crash always, a unit that does not compile or is missing
/// unless --allow-compile-errors.
int exitCode(const CommandLine &Cmd, const LintResult &Result, const Report &R) {
  if (!Result.CrashedFiles.empty() || (!Cmd.AllowCompileErrors && !Result.complete()))
    return ExitUsage;
  // Writing a baseline accepts the findings it writes.
  if (!Cmd.WriteBaseline.empty())
    return ExitClean;
  return failsGate(R, Cmd.FailOn) ? ExitFindings : ExitClean;
}

/// --project-root, or the root found from the working directory and the
/// database (config/ProjectRoot.h).
llvm::Expected<std::string> projectRoot(const CommandLine &Cmd) {
  if (!Cmd.ProjectRoot.empty())
    return absolutePath(Cmd.ProjectRoot);
  std::string DatabaseDirectory;
  if (!Cmd.BuildPath.empty()) {
    DatabaseDirectory = absolutePath(Cmd.BuildPath);
    if (!llvm::sys::fs::is_directory(DatabaseDirectory))
      DatabaseDirectory = llvm::sys::path::parent_path(DatabaseDirectory).str();
  }
  return discoverProjectRoot(absolutePath("."), DatabaseDirectory);
}

/// A run whose `Checks` enable none of modlint's checks (`-*,modlint-nosuch`,
/// a typo) would lint nothing and pass: an error, as in clang-tidy.
llvm::Error refuseNoChecks(const std::vector<LintJob> &Jobs, const CommandLine &Cmd) {
  if (Jobs.empty() || llvm::any_of(Jobs, [](const LintJob &Job) {
        return !enabledChecks(Job.Options).empty();
      }))
    return llvm::Error::success();
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      "the checks '" +
          Cmd.Flags.get(spec(RunOption::Checks))
              .value_or(Jobs.front().Options.Checks.value_or("")) +
          "' enable none of modlint's checks, so nothing would be linted; the checks "
          "are:" + ruleIdList());
}
} // namespace

int lintCommand(const CommandLine &Given,
                std::unique_ptr<clang::tooling::CompilationDatabase> Fixed) {
  auto Root = projectRoot(Given);
  if (!Root)
    return usageError(llvm::toString(Root.takeError()));
  const std::string &ProjectRoot = *Root;
  const CommandLine Cmd = withBaselineDefaults(Given, ProjectRoot);
  auto Input = selectInput(Cmd, std::move(Fixed));
  if (!Input)
    return usageError(llvm::toString(Input.takeError()));
  makeStepDirectories(Cmd);
  if (llvm::Error Err = checkOutputs(Cmd, Input->Files))
    return usageError(llvm::toString(std::move(Err)));
  std::vector<std::string> Missing = narrowSelection(Cmd, ProjectRoot, Input->Files);
  ConfigResolver Configs = configResolver(Cmd);
  auto Jobs = planJobs(*Input->Database, Input->Files, Configs, ProjectRoot);
  if (!Jobs)
    return usageError(llvm::toString(Jobs.takeError()));
  if (llvm::Error Err = refuseNoChecks(*Jobs, Cmd))
    return usageError(llvm::toString(std::move(Err)));
  auto Old = baselineOf(Cmd);
  if (!Old)
    return usageError(llvm::toString(Old.takeError()));

  std::optional<std::string> ProfileDirectory;
  if (Cmd.Profile) {
    auto Started = startCheckProfile(*Jobs);
    if (!Started)
      return usageError(llvm::toString(Started.takeError()));
    ProfileDirectory = *Started;
  }
  // Gone however the run ends (checkProfileText removes it too).
  auto RemoveProfile = llvm::make_scope_exit([&] {
    if (ProfileDirectory)
      llvm::sys::fs::remove_directories(*ProfileDirectory);
  });
  const auto Start = std::chrono::steady_clock::now();
  RunDisplay Display{Progress(!Cmd.Quiet), std::nullopt, std::nullopt};
  if (streamsFindings(Cmd))
    Display.Stream.emplace(ProjectRoot, Old->has_value() ? &**Old : nullptr, textColors(Cmd));
  LintResult Result = runWithCache(Cmd, *Jobs, ProjectRoot, Display);
  const std::chrono::duration<double> Elapsed = std::chrono::steady_clock::now() - Start;
  if (Display.WriteProblem)
    return usageError(*Display.WriteProblem);
  Result.MissingFiles = std::move(Missing);
  if (Cmd.KeepPrefixes) {
    // Nothing linted, nothing to report: the units' own steps report.
    if (Cmd.Stats)
      fmt::print(stderr, "{}", keptPrefixesStatsText(Result, Jobs->size()));
    return ExitClean;
  }

  SourcePositions Positions;
  Report R = buildReport(Result, ProjectRoot, Positions);
  if (*Old)
    compareWithBaseline(R, **Old);
  if (int Status = writeReport(Result, R, Cmd, {ProjectRoot, Input->Files.size()}, Positions))
    return Status;
  if (int Status = handleFixes(Cmd, Result))
    return Status;
  if (int Status = writeBaselineFile(Cmd, R, ProjectRoot))
    return Status;
  if (int Status = writeDepfile(Cmd, Result))
    return Status;
  if (!Cmd.Quiet)
    fmt::print(stderr, "{}",
               summaryText(Result, R, {Input->Files.size(), Jobs->size(), Elapsed.count()},
                           ProjectRoot));
  fmt::print(stderr, "{}", incompleteText(Result, ProjectRoot));
  const ModuleBaseVerdict Modules = moduleBaseVerdict(Cmd, *Jobs, Result);
  fmt::print(stderr, "{}", Modules.Text);
  if (Cmd.Stats)
    fmt::print(stderr, "{}{}", statsText(Result, Jobs->size()),
               inferredText(*Jobs, Input->Inferred, ProjectRoot));
  if (ProfileDirectory)
    fmt::print(stderr, "{}", checkProfileText(*ProfileDirectory, Elapsed.count() * threads(Cmd)));
  return Modules.Fails ? ExitUsage : exitCode(Cmd, Result, R);
}

} // namespace modlint
