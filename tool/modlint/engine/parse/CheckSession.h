// What the checks report in one parse: clang-tidy's context (check
// selection, options, NOLINT) and diagnostic consumer, with the recorder of
// suppressed findings in front, set up so that every parse (a unit, a
// shared prefix) collects findings the same way.
#pragma once

#include "core/Findings.h"
#include "core/Job.h"
#include "engine/parse/SuppressionRecorder.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include <memory>
#include <vector>

namespace modlint {

class CheckSession {
public:
  explicit CheckSession(const clang::tidy::ClangTidyOptions &Options);

  clang::tidy::ClangTidyContext &context() { return *Context; }
  /// Where the compiler's own diagnostics go, so that its errors are
  /// reported with the findings.
  clang::DiagnosticConsumer &compilerDiagnostics() { return Consumer; }

  /// Everything collected so far that `Job` reports: findings in its main
  /// file, in headers its report scope covers, and errors anywhere.
  UnitFindings take(const LintJob &Job);

private:
  std::unique_ptr<clang::tidy::ClangTidyContext> Context;
  clang::tidy::ClangTidyDiagnosticConsumer Consumer;
  SuppressionRecorder Recorder;
  clang::DiagnosticsEngine Engine;
};

/// A context for `Options` alone (to list the checks it enables, say).
std::unique_ptr<clang::tidy::ClangTidyContext>
makeContext(const clang::tidy::ClangTidyOptions &Options);

} // namespace modlint
