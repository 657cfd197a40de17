#include "cli/UnitMode.h"

#include "cli/Output.h"
#include "core/AtomicFile.h"
#include "CLI/CLI.hpp"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace modlint {

namespace {
/// A path as a Makefile rule (and Ninja's depfile reader) spells it: blanks,
/// `#` and `\` escaped with a backslash, `$` doubled.
std::string makeEscaped(const std::string &Path) {
  std::string Out;
  for (char C : Path) {
    if (C == ' ' || C == '\t' || C == '#' || C == '\\')
      Out += '\\';
    else if (C == '$')
      Out += '$';
    Out += C;
  }
  return Out;
}

/// A --keep-prefixes run writes nothing but the cache.
std::optional<std::string> applyKeepPrefixes(CommandLine &Out) {
  if (!Out.Unit.empty() || Out.Merge || Out.UpdateBaseline || Out.Fix ||
      !Out.OutputFile.empty() || !Out.Depfile.empty() || !Out.WriteBaseline.empty() ||
      !Out.ExportFixesFile.empty())
    return std::string("--keep-prefixes reports nothing, so it writes no report, depfile, "
                       "baseline or fix, and is not part of --unit or 'merge'");
  if (Out.NoCache || Out.NoSharedPrefix)
    return std::string("--keep-prefixes keeps prefixes in the cache for units to share: it "
                       "cannot go with --no-cache or --no-shared-prefix");
  Out.Quiet = true;
  return std::nullopt;
}
} // namespace

void addUnitFlags(CLI::App &App, CommandLine &Out) {
  const std::string Group = "Build-system rules";
  App.add_option("--unit", Out.Unit,
                 "Lint this one file (all its commands) as a build step: JSON, no "
                 "progress, exit 0 on findings unless --format or --fail-on are given; "
                 "combine the outputs with 'modlint merge'")
      ->group(Group);
  App.add_flag("--keep-prefixes", Out.KeepPrefixes,
               "Precompile the library headers the PATHs start with into the cache, for "
               "their --unit steps to share, and report nothing (a thread with no prefix "
               "left to build lints units into the cache while the last ones are built): "
               "a build rule that runs before those steps")
      ->group(Group);
  App.add_option("--depfile", Out.Depfile,
                 "Write a Makefile-style depfile: the report (-o) depends on every file "
                 "the run read")
      ->group(Group);
}

std::optional<std::string> applyUnitMode(const CLI::App &App, CommandLine &Out) {
  if (Out.KeepPrefixes)
    return applyKeepPrefixes(Out);
  if (!Out.Depfile.empty() && Out.OutputFile.empty())
    return std::string("--depfile names what the report depends on, so it needs -o");
  if (Out.Unit.empty())
    return std::nullopt;
  if (!Out.Paths.empty())
    return "--unit lints one file; give no other PATH (got '" + Out.Paths.front() + "')";
  if (Out.Merge || Out.UpdateBaseline)
    return std::string("--unit is a run of its own, not part of 'merge' or 'baseline update'");
  Out.Paths = {Out.Unit};
  Out.Quiet = true;
  if (App.count("--format") == 0)
    Out.Format = OutputFormat::Json;
  if (App.count("--fail-on") == 0)
    Out.FailOn = Threshold::None;
  return std::nullopt;
}

void makeStepDirectories(const CommandLine &Cmd) {
  if (Cmd.Unit.empty())
    return;
  // A directory that cannot be made is reported by the outputs' own
  // check, which follows (cannot write '...': why).
  for (const std::string *Output : {&Cmd.OutputFile, &Cmd.Depfile})
    if (*Output != "-")
      (void)llvm::sys::fs::create_directories(llvm::sys::path::parent_path(*Output));
}

int writeDepfile(const CommandLine &Cmd, const LintResult &Result) {
  if (Cmd.Depfile.empty())
    return ExitClean;
  std::string Text = makeEscaped(Cmd.OutputFile) + ":";
  for (const std::string &Input : Result.Inputs)
    Text += " \\\n  " + makeEscaped(Input);
  Text += "\n";
  if (llvm::Error Err = writeFileAtomically(Cmd.Depfile, Text))
    return usageError(llvm::toString(std::move(Err)));
  return ExitClean;
}

} // namespace modlint
