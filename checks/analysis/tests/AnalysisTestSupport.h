// Builds an AST from a snippet and finds declarations in it by name, for
// the analysis unit tests.
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

namespace modlint::testing {

inline const char *ModrtModule = R"(
namespace modrt { class Module { public: virtual ~Module() = default; }; }
)";

inline std::unique_ptr<clang::ASTUnit> buildAST(const std::string &Code) {
  auto AST = clang::tooling::buildASTFromCodeWithArgs(
      std::string(ModrtModule) + Code,
      {"-std=c++20", "-resource-dir=" MODLINT_CLANG_RESOURCE_DIR},
      "input.cpp");
  EXPECT_TRUE(AST && !AST->getDiagnostics().hasErrorOccurred());
  return AST;
}

/// The first declaration named `Name` of kind `T` that is not a template
/// instantiation.
template <typename T>
const T *findDecl(clang::ASTUnit &AST, const std::string &Name) {
  using namespace clang::ast_matchers;
  auto Matches = match(namedDecl(hasName(Name)).bind("d"), AST.getASTContext());
  for (const BoundNodes &Node : Matches) {
    const auto *D = Node.getNodeAs<T>("d");
    if (!D || llvm::isa<clang::ClassTemplateSpecializationDecl>(D))
      continue;
    if (const auto *F = llvm::dyn_cast<clang::FunctionDecl>(D);
        F && F->isTemplateInstantiation())
      continue;
    return D;
  }
  return nullptr;
}

/// The 1-based line of a source location in the snippet (not counting the
/// modrt prelude, which is one line plus the newlines it starts and ends with).
inline unsigned snippetLine(clang::ASTUnit &AST, clang::SourceLocation Loc) {
  return AST.getSourceManager().getSpellingLineNumber(Loc) - 2;
}

} // namespace modlint::testing
