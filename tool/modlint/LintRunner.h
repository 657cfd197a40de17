// Runs the modlint checks over translation units in-process: clang-tidy's
// context, check registry and diagnostic consumer (so NOLINT and check
// selection behave exactly as in the plugin) inside modlint's own frontend
// action.
#pragma once

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <string>
#include <vector>

namespace modlint {

struct LintRequest {
  const clang::tooling::CompilationDatabase *Database = nullptr;
  /// Absolute paths of the translation units' main files.
  std::vector<std::string> Files;
  clang::tidy::ClangTidyOptions Options;
  /// Findings in headers are kept only under this absolute directory;
  /// findings in the main files always are.
  std::string ProjectRoot;
};

struct LintResult {
  /// Findings and compiler errors with absolute paths, sorted and without
  /// duplicates (a header's finding seen from several units appears once).
  std::vector<clang::tidy::ClangTidyError> Diagnostics;
  /// True when some translation unit could not be parsed.
  bool HadCompileErrors = false;
};

LintResult runLint(const LintRequest &Request);

/// The checks `Options.Checks` enables, sorted.
std::vector<std::string> enabledChecks(const clang::tidy::ClangTidyOptions &Options);

} // namespace modlint
