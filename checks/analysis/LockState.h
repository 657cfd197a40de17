// The locks held at a point of a function body. A write is protected when at
// least one *exclusive* lock on a mutex that is member state of the same
// object is held: a lock_guard/unique_lock/scoped_lock in scope (until
// unlock()), or `m.lock()` ... `m.unlock()` in the same block.
#pragma once

#include "LockAttributes.h"
#include "MemberState.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>
#include <vector>

namespace modlint {

class LockState {
public:
  bool anyHeld() const {
    for (const Lock &L : Locks)
      if (L.Held)
        return true;
    return false;
  }

  /// A guard variable declared in the current scope. Its locks end with the
  /// scope, which callers model by copying the state on entry.
  void addGuard(const clang::VarDecl *Guard, std::string Mutex, bool Held) {
    Locks.push_back({Guard, std::move(Mutex), Held});
  }
  void lockMutex(std::string Mutex) { Locks.push_back({nullptr, std::move(Mutex), true}); }
  void unlockMutex(llvm::StringRef Mutex);
  void setGuardHeld(const clang::VarDecl *Guard, bool Held);
  /// Marks the state as protected by something that is not a mutex we can
  /// name, such as the body of a std::call_once callable.
  void holdSynthetic() { Locks.push_back({nullptr, "<synchronised>", true}); }

  /// The lock objects held, sorted and without repeats.
  std::vector<std::string> held() const;
  /// A state in which exactly `Mutexes` are held (on entry to a function
  /// every caller calls with them held).
  static LockState holding(const std::vector<std::string> &Mutexes);

private:
  struct Lock {
    const clang::VarDecl *Guard; // null for a direct m.lock()
    std::string Mutex;           // the mutex's member-state path
    bool Held;
  };
  llvm::SmallVector<Lock, 4> Locks;
};

/// Narrows `Common`, the locks held at every call seen so far (unset
/// before the first), to those also in `Held` (both sorted, as held()
/// gives them).
void keepCommonLocks(std::optional<std::vector<std::string>> &Common,
                     std::vector<std::string> Held);

/// A try-lock tested by a condition: the lock object it takes, and whether
/// it is held when the condition is true (`mu_.try_lock()`) or false
/// (`!mu_.try_lock()`).
struct TryLock {
  std::string Mutex;               // a lock object of the module, or
  const clang::VarDecl *Guard = nullptr; // a guard (`lk.owns_lock()`)
  bool WhenTrue = true;

  /// Records the lock as held in `State`.
  void holdIn(LockState &State) const {
    if (Guard)
      State.setGuardHeld(Guard, true);
    else
      State.lockMutex(Mutex);
  }
};

/// Recognises lock acquisition and release in declarations and expression
/// statements, and applies them to a LockState.
class LockRecogniser {
public:
  LockRecogniser(const MemberStateResolver &Resolver, const LockTypeNames &Names)
      : Resolver(Resolver), Names(Names) {}

  /// `std::lock_guard g(mu_);`, `std::unique_lock l(mu_, std::defer_lock);`,
  /// `std::scoped_lock s(a_, b_);`, `absl::MutexLock l(&mu_);`, any
  /// `scoped_lockable` guard (LockAttributes.h). A reader lock never
  /// protects a write, so it is not recorded.
  void applyDeclaration(const clang::VarDecl &Var, LockState &State) const;

  /// The try-lock a condition tests, if any: `mu_.try_lock()`,
  /// `try_lock_for(d)`, `try_lock_until(t)`, `mu_.TryLock()`,
  /// `pthread_mutex_trylock(&mu_) == 0`, any call with an exclusive
  /// try-acquire attribute, and on a guard `lk.owns_lock()`, `lk` and
  /// `lk.try_lock()`, each possibly negated.
  std::optional<TryLock> tryLockIn(const clang::Expr *Condition) const;

  /// The locks a function requires held on entry
  /// (`requires_capability(mu_)`): held for its whole body.
  void applyFunction(const clang::FunctionDecl &Function, LockState &State) const;

  /// `mu_.lock()`, `mu_.unlock()`, `l.lock()`, `l.unlock()`, `mu_.Lock()`,
  /// `pthread_mutex_lock(&mu_)`, any call with an acquire or release
  /// attribute (LockAttributes.h), `std::lock(a_, b_)`, as a full
  /// expression statement.
  void applyStatement(const clang::Expr &E, LockState &State) const;

private:
  /// The member-state path of a mutex argument, or empty for a local or
  /// foreign mutex (which protects nothing).
  std::string memberMutex(const clang::Expr *Arg) const;

  bool isExclusiveGuard(const clang::VarDecl *Guard) const;
  /// The exclusive guard a condition asks about: `lk.owns_lock()`, `lk`
  /// (its `operator bool`) or `lk.try_lock()`.
  const clang::VarDecl *testedGuard(const clang::CallExpr &Call) const;

  const MemberStateResolver &Resolver;
  const LockTypeNames &Names;
};

/// The qualified name of the class a (possibly dependent) type names.
std::string recordName(clang::QualType Type);

} // namespace modlint
