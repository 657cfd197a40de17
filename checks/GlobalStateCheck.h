#pragma once
#include "CheckList.h"
#include "ModuleCheck.h"

#include "analysis/GlobalStateFacts.h"

namespace modlint {

/// `modlint-global-state`: a namespace-scope variable, a static data
/// member of a class that is not a shared module, or a function-local
/// static, written after static initialisation without a lock on a
/// namespace-scope or static lock object; and a function-local static a
/// function writes and returns by reference, pointer or view
/// (docs/checks/modlint-global-state.md).
///
/// One finding per variable, at its declaration, with a note at each such
/// write. The verdict needs the whole unit (helpers called under a lock,
/// the functions modules reach), so facts are collected while the unit is
/// matched and judged at its end.
class GlobalStateCheck : public ModuleCheck {
public:
  GlobalStateCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  /// Follows calls from modules (GlobalStateScope: modules) wherever they go.
  static constexpr FindingScope Findings = FindingScope::CallGraph;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  class FactListener;
  /// Which functions' writes count, per GlobalStateScope.
  bool inScope(const clang::FunctionDecl *Function,
               const llvm::DenseSet<const clang::FunctionDecl *> &Reached) const;
  void report(const clang::VarDecl &Var, llvm::ArrayRef<GlobalAccess> Writes,
              const std::vector<std::pair<const clang::FunctionDecl *,
                                          const clang::ReturnStmt *>> &Returns);

  const bool ModulesOnly;
  // Per translation unit: each ClangTidyContext creates its own check
  // objects for every unit, so nothing here is shared between threads.
  GlobalStateFacts Facts;
};

} // namespace modlint
