#include "LintRunner.h"

#include "FastPath.h"
#include "PrefixPch.h"
#include "ResultCache.h"
#include "StackGuard.h"
#include "SuppressionRecorder.h"
#include "ToolSetup.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Signals.h"
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
    collectInputs(getCompilerInstance().getSourceManager(), Inputs);
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
JobResult runJob(const LintJob &Job, std::vector<std::string> &Inputs,
                 const BuiltPrefix *Prefix) {
  std::unique_ptr<ClangTidyContext> Context = makeContext(Job.Options);
  ClangTidyDiagnosticConsumer Consumer(*Context, /*ExternalDiagEngine=*/nullptr,
                                       /*RemoveIncompatibleErrors=*/true);
  SuppressionRecorder Recorder(*Context, Consumer);
  DiagnosticsEngine Engine(new DiagnosticIDs(), new DiagnosticOptions(),
                           &Recorder, /*ShouldOwnClient=*/false);
  Context->setDiagnosticsEngine(&Engine);

  OneCommandTool Setup(Job.Command, Job.File);
  tooling::ClangTool &Tool = Setup.tool();
  Tool.setDiagnosticConsumer(&Consumer);
  PrefixUse Use;
  const bool OnPrefix = Prefix && usePrefix(Tool, *Prefix, Job.File, Use);
  LintActionFactory Factory(*Context, Job, Inputs);
  JobResult Result;
  Result.Compiled = Tool.run(&Factory) == 0;
  if (OnPrefix) {
    // The prefix's files stand for the lines blanked in this one.
    llvm::erase(Inputs, Prefix->Prefix->HeaderPath);
    Inputs.insert(Inputs.end(), Prefix->Inputs.begin(), Prefix->Inputs.end());
    llvm::sort(Inputs);
    Inputs.erase(std::unique(Inputs.begin(), Inputs.end()), Inputs.end());
  }
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

/// Runs one parse so that a crash inside Clang or a check (an assertion, a
/// segfault, an exhausted stack) ends it alone: the run goes on and reports
/// it. False when it crashed. The stack guard lives outside the recovery so
/// it is torn down normally after a crash.
bool survives(llvm::function_ref<void()> Parse) {
  UnitStack Stack;
  llvm::CrashRecoveryContext Recovery;
  return Recovery.RunSafely(Parse);
}

/// Runs one job, isolated; false when it crashed.
bool runIsolated(const LintJob &Job, const BuiltPrefix *Prefix, JobResult &Result,
                 ResultCache *Cache) {
  std::vector<std::string> Inputs;
  if (!survives([&] { Result = runJob(Job, Inputs, Prefix); })) {
    Result = JobResult();
    Result.Compiled = false;
    return false;
  }
  if (Cache)
    Cache->store(Job, Result, Inputs);
  return true;
}

/// A directory for the run's precompiled prefixes, removed with them at the
/// end, and on a signal.
class PrefixDirectory {
public:
  PrefixDirectory() {
    if (llvm::sys::fs::createUniqueDirectory("modlint-prefixes", Path))
      Path.clear();
  }
  ~PrefixDirectory() {
    for (const std::string &File : Files) {
      llvm::sys::fs::remove(File);
      llvm::sys::DontRemoveFileOnSignal(File);
    }
    if (!Path.empty())
      llvm::sys::fs::remove(Path);
  }
  /// Where prefix `N` goes; empty when there is no directory.
  std::string file(size_t N) {
    if (Path.empty())
      return {};
    llvm::SmallString<256> File(Path);
    llvm::sys::path::append(File, "prefix-" + std::to_string(N) + ".pch");
    llvm::sys::RemoveFileOnSignal(File);
    Files.push_back(std::string(File));
    return Files.back();
  }

private:
  llvm::SmallString<256> Path;
  std::vector<std::string> Files;
};
} // namespace

LintResult runJobs(const std::vector<LintJob> &Jobs, unsigned Threads,
                   const ProgressFn &Progress, ResultCache *Cache, bool SharePrefixes) {
  std::vector<JobResult> Results(Jobs.size());
  std::vector<char> Crashed(Jobs.size(), 0);
  std::vector<char> Pending(Jobs.size(), 0);
  std::vector<char> OnPrefix(Jobs.size(), 0), ParsedAgain(Jobs.size(), 0);
  std::vector<std::vector<IncludeLine>> Includes(Jobs.size());
  std::mutex ProgressMutex;
  size_t Done = 0;
  auto Finished = [&](size_t I) {
    std::lock_guard<std::mutex> Lock(ProgressMutex);
    ++Done;
    if (Progress)
      Progress(Done, Jobs.size(), Jobs[I]);
  };
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(std::max(1u, Threads)));

  // Unchanged units come from the cache; the others' first includes are read
  // to see what they share.
  for (size_t I = 0; I < Jobs.size(); ++I)
    Pool.async([&, I] {
      if (std::optional<CachedResult> Cached = Cache ? Cache->lookup(Jobs[I]) : std::nullopt) {
        Results[I] = std::move(*Cached);
        Finished(I);
        return;
      }
      Pending[I] = 1;
      if (!SharePrefixes)
        return;
      if (auto Text = llvm::MemoryBuffer::getFile(Jobs[I].File, /*IsText=*/false,
                                                  /*RequiresNullTerminator=*/false))
        Includes[I] = leadingIncludes((*Text)->getBuffer());
    });
  Pool.wait();

  // Shared prefixes are precompiled before the units that use them.
  const PrefixPlan Plan = planSharedPrefixes(
      Jobs, std::vector<bool>(Pending.begin(), Pending.end()), Includes);
  std::optional<PrefixDirectory> Directory;
  if (!Plan.Prefixes.empty())
    Directory.emplace();
  std::vector<BuiltPrefix> Built(Plan.Prefixes.size());
  for (size_t P = 0; P < Built.size(); ++P) {
    Built[P].Prefix = &Plan.Prefixes[P];
    Built[P].PchPath = Directory->file(P);
    if (Built[P].PchPath.empty())
      continue;
    Pool.async([&, P] {
      if (!survives([&] { precompilePrefix(Built[P]); }))
        Built[P].Built = false;
    });
  }
  Pool.wait();

  for (size_t I = 0; I < Jobs.size(); ++I) {
    if (!Pending[I])
      continue;
    Pool.async([&, I] {
      const std::optional<size_t> P = Plan.PrefixOf[I];
      const BuiltPrefix *Prefix = P && Built[*P].Built ? &Built[*P] : nullptr;
      bool Survived = runIsolated(Jobs[I], Prefix, Results[I], Cache);
      // On top of a prefix, a unit that fails is parsed again plainly, so
      // that its errors, or its crash, are its own.
      if (Prefix && (!Survived || !Results[I].Compiled)) {
        Survived = runIsolated(Jobs[I], nullptr, Results[I], Cache);
        ParsedAgain[I] = 1;
      }
      Crashed[I] = !Survived;
      OnPrefix[I] = Prefix != nullptr;
      Finished(I);
    });
  }
  Pool.wait();

  // Merged in job order, then sorted: the same for any number of workers.
  LintResult Merged;
  Merged.Work.FromCache = Jobs.size() - llvm::count(Pending, 1);
  Merged.Work.SharedPrefixes = llvm::count_if(Built, [](const BuiltPrefix &B) { return B.Built; });
  Merged.Work.OnSharedPrefix = llvm::count(OnPrefix, 1);
  Merged.Work.ParsedAgain = llvm::count(ParsedAgain, 1);
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
