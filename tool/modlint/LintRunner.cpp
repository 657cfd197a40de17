#include "LintRunner.h"

#include "CheckSession.h"
#include "PrefixPch.h"
#include "ResultCache.h"
#include "StackGuard.h"
#include "UnitParse.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include <mutex>
#include <tuple>

using namespace clang;
using namespace clang::tidy;

namespace modlint {

namespace {
using JobResult = CachedResult;

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
  ParsedUnit Parsed;
  if (!survives([&] { Parsed = parseUnit(Job, Prefix); })) {
    Result = JobResult();
    Result.Compiled = false;
    return false;
  }
  Result = JobResult{std::move(Parsed.Own), Parsed.Compiled};
  // The findings in the prefix's shared bodies are this unit's too.
  if (Parsed.OnPrefix) {
    llvm::append_range(Result.Diagnostics, Prefix->Findings.Diagnostics);
    llvm::append_range(Result.Suppressed, Prefix->Findings.Suppressed);
  }
  if (Cache)
    Cache->store(Job, Result, Parsed.Inputs);
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
  /// Where link `L` of prefix `N` goes; empty when there is no directory.
  std::string file(size_t N, size_t L) {
    if (Path.empty())
      return {};
    llvm::SmallString<256> File(Path);
    llvm::sys::path::append(File, "prefix-" + std::to_string(N) + "-" + std::to_string(L) + ".pch");
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
    for (size_t L = 0; L < Plan.Prefixes[P].Links.size(); ++L)
      Built[P].PchPaths.push_back(Directory->file(P, L));
    if (llvm::is_contained(Built[P].PchPaths, ""))
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
  for (const BuiltPrefix &B : Built)
    if (B.Built)
      Merged.Work.PrefixFindings += B.Findings.Diagnostics.size() + B.Findings.Suppressed.size();
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
