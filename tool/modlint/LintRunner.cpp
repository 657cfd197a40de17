#include "LintRunner.h"

#include "FastPath.h"
#include "ResultCache.h"
#include "StackGuard.h"
#include "SuppressionRecorder.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <mutex>
#include <tuple>

using namespace clang;
using namespace clang::tidy;

namespace modlint {

namespace {
/// modlint's frontend action: the checks' AST consumer, built by the same
/// factory clang-tidy uses, behind the fast path.
class LintAction : public ASTFrontendAction {
public:
  LintAction(ClangTidyASTConsumerFactory &Factory, const LintJob &Job,
             std::vector<std::string> &Inputs)
      : Factory(Factory), Job(Job), Inputs(Inputs) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    return withFastPath(Factory.createASTConsumer(Compiler, File),
                        std::make_unique<ProjectFiles>(
                            Compiler.getSourceManager(),
                            ReportScope(Job.ProjectRoot, Job.HeaderFilter)));
  }

  /// Every file the unit read: what its cached result depends on.
  void EndSourceFileAction() override {
    SourceManager &Sources = getCompilerInstance().getSourceManager();
    for (auto It = Sources.fileinfo_begin(); It != Sources.fileinfo_end(); ++It) {
      llvm::SmallString<256> Path(It->first.getName());
      Sources.getFileManager().makeAbsolutePath(Path);
      // `..` stays: removing it lexically is wrong across symlinks
      // (/lib/gcc/../../include is /usr/include on a merged-usr system).
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/false);
      Inputs.push_back(std::string(Path));
    }
    llvm::sort(Inputs);
    Inputs.erase(std::unique(Inputs.begin(), Inputs.end()), Inputs.end());
  }

private:
  ClangTidyASTConsumerFactory &Factory;
  const LintJob &Job;
  std::vector<std::string> &Inputs;
};

class LintActionFactory : public tooling::FrontendActionFactory {
public:
  LintActionFactory(ClangTidyContext &Context, const LintJob &Job,
                    std::vector<std::string> &Inputs)
      : Factory(Context), Job(Job), Inputs(Inputs) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<LintAction>(Factory, Job, Inputs);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *Consumer) override {
    // Without carets the compiler does not print its own "N warnings
    // generated." line; modlint reports findings itself.
    Invocation->getDiagnosticOpts().ShowCarets = false;
    // The fast path decides, body by body, what to skip.
    Invocation->getFrontendOpts().SkipFunctionBodies = true;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCHContainerOps),
                                                Consumer);
  }

private:
  ClangTidyASTConsumerFactory Factory;
  const LintJob &Job;
  std::vector<std::string> &Inputs;
};

/// A database holding one command: a job runs exactly the command it was
/// given, even when the real database has several for the file.
class SingleCommandDatabase : public tooling::CompilationDatabase {
public:
  explicit SingleCommandDatabase(tooling::CompileCommand Command)
      : Command(std::move(Command)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef) const override {
    return {Command};
  }

private:
  tooling::CompileCommand Command;
};

/// Points the parser at Clang's own builtin headers (stddef.h, ...): the
/// modlint binary does not live next to them the way clang does.
tooling::ArgumentsAdjuster resourceDirAdjuster() {
  return [](const tooling::CommandLineArguments &Args, StringRef) {
    for (const std::string &Arg : Args)
      if (StringRef(Arg).starts_with("-resource-dir"))
        return Args;
    tooling::CommandLineArguments Adjusted = Args;
    Adjusted.push_back("-resource-dir=" MODLINT_CLANG_RESOURCE_DIR);
    return Adjusted;
  };
}

/// Diagnostics name files as the compile command spelled them, relative to
/// the command's directory when the include path was relative.
void makeAbsolute(std::string &Path, StringRef Directory) {
  if (Path.empty() || llvm::sys::path::is_absolute(Path))
    return;
  llvm::SmallString<256> Absolute(Directory);
  llvm::sys::path::append(Absolute, Path);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  Path = std::string(Absolute);
}

void makeAbsolute(tooling::DiagnosticMessage &Message, StringRef Directory) {
  makeAbsolute(Message.FilePath, Directory);
  for (tooling::FileByteRange &Range : Message.Ranges)
    makeAbsolute(Range.FilePath, Directory);
  llvm::StringMap<tooling::Replacements> Fixes;
  for (const auto &[File, Replacements] : Message.Fix)
    for (const tooling::Replacement &R : Replacements) {
      std::string Path = R.getFilePath().str();
      makeAbsolute(Path, Directory);
      llvm::consumeError(Fixes[Path].add(tooling::Replacement(
          Path, R.getOffset(), R.getLength(), R.getReplacementText())));
    }
  Message.Fix = std::move(Fixes);
}

/// Absolute paths everywhere; header findings only where the job wants them.
std::vector<ClangTidyError> keepReported(std::vector<ClangTidyError> Errors,
                                         const LintJob &Job) {
  const ReportScope Scope(Job.ProjectRoot, Job.HeaderFilter);
  std::vector<ClangTidyError> Kept;
  for (ClangTidyError &Error : Errors) {
    makeAbsolute(Error.Message, Error.BuildDirectory);
    for (tooling::DiagnosticMessage &Note : Error.Notes)
      makeAbsolute(Note, Error.BuildDirectory);
    const std::string &File = Error.Message.FilePath;
    const bool Reported =
        Error.DiagLevel == tooling::Diagnostic::Error || File.empty() ||
        File == Job.File || Scope.covers(File);
    if (Reported)
      Kept.push_back(std::move(Error));
  }
  return Kept;
}

std::unique_ptr<ClangTidyContext> makeContext(const ClangTidyOptions &Options) {
  return std::make_unique<ClangTidyContext>(
      std::make_unique<DefaultOptionsProvider>(ClangTidyGlobalOptions(),
                                               Options));
}

using JobResult = CachedResult;

/// Everything a job touches is its own: context, consumer, diagnostics
/// engine, and a file system whose working directory is per instance (the
/// default one changes the process's working directory).
JobResult runJob(const LintJob &Job, std::vector<std::string> &Inputs) {
  std::unique_ptr<ClangTidyContext> Context = makeContext(Job.Options);
  ClangTidyDiagnosticConsumer Consumer(*Context, /*ExternalDiagEngine=*/nullptr,
                                       /*RemoveIncompatibleErrors=*/true);
  SuppressionRecorder Recorder(*Context, Consumer);
  DiagnosticsEngine Engine(new DiagnosticIDs(), new DiagnosticOptions(),
                           &Recorder, /*ShouldOwnClient=*/false);
  Context->setDiagnosticsEngine(&Engine);

  SingleCommandDatabase Database(Job.Command);
  tooling::ClangTool Tool(Database, {Job.File},
                          std::make_shared<PCHContainerOperations>(),
                          llvm::vfs::createPhysicalFileSystem());
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  Tool.appendArgumentsAdjuster(resourceDirAdjuster());
  Tool.setDiagnosticConsumer(&Consumer);
  Tool.setPrintErrorMessage(false);
  LintActionFactory Factory(*Context, Job, Inputs);
  JobResult Result;
  Result.Compiled = Tool.run(&Factory) == 0;
  Result.Diagnostics = keepReported(Consumer.take(), Job);
  Result.Suppressed = keepReported(Recorder.take(), Job);
  return Result;
}

/// Sorted by place, then check and message; identical findings (the same
/// header finding from several units) collapse into one.
void sortAndDeduplicate(std::vector<ClangTidyError> &Errors) {
  auto Key = [](const ClangTidyError &E) {
    return std::make_tuple(std::cref(E.Message.FilePath), E.Message.FileOffset,
                           std::cref(E.DiagnosticName),
                           std::cref(E.Message.Message));
  };
  llvm::stable_sort(Errors, [&](const ClangTidyError &A, const ClangTidyError &B) {
    return Key(A) < Key(B);
  });
  Errors.erase(std::unique(Errors.begin(), Errors.end(),
                           [&](const ClangTidyError &A, const ClangTidyError &B) {
                             return Key(A) == Key(B);
                           }),
               Errors.end());
}
} // namespace

LintResult runJobs(const std::vector<LintJob> &Jobs, unsigned Threads,
                   const ProgressFn &Progress, ResultCache *Cache) {
  std::vector<JobResult> Results(Jobs.size());
  std::vector<char> Crashed(Jobs.size(), 0);
  std::mutex ProgressMutex;
  size_t Done = 0;
  {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(std::max(1u, Threads)));
    for (size_t I = 0; I < Jobs.size(); ++I)
      Pool.async([&, I] {
        if (std::optional<CachedResult> Cached = Cache ? Cache->lookup(Jobs[I]) : std::nullopt) {
          Results[I] = std::move(*Cached);
        } else {
          // A crash inside Clang or a check (an assertion, a segfault, an
          // exhausted stack) ends this unit only: the run goes on and
          // reports it. The stack guard lives outside the recovery so it is
          // torn down normally after a crash.
          std::vector<std::string> Inputs;
          UnitStack Stack;
          llvm::CrashRecoveryContext Recovery;
          if (Recovery.RunSafely([&] { Results[I] = runJob(Jobs[I], Inputs); })) {
            if (Cache)
              Cache->store(Jobs[I], Results[I], Inputs);
          } else {
            Results[I] = JobResult();
            Results[I].Compiled = false;
            Crashed[I] = 1;
          }
        }
        std::lock_guard<std::mutex> Lock(ProgressMutex);
        ++Done;
        if (Progress)
          Progress(Done, Jobs.size(), Jobs[I]);
      });
    Pool.wait();
  }
  // Merged in job order, then sorted: the same for any number of workers.
  LintResult Merged;
  for (size_t I = 0; I < Jobs.size(); ++I) {
    for (ClangTidyError &E : Results[I].Diagnostics)
      Merged.Diagnostics.push_back(std::move(E));
    for (ClangTidyError &E : Results[I].Suppressed)
      Merged.Suppressed.push_back(std::move(E));
    std::vector<std::string> &Failed = Crashed[I] ? Merged.CrashedFiles : Merged.FailedFiles;
    if (!Results[I].Compiled && (Failed.empty() || Failed.back() != Jobs[I].File))
      Failed.push_back(Jobs[I].File);
  }
  sortAndDeduplicate(Merged.Diagnostics);
  sortAndDeduplicate(Merged.Suppressed);
  return Merged;
}

std::vector<std::string> enabledChecks(const ClangTidyOptions &Options) {
  std::unique_ptr<ClangTidyContext> Context = makeContext(Options);
  return ClangTidyASTConsumerFactory(*Context).getCheckNames();
}

} // namespace modlint
