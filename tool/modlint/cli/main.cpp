// modlint: lints a source tree's shared modules for data races.
#include "catalog/RuleCatalog.h"
#include "cli/CommandLine.h"
#include "cli/LintCommand.h"
#include "cli/MergeCommand.h"
#include "cli/Output.h"
#include "cli/ResponseFiles.h"
#include "config/Config.h"
#include "core/Paths.h"
#include "engine/parse/CheckSession.h"
#include "engine/parse/StackGuard.h"

#include "fmt/format.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"
#include <csignal>
#include <unistd.h>

using namespace modlint;

namespace {
int explain(const std::string &Id) {
  for (const Rule &R : builtinRules())
    if (R.Id == Id) {
      fmt::print("{}", explainRule(R));
      return ExitClean;
    }
  return usageError("no check named '" + Id + "'; the checks are:" + ruleIdList());
}

/// --dump-config and --list-checks: the configuration of the first PATH, or
/// of the current directory.
int describeConfiguration(const CommandLine &Cmd) {
  auto Config = configResolver(Cmd).resolve(
      absolutePath(Cmd.Paths.empty() ? "." : Cmd.Paths.front()));
  if (!Config)
    return usageError(llvm::toString(Config.takeError()));
  if (Cmd.DumpConfig)
    fmt::print("{}", Config->dump());
  else
    for (const std::string &Check : enabledChecks(Config->tidyOptions()))
      fmt::print("{}\n", Check);
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
  llvm::BumpPtrAllocator Arena;
  llvm::SmallVector<const char *, 64> Args(Argv, Argv + Argc);
  if (llvm::Error Unreadable = expandResponseFiles(Arena, Args))
    return usageError(llvm::toString(std::move(Unreadable)));
  Argc = static_cast<int>(Args.size());
  Argv = Args.data();
  llvm::sys::SetInterruptFunction(onInterrupt);
  // A write past the file-size limit (`ulimit -f`) fails like one to a full
  // disk: an error to report, not a signal that ends the run. (LLVM's crash
  // handler, installed just above, would take SIGXFSZ for a crash.)
  ::signal(SIGXFSZ, SIG_IGN);
  // A crash in one unit's analysis must not end the run (see runJobs).
  llvm::CrashRecoveryContext::Enable();
  runCrashHandlersOnAlternateStack();
  // `FILE... -- ARGS`: everything after `--` is the compile command for
  // each FILE. modlint's own flags come first, so that one given after
  // `--` is named as such rather than passed to the compiler.
  int Flags = 1;
  while (Flags < Argc && llvm::StringRef(Argv[Flags]) != "--")
    ++Flags;
  CommandLine Cmd;
  if (std::optional<int> Exit = parseCommandLine(Flags, Argv, Cmd, Argc))
    return *Exit;
  std::string FixedError;
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(Argc, Argv, FixedError);
  if (!FixedError.empty())
    return usageError(FixedError);
  if (Cmd.Explain)
    return explain(*Cmd.Explain);
  if (Cmd.Merge)
    return mergeCommand(Cmd);
  if (Cmd.DumpConfig || Cmd.ListChecks)
    return describeConfiguration(Cmd);
  return lintCommand(Cmd, std::move(Fixed));
}
