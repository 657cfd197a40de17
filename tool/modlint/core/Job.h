// A lint job: one translation unit, the command it is parsed with, and the
// configuration it is checked with. Every layer above the core passes jobs
// around; none of them needs to know how a job is planned or run.
#pragma once

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <string>

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
  /// With --profile: where clang-tidy's check profiles of the job's parses
  /// are stored (empty: not profiled). Not part of what a result means.
  std::string ProfileDirectory;
};

/// The check selection and check options as one string, options in key
/// order: equal strings, equal configuration (for cache keys, and for
/// telling which units may share a parse).
std::string configurationKey(const clang::tidy::ClangTidyOptions &Options);

} // namespace modlint
