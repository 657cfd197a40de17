// What linting produces: the findings of one unit, and of a whole run. A
// finding is clang-tidy's own `ClangTidyError` (a `tooling::Diagnostic`),
// so every layer speaks the format both front-ends already share.
#pragma once

#include "core/LockEdges.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include <string>
#include <vector>

namespace modlint {

/// What a unit holds of shared modules (engine/ModuleCensus.h): a run that
/// found none checked no member state.
struct ModuleCensus {
  /// Project classes that are shared modules (not the bases themselves).
  size_t Modules = 0;
  /// The ModuleBases entries declared as classes in the unit.
  std::vector<std::string> DeclaredBases;
  /// Classes the project's classes derive from, outside system headers:
  /// what a mistyped base may have meant. Sorted, once each.
  std::vector<std::string> Ancestors;

  /// Adds another unit's census.
  void add(const ModuleCensus &Other);
};

/// One unit's (or one parse's) findings and compiler errors, with absolute
/// paths, only those its job reports.
struct UnitFindings {
  std::vector<clang::tidy::ClangTidyError> Diagnostics;
  /// Findings a NOLINT comment suppresses, in the same form.
  std::vector<clang::tidy::ClangTidyError> Suppressed;
  /// Its lock-order edges in reported files, when modlint-lock-order runs.
  std::vector<LockEdge> LockEdges;
  ModuleCensus Census;
};

/// A unit's whole result: its findings, and whether it compiled.
struct UnitResult : UnitFindings {
  bool Compiled = true;
  /// Every file the unit read (absolute paths, sorted), as far as known:
  /// what a build system must watch to know when to lint it again.
  std::vector<std::string> Inputs;
};

/// How a run saved work, for --stats.
struct RunWork {
  size_t FromCache = 0;
  size_t SharedPrefixes = 0;   // precompiled
  size_t KeptPrefixes = 0;     // ... of them by an earlier run (PrefixKeeping.h)
  size_t OnSharedPrefix = 0;   // units parsed on one
  size_t ParsedAgain = 0;      // ... that failed that way and were parsed plainly
  size_t PrefixFindings = 0;   // worked out once in a prefix, for all its users
  size_t LintedAhead = 0;      // by a run that only precompiles (RunSettings::PrefixesOnly)
};

struct LintResult {
  /// Findings and compiler errors with absolute paths, sorted, without
  /// duplicates: a header's finding seen from several units appears once.
  std::vector<clang::tidy::ClangTidyError> Diagnostics;
  /// Findings a NOLINT comment suppresses, in the same form.
  std::vector<clang::tidy::ClangTidyError> Suppressed;
  /// The lock-order cycles that only the whole run shows (no unit's own
  /// edges hold them), sorted. Kept apart so that a report can mark them:
  /// `modlint merge` recomputes them over every shard's edges.
  std::vector<clang::tidy::ClangTidyError> AcrossUnits;
  /// Each unit's lock-order edges, in job order: the run's graph.
  std::vector<std::vector<LockEdge>> LockEdges;
  /// The LockOrder option the cycles were searched with.
  std::vector<std::string> LockOrder;
  /// Every unit's census, added up.
  ModuleCensus Census;
  /// Main files of the units that did not compile.
  std::vector<std::string> FailedFiles;
  /// Main files whose analysis crashed (isolated: the other units ran).
  std::vector<std::string> CrashedFiles;
  /// Main files the compilation database names but that do not exist.
  std::vector<std::string> MissingFiles;
  /// Every file the units read, sorted, once each (`--depfile`).
  std::vector<std::string> Inputs;
  RunWork Work;

  bool complete() const {
    return FailedFiles.empty() && CrashedFiles.empty() && MissingFiles.empty();
  }
};

} // namespace modlint
