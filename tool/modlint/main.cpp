// modlint: lints a source tree's shared modules for data races.
#include "AtomicFile.h"
#include "CommandLine.h"
#include "CompileDatabase.h"
#include "Config.h"
#include "DiagnosticPrinter.h"
#include "Fixes.h"
#include "GithubReport.h"
#include "JobPlan.h"
#include "JsonReport.h"
#include "LintRunner.h"
#include "Merge.h"
#include "Progress.h"
#include "Report.h"
#include "ResultCache.h"
#include "RuleCatalog.h"
#include "SarifReport.h"
#include "StackGuard.h"
#include "Summary.h"

#include "fmt/format.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"
#include <unistd.h>
#include <chrono>
#include <thread>

using namespace modlint;

namespace {
int usageError(const std::string &Message) {
  fmt::print(stderr, "modlint: error: {}\n", Message);
  return ExitUsage;
}

bool useColors(ColorMode Mode, bool ToTerminal) {
  if (Mode != ColorMode::Auto)
    return Mode == ColorMode::Always;
  return ToTerminal && !llvm::sys::Process::GetEnv("NO_COLOR");
}

int explain(const std::string &Id) {
  for (const Rule &R : builtinRules())
    if (R.Id == Id) {
      fmt::print("{}", explainRule(R));
      return ExitClean;
    }
  std::string Known;
  for (const Rule &R : builtinRules())
    Known += "\n  " + R.Id;
  return usageError("no check named '" + Id + "'; the checks are:" + Known);
}

/// The units to lint and the database they come from.
struct Selection {
  std::unique_ptr<clang::tooling::CompilationDatabase> Database;
  std::vector<std::string> Files;
};

llvm::Expected<Selection>
selectInput(const CommandLine &Cmd,
            std::unique_ptr<clang::tooling::CompilationDatabase> Fixed) {
  auto Fail = [](const std::string &Message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
  };
  Selection S;
  if (Fixed) {
    if (!Cmd.BuildPath.empty())
      return Fail("give either -p BUILD_DIR or '-- COMPILER_ARGS', not both");
    if (Cmd.Paths.empty())
      return Fail("no source files given before '--'");
    for (const std::string &Path : Cmd.Paths) {
      if (!llvm::sys::fs::is_regular_file(Path))
        return Fail("no such file: '" + Path + "'");
      S.Files.push_back(absolutePath(Path));
    }
    S.Database = std::move(Fixed);
    return S;
  }
  if (Cmd.BuildPath.empty())
    return Fail("no compilation database: give -p BUILD_DIR, or source files "
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

int writeReport(const LintResult &Result, const Report &R,
                const CommandLine &Cmd, const ReportContext &Context,
                SourcePositions &Positions) {
  const bool ToFile = !Cmd.OutputFile.empty();
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  switch (Cmd.Format) {
  case OutputFormat::Json:
    writeJsonReport(Result, R, Context, Positions, OS);
    break;
  case OutputFormat::Sarif:
    writeSarif(R, builtinRules(), {Context.ProjectRoot, Result}, Positions, OS);
    break;
  case OutputFormat::Github:
    writeGithubAnnotations(R, Context.ProjectRoot, Positions, OS);
    break;
  case OutputFormat::Text: {
    DiagnosticPrinter Printer(
        OS, useColors(Cmd.Color,
                      !ToFile && llvm::sys::Process::StandardOutIsDisplayed()));
    // Against a baseline, only what is new is worth a person's attention.
    for (const ReportEntry &Entry : R.Entries)
      if (!Entry.Suppressed && Entry.State != BaselineState::Unchanged)
        Printer.print(*Entry.Error);
    break;
  }
  }
  OS.flush();
  if (!ToFile) {
    llvm::outs() << Text;
    llvm::outs().flush();
    return ExitClean;
  }
  // A report is written whole or not at all.
  if (llvm::Error Err = writeFileAtomically(Cmd.OutputFile, Text))
    return usageError(llvm::toString(std::move(Err)));
  return ExitClean;
}

int merge(const CommandLine &Cmd) {
  auto Merged = mergeReports(Cmd.MergeInputs, Cmd.FailOn);
  if (!Merged)
    return usageError(llvm::toString(Merged.takeError()));
  if (Cmd.OutputFile.empty()) {
    llvm::outs() << Merged->Text;
  } else if (llvm::Error Err = writeFileAtomically(Cmd.OutputFile, Merged->Text)) {
    return usageError(llvm::toString(std::move(Err)));
  }
  return Merged->FailsGate ? ExitFindings : ExitClean;
}

/// --fix and --export-fixes, on the findings that are reported.
int handleFixes(const CommandLine &Cmd, const LintResult &Result) {
  if (!Cmd.ExportFixesFile.empty())
    if (llvm::Error Err = exportFixes(Result.Diagnostics, Cmd.ExportFixesFile))
      return usageError(llvm::toString(std::move(Err)));
  if (Cmd.Fix) {
    auto Changed = applyFixes(Result.Diagnostics);
    if (!Changed)
      return usageError(llvm::toString(Changed.takeError()));
    if (!Cmd.Quiet)
      fmt::print(stderr, "modlint: applied fix-its to {} file{}\n", *Changed,
                 *Changed == 1 ? "" : "s");
  }
  return ExitClean;
}

/// Ctrl-C or SIGTERM: reports are written through a temporary file, which
/// LLVM's signal handler removes before calling this, so nothing half
/// written is left; stop at once.
void onInterrupt() {
  static const char Message[] = "\nmodlint: interrupted\n";
  (void)!::write(2, Message, sizeof(Message) - 1);
  ::_exit(130);
}
} // namespace

int main(int Argc, const char **Argv) {
  llvm::InitLLVM Init(Argc, Argv);
  llvm::sys::SetInterruptFunction(onInterrupt);
  // A crash in one unit's analysis must not end the run (see runJobs).
  llvm::CrashRecoveryContext::Enable();
  runCrashHandlersOnAlternateStack();
  // `FILE... -- ARGS`: everything after `--` is the compile command for
  // each FILE, and Argc is cut there.
  std::string FixedError;
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
          Argc, Argv, FixedError);
  if (!FixedError.empty())
    return usageError(FixedError);

  CommandLine Cmd;
  if (std::optional<int> Exit = parseCommandLine(Argc, Argv, Cmd))
    return *Exit;
  if (Cmd.Explain)
    return explain(*Cmd.Explain);
  if (Cmd.Merge)
    return merge(Cmd);

  const std::string ProjectRoot =
      absolutePath(Cmd.ProjectRoot.empty() ? "." : Cmd.ProjectRoot);
  ConfigResolver Configs(
      Cmd.ConfigFile ? std::optional<std::string>(absolutePath(*Cmd.ConfigFile))
                     : std::nullopt,
      Cmd.Flags);
  if (Cmd.DumpConfig || Cmd.ListChecks) {
    auto Config =
        Configs.resolve(absolutePath(Cmd.Paths.empty() ? "." : Cmd.Paths.front()));
    if (!Config)
      return usageError(llvm::toString(Config.takeError()));
    if (Cmd.DumpConfig)
      fmt::print("{}", Config->dump());
    else
      for (const std::string &Check : enabledChecks(Config->tidyOptions()))
        fmt::print("{}\n", Check);
    return ExitClean;
  }

  auto Input = selectInput(Cmd, std::move(Fixed));
  if (!Input)
    return usageError(llvm::toString(Input.takeError()));
  if (Cmd.ShardCount > 1)
    llvm::erase_if(Input->Files, [&](const std::string &File) {
      return !inShard(relativeTo(File, ProjectRoot), Cmd.ShardIndex, Cmd.ShardCount);
    });
  // A database entry whose file is gone: said once, and the rest is linted.
  std::vector<std::string> Missing;
  llvm::erase_if(Input->Files, [&](const std::string &File) {
    if (llvm::sys::fs::exists(File))
      return false;
    Missing.push_back(File);
    return true;
  });
  for (const std::string &File : Missing)
    fmt::print(stderr, "modlint: error: the compilation database names '{}', "
                       "which does not exist\n",
               File);
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
  std::optional<ResultCache> Cache;
  if (!Cmd.NoCache)
    Cache.emplace(Cmd.CacheDir.empty() ? ResultCache::defaultDirectory()
                                       : absolutePath(Cmd.CacheDir));
  LintResult Result;
  {
    Progress Line(!Cmd.Quiet);
    Result = runJobs(
        *Jobs, Cmd.Jobs ? Cmd.Jobs : std::max(1u, std::thread::hardware_concurrency()),
        [&](size_t Done, size_t Total, const LintJob &Job) {
          Line.update(Done, Total, relativeTo(Job.File, ProjectRoot));
        },
        Cache ? &*Cache : nullptr, !Cmd.NoSharedPrefix);
  }
  const std::chrono::duration<double> Elapsed =
      std::chrono::steady_clock::now() - Start;
  Result.MissingFiles = std::move(Missing);

  SourcePositions Positions;
  Report R = buildReport(Result, ProjectRoot, Positions);
  if (Old)
    compareWithBaseline(R, *Old);
  if (int Status = writeReport(Result, R, Cmd, {ProjectRoot, Input->Files.size()},
                               Positions))
    return Status;
  if (int Status = handleFixes(Cmd, Result))
    return Status;
  if (!Cmd.Quiet)
    fmt::print(stderr, "{}",
               summaryText(Result, R,
                           {Input->Files.size(), Jobs->size(), Elapsed.count()},
                           ProjectRoot));
  if (Cmd.Stats)
    fmt::print(stderr, "{}", statsText(Result, Jobs->size()));
  // An incomplete analysis fails the run: a crash always, a unit that does
  // not compile or is missing unless --allow-compile-errors.
  if (!Result.CrashedFiles.empty() ||
      (!Cmd.AllowCompileErrors && !Result.complete()))
    return ExitUsage;
  return failsGate(R, Cmd.FailOn) ? ExitFindings : ExitClean;
}
