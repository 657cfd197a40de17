// Runs the modlint checks over translation units in-process: clang-tidy's
// context, check registry and diagnostic consumer (so NOLINT and check
// selection behave exactly as in the plugin) inside modlint's own frontend
// action. Each unit is an independent job, so units run in parallel.
#pragma once

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <functional>
#include <string>
#include <vector>

namespace modlint {

/// One translation unit: a main file with one of its compile commands.
struct LintJob {
  std::string File; // absolute
  clang::tooling::CompileCommand Command;
  clang::tidy::ClangTidyOptions Options;
  /// Findings in headers are kept when the header's absolute path matches
  /// HeaderFilter, or, when that is empty, when it is under ProjectRoot.
  /// Findings in the main file are always kept.
  std::string ProjectRoot;
  std::string HeaderFilter;
};

/// One unit's (or one parse's) findings and compiler errors, with absolute
/// paths, only those its job reports.
struct UnitFindings {
  std::vector<clang::tidy::ClangTidyError> Diagnostics;
  /// Findings a NOLINT comment suppresses, in the same form.
  std::vector<clang::tidy::ClangTidyError> Suppressed;
};

struct LintResult {
  /// Findings and compiler errors with absolute paths, sorted, without
  /// duplicates: a header's finding seen from several units appears once.
  std::vector<clang::tidy::ClangTidyError> Diagnostics;
  /// Findings a NOLINT comment suppresses, in the same form.
  std::vector<clang::tidy::ClangTidyError> Suppressed;
  /// Main files of the units that did not compile.
  std::vector<std::string> FailedFiles;
  /// Main files whose analysis crashed (isolated: the other units ran).
  std::vector<std::string> CrashedFiles;
  /// Main files the compilation database names but that do not exist.
  std::vector<std::string> MissingFiles;

  /// How the work was saved, for --stats.
  struct {
    size_t FromCache = 0;
    size_t SharedPrefixes = 0;   // precompiled
    size_t OnSharedPrefix = 0;   // units parsed on one
    size_t ParsedAgain = 0;      // ... that failed that way and were parsed plainly
    size_t PrefixFindings = 0;   // worked out once in a prefix, for all its users
  } Work;

  bool complete() const {
    return FailedFiles.empty() && CrashedFiles.empty() && MissingFiles.empty();
  }
};

/// Called after each job, from the worker that ran it (calls are serialised).
using ProgressFn = std::function<void(size_t Done, size_t Total, const LintJob &)>;

class ResultCache;

/// Runs every job on `Threads` workers, taking unchanged units from `Cache`
/// when there is one, and, with `SharePrefixes`, parsing the include lines
/// units start with once for all of them (SharedPrefix.h). The result
/// depends neither on the number of workers, nor on the cache, nor on the
/// sharing.
LintResult runJobs(const std::vector<LintJob> &Jobs, unsigned Threads,
                   const ProgressFn &Progress, ResultCache *Cache = nullptr,
                   bool SharePrefixes = true);

/// The checks `Options.Checks` enables, sorted.
std::vector<std::string> enabledChecks(const clang::tidy::ClangTidyOptions &Options);

} // namespace modlint
