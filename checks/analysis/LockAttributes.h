// What a declaration says about locks: the RAII guard types and the calls
// that acquire or release a lock object. Two sources, as DESIGN's "held
// lock" lists them: Clang's thread-safety attributes (`scoped_lockable`,
// `acquire_capability`, `release_capability`, `requires_capability`, and
// their older spellings, which Clang parses into the same attributes), so
// any annotated lock type (Abseil's included) works with no configuration;
// and the names of the libraries' unannotated types and functions (std,
// pthread, Boost).
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <vector>

namespace modlint {

/// How a guard variable holds its lock objects.
enum class GuardKind { None, Exclusive, Reader };

/// The user's own lock types, for those that carry no attributes
/// (`MutexTypes`, `ScopedLockTypes`, `SharedScopedLockTypes`): fully
/// qualified class or class template names.
struct LockTypeNames {
  std::vector<std::string> Mutexes;
  std::vector<std::string> ScopedLocks;
  std::vector<std::string> SharedScopedLocks;
};

/// The kind of guard `Var` is: a std, Abseil or Boost guard or one of
/// `Names` by name, or a class with the `scoped_lockable` attribute whose
/// constructor (the one `Var` is built with) acquires.
GuardKind guardKindOf(const clang::VarDecl &Var, const LockTypeNames &Names);

/// The same, for a guard named by its type alone (`l.unlock()` on a guard).
GuardKind guardKindOf(clang::QualType Type, const LockTypeNames &Names);

/// What a call does to lock objects.
struct LockCall {
  enum { None, Acquire, Release } Effect = None;
  bool Shared = false;
  /// The lock objects, as expressions of the caller: the object of
  /// `mu_.Lock()`, the argument of `pthread_mutex_lock(&mu_)` (the
  /// recogniser reads `&mu_` as `mu_`, as for guards), or the argument an
  /// attribute names by parameter.
  llvm::SmallVector<const clang::Expr *, 2> Locks;
};

/// `mu_.lock()`/`unlock()`, `mu_.Lock()`/`Unlock()`, `pthread_mutex_lock(&mu_)`,
/// `pthread_rwlock_wrlock`/`rdlock`/`unlock`, and any function with an
/// acquire or release attribute.
LockCall lockCallOf(const clang::CallExpr &Call);

/// A try-lock call: `try_lock`, `try_lock_for`, `try_lock_until`,
/// `TryLock`, `WriterTryLock`, `pthread_mutex_trylock(&mu_)`,
/// `pthread_rwlock_trywrlock`, or any function with a try-acquire
/// attribute. Effect is Acquire (on success) or None.
LockCall tryLockCallOf(const clang::CallExpr &Call);

/// The lock objects a function requires held exclusively on entry
/// (`requires_capability`, `exclusive_locks_required`), as written in the
/// attribute (member expressions of the function's class).
llvm::SmallVector<const clang::Expr *, 2> requiredLocks(const clang::FunctionDecl &Function);

} // namespace modlint
