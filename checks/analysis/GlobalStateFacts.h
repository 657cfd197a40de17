// What modlint-global-state learns from one translation unit before it can
// judge: each function's writes to global state (with whether a lock on a
// namespace-scope or static lock object was held), its calls (the same),
// and its function-local statics returned by reference, pointer or view.
// The verdicts need the whole unit: a helper with internal linkage whose
// every call is made under a global lock writes under it too, and the
// `modules` scope keeps only what shared modules' methods reach.
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include <vector>

namespace modlint {

struct GlobalAccess {
  const clang::VarDecl *Variable;
  clang::SourceLocation Where;
  bool Locked;
};

struct FunctionFacts {
  std::vector<GlobalAccess> Writes;
  /// Calls to functions of the unit, with whether a global lock was held.
  std::vector<std::pair<const clang::FunctionDecl *, bool>> Calls;
  /// Function-local statics of this function returned by a handle.
  std::vector<std::pair<const clang::VarDecl *, const clang::ReturnStmt *>> Returned;
  bool IsModuleMethod = false;
};

class GlobalStateFacts {
public:
  /// The facts of `Function` (the canonical declaration of a template's
  /// pattern for an instantiation).
  FunctionFacts &of(const clang::FunctionDecl &Function);
  static const clang::FunctionDecl *key(const clang::FunctionDecl &Function);

  /// Functions whose every call in the unit is made under a global lock
  /// (directly, or from a function that is itself so entered), among those
  /// only the unit can call: internal linkage, or non-public methods.
  llvm::DenseSet<const clang::FunctionDecl *> enteredLocked() const;
  /// The shared modules' methods and every function they call in the unit.
  llvm::DenseSet<const clang::FunctionDecl *> reachedFromModules() const;

  const llvm::MapVector<const clang::FunctionDecl *, FunctionFacts> &functions() const {
    return Functions;
  }
  void clear() { Functions.clear(); }

private:
  llvm::MapVector<const clang::FunctionDecl *, FunctionFacts> Functions;
};

} // namespace modlint
