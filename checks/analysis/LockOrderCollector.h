// Collects a translation unit's lock-order edges, "held A while acquiring
// B": directly in each function, and through the functions it calls with a
// lock held (what they take, transitively). Used by modlint-lock-order for
// the unit's own findings, and by the command line for the run's graph.
#pragma once

#include "MemberState.h"
#include "SafeTypes.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include <string>
#include <vector>

namespace modlint {

/// One lock object acquired at one place.
struct LockTaken {
  std::string Identity; // `acme::Ledger::accountsMu_`, `app::registryMu`
  std::string Owner;    // the object it belongs to, as written there
  clang::SourceLocation Where;
};

/// `Inner` acquired while `Outer` is held.
struct OrderEdge {
  LockTaken Outer;
  LockTaken Inner;
  /// Where the edge is reported: the inner acquisition, or the call of
  /// `Via` that leads to it.
  clang::SourceLocation At;
  std::string Via; // the function called, when Inner is taken inside it
};

class LockOrderCollector {
public:
  LockOrderCollector(const ModuleClassifier &Modules, const SafeTypes &Safe)
      : Modules(Modules), Safe(Safe) {}

  /// Scans one function that lockScopeFunction() matched.
  void scan(const clang::FunctionDecl &Function, clang::ASTContext &Context);

  /// Every edge of the unit, in source order (whatever order the functions
  /// were scanned in), and a fresh start for the next unit.
  std::vector<OrderEdge> finish(const clang::SourceManager &Sources);

private:
  class Listener;
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

  const ModuleClassifier &Modules;
  const SafeTypes &Safe;
  llvm::DenseMap<const clang::FunctionDecl *, FunctionLocks> Functions;
  std::vector<OrderEdge> Edges;
};

} // namespace modlint
