#include "engine/LintRunner.h"

#include "engine/CrossUnitLockOrder.h"
#include "engine/UnitParse.h"
#include "engine/parse/StackGuard.h"
#include "engine/prefix/IncludeExpansion.h"
#include "engine/prefix/PrefixFiles.h"
#include "engine/prefix/PrefixPch.h"
#include "engine/prefix/SharedPrefix.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ThreadPool.h"
#include <atomic>
#include <mutex>
#include <tuple>

using namespace clang;
using namespace clang::tidy;

namespace modlint {

namespace {
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

/// What the run learns about one job.
struct JobState {
  UnitResult Result;
  bool Pending = false; // not answered by an earlier run's result
  bool Crashed = false;
  bool OnPrefix = false;
  bool ParsedAgain = false;
  bool Ahead = false; // linted by a PrefixesOnly run, while a core waited
  std::vector<IncludeLine> Includes;
};

/// One run over a list of jobs on one pool: first reuse earlier results and
/// read what the others start with; then precompile the prefixes they share
/// and parse each unit as soon as its prefix (if any) is ready.
class Run {
public:
  Run(const std::vector<LintJob> &Jobs, const RunSettings &Settings)
      : Jobs(Jobs), Settings(Settings), States(Jobs.size()), IsDone(Jobs.size(), false),
        Pool(llvm::hardware_concurrency(std::max(1u, Settings.Threads))) {}

  LintResult lint() {
    reuseOrReadIncludes();
    std::vector<bool> Pending;
    std::vector<std::vector<IncludeLine>> Includes;
    for (JobState &State : States) {
      Pending.push_back(State.Pending);
      Includes.push_back(std::move(State.Includes));
    }
    PrefixPlan Plan;
    Plan.PrefixOf.resize(Jobs.size());
    if (!Settings.PrefixesOnly)
      Plan = planSharedPrefixes(Jobs, Pending, Includes);
    if (Settings.KeptPrefixes)
      planKeptPrefixes(Jobs, Pending, Includes, Plan);
    PrefixFiles Files;
    std::vector<BuiltPrefix> Built(Plan.Prefixes.size());
    UnitsOf.assign(Plan.Prefixes.size(), {});
    for (size_t I = 0; I < Jobs.size(); ++I)
      if (States[I].Pending && Plan.PrefixOf[I])
        UnitsOf[*Plan.PrefixOf[I]].push_back(I);
    precompile(Plan, Built, Files);
    if (!Settings.PrefixesOnly)
      for (size_t I = 0; I < Jobs.size(); ++I)
        if (States[I].Pending && !Plan.PrefixOf[I])
          Pool.async([this, I] { parsePending(I, nullptr); });
    Pool.wait();
    return merge(Built);
  }

private:
  void finished(size_t I) {
    std::lock_guard<std::mutex> Lock(ProgressMutex);
    ++Done;
    IsDone[I] = true;
    for (; NextInOrder < Jobs.size() && IsDone[NextInOrder]; ++NextInOrder)
      if (Settings.UnitFinished)
        Settings.UnitFinished(Jobs[NextInOrder], States[NextInOrder].Result);
    if (Settings.Progress)
      Settings.Progress(Done, Jobs.size(), Jobs[I]);
  }

  /// Unchanged units take their earlier result; the others' first includes
  /// are read to see what they share.
  void reuseOrReadIncludes() {
    for (size_t I = 0; I < Jobs.size(); ++I)
      Pool.async([this, I] {
        JobState &State = States[I];
        if (Settings.Reuse.Lookup)
          if (std::optional<UnitResult> Earlier = Settings.Reuse.Lookup(Jobs[I])) {
            State.Result = std::move(*Earlier);
            finished(I);
            return;
          }
        State.Pending = true;
        if (!Settings.SharePrefixes)
          return;
        if (auto Text = llvm::MemoryBuffer::getFile(Jobs[I].File, /*IsText=*/false,
                                                    /*RequiresNullTerminator=*/false))
          State.Includes = expandedLeadingIncludes(Jobs[I], (*Text)->getBuffer());
      });
    Pool.wait();
  }

  /// Shared prefixes are precompiled before the units that use them, and
  /// each prefix's units start as soon as it is ready, while the other
  /// prefixes are still being built (no round waits for the slowest); a
  /// kept prefix that an earlier run precompiled is taken from it.
  void precompile(const PrefixPlan &Plan, std::vector<BuiltPrefix> &Built, PrefixFiles &Files) {
    std::vector<size_t> Ready, ToBuild; // Ready: kept, or not to be built
    for (size_t P = 0; P < Built.size(); ++P) {
      const SharedPrefix &Prefix = Plan.Prefixes[P];
      Built[P].Prefix = &Prefix;
      if (Prefix.Kept && takeKept(Built[P])) {
        Ready.push_back(P);
        continue;
      }
      for (size_t L = 0; L < Prefix.Links.size(); ++L)
        Built[P].PchPaths.push_back(Prefix.Kept ? Files.adopt(keptFile(Prefix, Prefix.Links[L]))
                                                : Files.file(P, L));
      (llvm::is_contained(Built[P].PchPaths, "") ? Ready : ToBuild).push_back(P);
    }
    // Every build is queued before any unit that could start now: the pool
    // takes its tasks in order, so no such unit holds a build back.
    Building = ToBuild.size();
    for (size_t P : ToBuild)
      Pool.async([this, &Built, P] {
        if (!survives([&] { precompilePrefix(Built[P]); }))
          Built[P].Built = false;
        else if (Built[P].Built && Built[P].Prefix->Kept)
          keep(Built[P]);
        --Building;
        parseUnitsOf(Built[P], P);
      });
    for (size_t P : Ready)
      parseUnitsOf(Built[P], P);
  }

  /// Queues the parses of the units planned on prefix P, now that it is
  /// built (or known not to be).
  void parseUnitsOf(const BuiltPrefix &Built, size_t P) {
    const BuiltPrefix *Prefix = Built.Built ? &Built : nullptr;
    if (Settings.PrefixesOnly) {
      if (Prefix)
        for (size_t I : UnitsOf[P])
          Pool.async([this, I, Prefix] { lintAhead(I, *Prefix); });
      return;
    }
    for (size_t I : UnitsOf[P])
      Pool.async([this, I, Prefix] { parsePending(I, Prefix); });
  }

  /// A run that only precompiles has fewer prefixes to build than workers
  /// at its end: a worker with no prefix left lints a unit of a prefix
  /// already built, into the cache its own step will find it in, for as
  /// long as another prefix is still being built. Then the run ends, and
  /// the units' steps take over with all of the build's parallelism.
  void lintAhead(size_t I, const BuiltPrefix &Prefix) {
    if (Building.load() == 0)
      return;
    States[I].Ahead = true;
    parsePending(I, &Prefix);
  }

  std::string keptFile(const SharedPrefix &Prefix, const PrefixLink &Link) {
    return Settings.KeptPrefixes->newFile(Link.Build, Prefix.Lines);
  }

  /// The kept prefix an earlier run precompiled, if it is still good.
  bool takeKept(BuiltPrefix &Built) {
    const PrefixLink &Link = Built.Prefix->Links.front();
    std::optional<KeptPrefix> Kept = Settings.KeptPrefixes->lookup(Link.Build, Built.Prefix->Lines);
    if (!Kept)
      return false;
    Built.PchPaths = {std::move(Kept->PchPath)};
    Built.Findings = std::move(Kept->Findings);
    Built.Inputs = std::move(Kept->Inputs);
    Built.Built = true;
    Built.FromEarlierRun = true;
    return true;
  }

  void keep(BuiltPrefix &Built) {
    const PrefixLink &Link = Built.Prefix->Links.front();
    Built.PchPaths.front() = Settings.KeptPrefixes->keep(
        Link.Build, Built.Prefix->Lines, Built.PchPaths.front(), Built.Findings, Built.Inputs);
  }

  /// Parses one job, isolated; false when it crashed.
  bool parseIsolated(size_t I, const BuiltPrefix *Prefix) {
    JobState &State = States[I];
    ParsedUnit Parsed;
    if (!survives([&] { Parsed = parseUnit(Jobs[I], Prefix); })) {
      State.Result = UnitResult();
      State.Result.Compiled = false;
      return false;
    }
    State.Result.Diagnostics = std::move(Parsed.Own.Diagnostics);
    State.Result.Suppressed = std::move(Parsed.Own.Suppressed);
    State.Result.LockEdges = std::move(Parsed.Own.LockEdges);
    State.Result.Census = std::move(Parsed.Own.Census);
    State.Result.Compiled = Parsed.Compiled;
    State.Result.Inputs = Parsed.Inputs;
    // The findings in the prefix's shared bodies are this unit's too.
    if (Parsed.OnPrefix) {
      llvm::append_range(State.Result.Diagnostics, Prefix->Findings.Diagnostics);
      llvm::append_range(State.Result.Suppressed, Prefix->Findings.Suppressed);
    }
    if (Settings.Reuse.Store)
      Settings.Reuse.Store(Jobs[I], State.Result, Parsed.Inputs);
    return true;
  }

  /// Parses one pending job, on its prefix when it has one that was built.
  void parsePending(size_t I, const BuiltPrefix *Prefix) {
    JobState &State = States[I];
    bool Survived = parseIsolated(I, Prefix);
    // On top of a prefix, a unit that fails is parsed again plainly, so
    // that its errors, or its crash, are its own.
    if (Prefix && (!Survived || !State.Result.Compiled)) {
      Survived = parseIsolated(I, nullptr);
      State.ParsedAgain = true;
      // A kept prefix the unit parses without is bad for later runs too.
      if (Prefix->Prefix->Kept && Survived && State.Result.Compiled)
        Settings.KeptPrefixes->forget(Prefix->Prefix->Links.front().Build,
                                      Prefix->Prefix->Lines);
    }
    State.Crashed = !Survived;
    State.OnPrefix = Prefix != nullptr;
    finished(I);
  }

  /// Merged in job order, then sorted: the same for any number of workers.
  LintResult merge(const std::vector<BuiltPrefix> &Built) {
    LintResult Merged;
    for (const BuiltPrefix &B : Built)
      if (B.Built) {
        ++Merged.Work.SharedPrefixes;
        Merged.Work.KeptPrefixes += B.FromEarlierRun;
        Merged.Work.PrefixFindings += B.Findings.Diagnostics.size() + B.Findings.Suppressed.size();
      }
    for (size_t I = 0; I < Jobs.size(); ++I) {
      JobState &State = States[I];
      Merged.Work.FromCache += !State.Pending;
      Merged.Work.OnSharedPrefix += State.OnPrefix;
      Merged.Work.ParsedAgain += State.ParsedAgain;
      Merged.Work.LintedAhead += State.Ahead;
      llvm::append_range(Merged.Diagnostics, std::move(State.Result.Diagnostics));
      llvm::append_range(Merged.Suppressed, std::move(State.Result.Suppressed));
      llvm::append_range(Merged.Inputs, std::move(State.Result.Inputs));
      Merged.LockEdges.push_back(std::move(State.Result.LockEdges));
      Merged.Census.add(State.Result.Census);
      std::vector<std::string> &Failed = State.Crashed ? Merged.CrashedFiles : Merged.FailedFiles;
      if (!State.Result.Compiled && (Failed.empty() || Failed.back() != Jobs[I].File))
        Failed.push_back(Jobs[I].File);
    }
    if (!Jobs.empty()) {
      Merged.LockOrder = lockOrderOption(Jobs[0].Options);
      Merged.AcrossUnits = crossUnitLockCycles(Merged.LockEdges, Merged.LockOrder);
    }
    llvm::sort(Merged.Inputs);
    Merged.Inputs.erase(std::unique(Merged.Inputs.begin(), Merged.Inputs.end()),
                        Merged.Inputs.end());
    sortAndDeduplicate(Merged.Diagnostics);
    sortAndDeduplicate(Merged.Suppressed);
    return Merged;
  }

  const std::vector<LintJob> &Jobs;
  const RunSettings &Settings;
  std::vector<JobState> States;
  std::vector<std::vector<size_t>> UnitsOf; // the pending units of each prefix
  std::atomic<size_t> Building{0};          // prefixes queued or being built
  std::mutex ProgressMutex;
  size_t Done = 0;
  /// Which jobs are done, and the first whose result is not yet handed to
  /// UnitFinished (guarded by ProgressMutex).
  std::vector<bool> IsDone;
  size_t NextInOrder = 0;
  llvm::DefaultThreadPool Pool;
};
} // namespace

LintResult runJobs(const std::vector<LintJob> &Jobs, const RunSettings &Settings) {
  return Run(Jobs, Settings).lint();
}

} // namespace modlint
