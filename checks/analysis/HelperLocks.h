// The interprocedural step of DESIGN's "held lock": a helper (a non-public,
// non-virtual member function of a shared module) every call of which in
// the translation unit is made with a lock held runs with that lock held,
// transitively (a helper called only from such helpers, under their lock).
// Public and virtual methods, and methods whose address is taken or that
// are called on another object, are entry points: they start with no lock.
// Calls made during construction run before the instance is shared, so a
// helper called only there counts as construction too. A function with
// internal linkage that is handed the module (`static void appendLocked(
// Inbox &box)`) is a helper of the same kind when every reference to it is
// a call, made with the module's own lock held and the object itself as
// the argument.
#pragma once

#include "LockState.h"
#include "ModuleClassifier.h"
#include "SafeTypes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/FunctionExtras.h"
#include <optional>
#include <string>
#include <vector>

namespace modlint {

/// Held on entry to construction code. A call made there runs before the
/// instance is shared, so it agrees with whatever lock the other calls hold.
inline constexpr const char *ConstructionMarker = "<construction>";

class HelperLocks {
public:
  using IsConstruction = llvm::unique_function<bool(const clang::FunctionDecl &) const>;

  HelperLocks(const ModuleClassifier &Modules, const SafeTypes &Safe,
              IsConstruction Construction)
      : Modules(Modules), Safe(Safe), Construction(std::move(Construction)) {}

  /// The locks `Method` starts with (beyond those its attributes require).
  LockState entryOf(const clang::CXXMethodDecl &Method, clang::ASTContext &Context);
  /// The locks a function that is not a member of the module starts with:
  /// none unless it has internal linkage and all its calls hold them.
  LockState entryOfFree(const clang::FunctionDecl &Function, clang::ASTContext &Context);

  /// Forgets everything: the next translation unit has other declarations.
  void clear() {
    Entries.clear();
    Analysed.clear();
    FreeEntries.clear();
  }

private:
  /// Locks held at every call seen so far; none while no caller is known.
  using Held = std::optional<std::vector<std::string>>;
  void analyse(const clang::CXXRecordDecl &Class, clang::ASTContext &Context);
  /// The locks held at every call of `Function` (internal linkage), or
  /// none when one of its references is not such a call.
  std::vector<std::string> heldAtAllCalls(const clang::FunctionDecl &Function,
                                          clang::ASTContext &Context);
  /// The entry of a function that calls a free helper.
  LockState entryOfCaller(const clang::FunctionDecl &Caller, clang::ASTContext &Context);

  const ModuleClassifier &Modules;
  const SafeTypes &Safe;
  IsConstruction Construction;
  /// The entry locks of every helper of the classes analysed so far.
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<std::string>> Entries;
  llvm::DenseSet<const clang::CXXRecordDecl *> Analysed;
  /// Entry locks of the free helpers asked for; empty while one is being
  /// worked out, so that recursion ends with no lock.
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<std::string>> FreeEntries;
};

} // namespace modlint
