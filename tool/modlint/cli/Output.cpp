#include "cli/Output.h"

#include "catalog/RuleCatalog.h"
#include "core/AtomicFile.h"
#include "report/DiagnosticPrinter.h"
#include "report/Fixes.h"
#include "report/GithubReport.h"
#include "report/SarifReport.h"
#include "fmt/format.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace modlint {

namespace {
bool useColors(ColorMode Mode, bool ToTerminal) {
  if (Mode != ColorMode::Auto)
    return Mode == ColorMode::Always;
  return ToTerminal && !llvm::sys::Process::GetEnv("NO_COLOR");
}

/// `OnlyAcrossUnits`: the units' own findings were streamed already.
void writeText(const Report &R, bool Colors, bool OnlyAcrossUnits, llvm::raw_ostream &OS) {
  DiagnosticPrinter Printer(OS, Colors);
  // Against a baseline, only what is new is worth a person's attention.
  for (const ReportEntry &Entry : R.Entries)
    if (!Entry.Suppressed && Entry.State != BaselineState::Unchanged &&
        (Entry.AcrossUnits || !OnlyAcrossUnits))
      Printer.print(*Entry.Error);
}
} // namespace

bool streamsFindings(const CommandLine &Cmd) {
  return Cmd.Format == OutputFormat::Text && Cmd.OutputFile.empty() && !Cmd.Sort &&
         !Cmd.KeepPrefixes; // reports nothing, not even the units from the cache
}

bool textColors(const CommandLine &Cmd) {
  return useColors(Cmd.Color,
                   Cmd.OutputFile.empty() && llvm::sys::Process::StandardOutIsDisplayed());
}

llvm::Error refuseOutputOverInput(const std::string &Output, const std::vector<std::string> &Inputs) {
  for (const std::string &Input : Inputs)
    if (!Output.empty() && !Input.empty() && llvm::sys::fs::equivalent(Output, Input))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "the output file '" + Output + "' is '" + Input +
                                         "', an input of the run; give another path");
  return llvm::Error::success();
}

llvm::Expected<std::optional<Baseline>> baselineOf(const CommandLine &Cmd) {
  if (Cmd.BaselineFile.empty())
    return std::nullopt;
  auto Read = readBaseline(Cmd.BaselineFile);
  if (!Read)
    return Read.takeError();
  return std::optional<Baseline>(std::move(*Read));
}

int usageError(const std::string &Message) {
  fmt::print(stderr, "modlint: error: {}\n", Message);
  return ExitUsage;
}

int writeReport(const LintResult &Result, const Report &R, const CommandLine &Cmd,
                const ReportContext &Context, SourcePositions &Positions) {
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
  case OutputFormat::Text:
    writeText(R, textColors(Cmd), streamsFindings(Cmd), OS);
    break;
  }
  OS.flush();
  // A report is written whole or not at all; standard output ("-") too
  // reports a failed write.
  if (llvm::Error Err = writeFileAtomically(ToFile ? Cmd.OutputFile : "-", Text))
    return usageError(llvm::toString(std::move(Err)));
  return ExitClean;
}

int writeBaselineFile(const CommandLine &Cmd, const Report &R, const std::string &ProjectRoot) {
  if (Cmd.WriteBaseline.empty())
    return ExitClean;
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeBaselineLog(R, ProjectRoot, OS);
  if (llvm::Error Err = writeFileAtomically(Cmd.WriteBaseline, Text))
    return usageError(llvm::toString(std::move(Err)));
  if (!Cmd.Quiet) {
    const size_t Kept = llvm::count_if(R.Entries, [](const ReportEntry &E) { return !E.Suppressed; });
    fmt::print(stderr, "modlint: wrote the baseline {}: {} finding{} accepted\n",
               Cmd.WriteBaseline, Kept, Kept == 1 ? "" : "s");
  }
  return ExitClean;
}

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

} // namespace modlint
