// modlint: lints a source tree's shared modules for data races.
#include "CommandLine.h"
#include "CompileDatabase.h"
#include "DiagnosticPrinter.h"
#include "LintRunner.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "fmt/format.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace modlint;
using clang::tidy::ClangTidyOptions;

namespace {
int usageError(const std::string &Message) {
  fmt::print(stderr, "modlint: error: {}\n", Message);
  return ExitUsage;
}

void setOption(ClangTidyOptions &Options, llvm::StringRef Name,
               const std::string &Value) {
  Options.CheckOptions.insert_or_assign(
      Name, ClangTidyOptions::ClangTidyValue(Value));
}

/// The clang-tidy options the command line describes. Options are global
/// (not prefixed by a check name) because every check reads them with
/// getLocalOrGlobal.
ClangTidyOptions tidyOptions(const CommandLine &Cmd) {
  ClangTidyOptions Options = ClangTidyOptions::getDefaults();
  // `-*` first: compiler warnings are the compiler's business, not ours.
  Options.Checks = "-*," + Cmd.Checks;
  // Every non-system header passes clang-tidy's filter: its file names may
  // be relative to a unit's directory, so the project-root filter is applied
  // afterwards on absolute paths (see runLint).
  Options.HeaderFilterRegex = ".*";
  Options.SystemHeaders = false;
  if (!Cmd.ModuleBases.empty())
    setOption(Options, "ModuleBases", llvm::join(Cmd.ModuleBases, ";"));
  if (!Cmd.SafeTypes.empty())
    setOption(Options, "SafeTypes", llvm::join(Cmd.SafeTypes, ";"));
  if (!Cmd.InitMethods.empty())
    setOption(Options, "InitMethods", llvm::join(Cmd.InitMethods, ";"));
  if (Cmd.Strict)
    setOption(Options, "Strict", "true");
  return Options;
}

bool useColors(ColorMode Mode) {
  if (Mode != ColorMode::Auto)
    return Mode == ColorMode::Always;
  return !llvm::sys::Process::GetEnv("NO_COLOR") &&
         llvm::sys::Process::StandardOutIsDisplayed();
}
} // namespace

int main(int Argc, const char **Argv) {
  llvm::InitLLVM Init(Argc, Argv);
  // `FILE... -- ARGS`: everything after `--` is the compile command for
  // each FILE, and Argc is cut there.
  std::string FixedError;
  std::unique_ptr<clang::tooling::CompilationDatabase> Database =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
          Argc, Argv, FixedError);
  if (!FixedError.empty())
    return usageError(FixedError);

  CommandLine Cmd;
  Cmd.HasFixedArguments = Database != nullptr;
  if (std::optional<int> Exit = parseCommandLine(Argc, Argv, Cmd))
    return *Exit;

  const ClangTidyOptions Options = tidyOptions(Cmd);
  if (Cmd.ListChecks) {
    for (const std::string &Check : enabledChecks(Options))
      fmt::print("{}\n", Check);
    return ExitClean;
  }

  std::vector<std::string> Files;
  if (Cmd.HasFixedArguments) {
    if (!Cmd.BuildPath.empty())
      return usageError("give either -p BUILD_DIR or '-- COMPILER_ARGS', "
                        "not both");
    if (Cmd.Paths.empty())
      return usageError("no source files given before '--'");
    for (const std::string &Path : Cmd.Paths)
      Files.push_back(absolutePath(Path));
  } else {
    if (Cmd.BuildPath.empty())
      return usageError("no compilation database: give -p BUILD_DIR, or "
                        "source files followed by '-- COMPILER_ARGS'");
    auto Loaded = loadCompileDatabase(Cmd.BuildPath);
    if (!Loaded)
      return usageError(llvm::toString(Loaded.takeError()));
    Database = std::move(*Loaded);
    auto Selected = selectUnits(*Database, Cmd.Paths);
    if (!Selected)
      return usageError(llvm::toString(Selected.takeError()));
    Files = std::move(*Selected);
  }

  const std::string ProjectRoot =
      absolutePath(Cmd.ProjectRoot.empty() ? "." : Cmd.ProjectRoot);
  LintResult Result = runLint({Database.get(), Files, Options, ProjectRoot});
  DiagnosticPrinter Printer(llvm::outs(), useColors(Cmd.Color));
  unsigned Warnings = 0;
  for (const clang::tidy::ClangTidyError &Diagnostic : Result.Diagnostics) {
    Printer.print(Diagnostic);
    if (Diagnostic.DiagLevel != clang::tooling::Diagnostic::Remark)
      ++Warnings;
  }
  llvm::outs().flush();
  if (Result.HadCompileErrors)
    return ExitUsage;
  return Warnings ? ExitFindings : ExitClean;
}
