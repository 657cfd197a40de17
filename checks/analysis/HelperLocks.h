// The interprocedural step of DESIGN's "held lock": a helper (a non-public,
// non-virtual member function of a shared module) every call of which in
// the translation unit is made with a lock held runs with that lock held,
// transitively (a helper called only from such helpers, under their lock).
// Public and virtual methods, and methods whose address is taken or that
// are called on another object, are entry points: they start with no lock.
// Calls made during construction run before the instance is shared, so a
// helper called only there counts as construction too.
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

class HelperLocks {
public:
  using IsConstruction = llvm::unique_function<bool(const clang::FunctionDecl &) const>;

  HelperLocks(const ModuleClassifier &Modules, const SafeTypes &Safe,
              IsConstruction Construction)
      : Modules(Modules), Safe(Safe), Construction(std::move(Construction)) {}

  /// The locks `Method` starts with (beyond those its attributes require).
  LockState entryOf(const clang::CXXMethodDecl &Method, clang::ASTContext &Context);

  /// Forgets everything: the next translation unit has other declarations.
  void clear() {
    Entries.clear();
    Analysed.clear();
  }

private:
  /// Locks held at every call seen so far; none while no caller is known.
  using Held = std::optional<std::vector<std::string>>;
  void analyse(const clang::CXXRecordDecl &Class, clang::ASTContext &Context);

  const ModuleClassifier &Modules;
  const SafeTypes &Safe;
  IsConstruction Construction;
  /// The entry locks of every helper of the classes analysed so far.
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<std::string>> Entries;
  llvm::DenseSet<const clang::CXXRecordDecl *> Analysed;
};

} // namespace modlint
