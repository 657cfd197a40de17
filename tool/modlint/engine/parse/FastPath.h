// The CLI's fast path: parse only what can hold findings. Function bodies
// outside the project are skipped while parsing, and matching only visits
// the project's declarations. Findings are those of the full parse: the
// checks only ever look inside project code. A parse may show different
// groups of checks different declarations (engine/prefix/PrefixScope.h).
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

/// A consumer, and the declarations it is shown when the unit is complete;
/// without a scope it sees the unit as the consumer before it left it.
struct ScopedConsumer {
  std::unique_ptr<clang::ASTConsumer> Consumer;
  DeclarationScope Scope;
};

/// The consumers of one parse, in order, behind the fast path: only the
/// project's function bodies are parsed, and each consumer is shown its
/// scope.
std::unique_ptr<clang::ASTConsumer> withFastPath(std::vector<ScopedConsumer> Consumers,
                                                 std::unique_ptr<ProjectFiles> Project);

} // namespace modlint
