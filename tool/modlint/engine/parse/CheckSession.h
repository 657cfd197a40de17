// What the checks report in one parse: clang-tidy's context (check
// selection, options, NOLINT) and diagnostic consumer, with the recorder of
// suppressed findings in front, set up so that every parse (a unit, a
// shared prefix) collects findings the same way.
#pragma once

#include "core/Findings.h"
#include "core/Job.h"
#include "engine/parse/FastPath.h"
#include "engine/parse/SuppressionRecorder.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
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

/// The checks `Options.Checks` enables, sorted.
std::vector<std::string> enabledChecks(const clang::tidy::ClangTidyOptions &Options);

/// Checks that report into one session and are shown the same declarations
/// of a parse. A parse runs one group, or several when its checks must see
/// different parts of the unit (engine/prefix/PrefixScope.h).
class CheckGroup {
public:
  CheckGroup(const clang::tidy::ClangTidyOptions &Options, DeclarationScope Scope)
      : Session(Options), Factory(Session.context()), Scope(std::move(Scope)) {}

  CheckSession &session() { return Session; }
  /// The group's checks as a consumer of a parse that `Compiler` runs.
  ScopedConsumer consumer(clang::CompilerInstance &Compiler, llvm::StringRef File) {
    return {Factory.createASTConsumer(Compiler, File), Scope};
  }

private:
  CheckSession Session;
  clang::tidy::ClangTidyASTConsumerFactory Factory;
  DeclarationScope Scope;
};

/// The groups of one parse; the first receives the compiler's diagnostics.
using CheckGroups = std::vector<std::unique_ptr<CheckGroup>>;

/// With `Job.ProfileDirectory` set, has clang-tidy time each check of the
/// groups and store the times there, one directory per group (each stores
/// a file named by the parse's file and second).
void profileChecks(CheckGroups &Groups, const LintJob &Job);

/// The consumers of every group, for a parse that `Compiler` runs.
std::vector<ScopedConsumer> consumersOf(CheckGroups &Groups, clang::CompilerInstance &Compiler,
                                        llvm::StringRef File);

/// What every group collected that `Job` reports.
UnitFindings takeFindings(CheckGroups &Groups, const LintJob &Job);

} // namespace modlint
