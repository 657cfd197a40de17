// The CLI's fast path: parse only what a check can look at. The bodies of
// functions in system headers are skipped while parsing (Clang keeps the
// constexpr ones and those with a deduced return type), but for function
// templates taking a forwarding reference, whose bodies decide whether a
// member handed to them is written (ForwardedWrites.h). No check enters a
// system header's function otherwise. Every other body is parsed: the
// project's, and a library's included with -I, whose functions the checks
// that follow calls (FindingScope::CallGraph: a lock taken inside a library
// function counts for lock-order) are shown as in clang-tidy. Findings are
// those of the full parse. A parse may show different groups of checks
// different declarations (engine/prefix/PrefixScope.h).
#pragma once

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Regex.h"
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace modlint {

/// The headers whose findings are reported: those matching the header
/// filter, or, without one, those under the project root. The one rule both
/// the fast path (what to parse) and the report (what to keep) follow.
class ReportScope {
public:
  ReportScope(std::string Root, const std::string &HeaderFilter);
  bool covers(llvm::StringRef AbsolutePath) const;

private:
  std::string Root;
  std::optional<llvm::Regex> Filter;
};

/// Which files are the project's: the main file and the headers the report
/// scope covers. Decided once per file.
class ProjectFiles {
public:
  ProjectFiles(const clang::SourceManager &Sources, ReportScope Scope)
      : Sources(Sources), Scope(std::move(Scope)) {}
  bool contains(clang::SourceLocation Loc);

private:
  const clang::SourceManager &Sources;
  const ReportScope Scope;
  llvm::DenseMap<clang::FileID, bool> Known;
};

/// The declarations a group of checks is shown (the AST's traversal scope,
/// which is what matchers walk), picked from the parsed unit.
using DeclarationScope =
    std::function<std::vector<clang::Decl *>(clang::ASTContext &, ProjectFiles &)>;

/// The project's top-level declarations: everything that can hold a finding.
std::vector<clang::Decl *> projectDeclarations(clang::ASTContext &Context,
                                               ProjectFiles &Project);

/// The top-level declarations outside system headers: everything the checks
/// read, as clang-tidy shows it to them. A library included with -I is read
/// (a lock it takes is part of the lock order); its findings are dropped
/// by the report scope, as clang-tidy's header filter drops them.
std::vector<clang::Decl *> analysedDeclarations(clang::ASTContext &Context, ProjectFiles &);

/// A consumer, and the declarations it is shown when the unit is complete;
/// without a scope it sees the unit as the consumer before it left it.
struct ScopedConsumer {
  std::unique_ptr<clang::ASTConsumer> Consumer;
  DeclarationScope Scope;
};

/// The consumers of one parse, in order, behind the fast path: bodies in
/// system headers are skipped, and each consumer is shown its scope.
std::unique_ptr<clang::ASTConsumer> withFastPath(std::vector<ScopedConsumer> Consumers,
                                                 std::unique_ptr<ProjectFiles> Project);

} // namespace modlint
