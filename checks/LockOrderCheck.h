#pragma once
#include "ModuleCheck.h"
#include "analysis/LockOrderGraph.h"
#include "llvm/ADT/DenseMap.h"

namespace modlint {

/// `modlint-lock-order`: two lock objects acquired in opposite orders on two
/// paths of the translation unit (directly or through a function called in
/// it), the same member lock taken on two objects nested, and (with
/// `LockOrder`) any acquisition against the documented order. Reported at
/// the end of the unit, once the whole graph is known.
class LockOrderCheck : public ModuleCheck {
public:
  LockOrderCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  class OrderListener;
  struct CallSite {
    const clang::FunctionDecl *Callee;
    clang::SourceLocation At;
    std::vector<LockTaken> Held;
    bool Nested; // in a lambda or local class, which may run later
  };
  /// What one function does with locks: what it takes itself, and whom it
  /// calls with which locks held.
  struct FunctionLocks {
    std::vector<LockTaken> Taken;
    std::vector<CallSite> Calls;
  };
  using Reach = llvm::DenseMap<const clang::FunctionDecl *, std::vector<LockTaken>>;

  /// The locks `Function` takes, itself or through the functions it calls.
  const std::vector<LockTaken> &reachedBy(const clang::FunctionDecl *Function, Reach &Memo,
                                          unsigned Depth) const;
  void addCallEdges();
  void reportAgainstOrder(const OrderEdge &Edge);
  void reportTwoObjects(const OrderEdge &Edge);
  void reportCycle(const OrderCycle &Cycle);
  /// Notes of an edge of the cycle other than the one reported: both
  /// acquisitions.
  void noteEdge(const OrderEdge &Edge);
  /// Notes of the edge reported: where its outer lock was taken, and where
  /// the inner one is taken inside the function called.
  void noteOwnEdge(const OrderEdge &Edge);

  const std::vector<std::string> Order;
  /// Per translation unit, filled by check() and reported at its end.
  llvm::DenseMap<const clang::FunctionDecl *, FunctionLocks> Functions;
  LockOrderGraph Graph;
  const clang::SourceManager *Sources = nullptr;
};

} // namespace modlint
