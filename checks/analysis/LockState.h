// The locks held at a point of a function body. A write is protected when at
// least one *exclusive* lock on a mutex that is member state of the same
// object is held: a lock_guard/unique_lock/scoped_lock in scope (until
// unlock()), or `m.lock()` ... `m.unlock()` in the same block. The
// lock-scope checks see more: every lock held, shared ones and those on
// globals, statics and mutexes reached through references and pointers
// (scopeLocks()), each with the place it was taken.
#pragma once

#include "LockAttributes.h"
#include "MemberState.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace modlint {

/// A lock held at a point, as the lock-scope checks see it: any lock object
/// another thread can wait on, exclusive or shared.
struct ScopeLock {
  std::string Mutex;           // as written: `mu_`, `g_registryMu`, `other.mu_`
  std::string MutexType;       // the lock object's class, qualified
  clang::SourceLocation Where; // the acquisition
  bool Shared = false;
  /// Which lock object this is for lock order, the same wherever it is
  /// taken: the declaring class and member (`acme::Ledger::accountsMu_`) or
  /// a global's qualified name. Empty when unknown (a parameter's `*m`).
  std::string Identity;
  /// The object the member lock belongs to, as written (`this`, `from`,
  /// `shard`); empty for a global.
  std::string Owner;
  /// The lock object is a namespace-scope or static variable: held
  /// exclusively, it protects global state.
  bool Static = false;
};

/// One hold of a protecting lock: where it was taken and which acquisition
/// of that state it was (a guard unlocked and locked again is a new hold).
struct LockSection {
  clang::SourceLocation Where;
  unsigned Stamp = 0;
  friend bool operator==(const LockSection &A, const LockSection &B) {
    return A.Where == B.Where && A.Stamp == B.Stamp;
  }
};

class LockState {
public:
  /// A lock that protects writes to member state is held: an exclusive
  /// lock on a lock object of the same object.
  bool anyHeld() const {
    for (const Lock &L : Locks)
      if (L.Held && L.Protects)
        return true;
    return false;
  }

  /// A guard variable declared in the current scope. Its locks end with the
  /// scope, which callers model by copying the state on entry.
  void addGuard(const clang::VarDecl *Guard, ScopeLock Acquired, bool Protects, bool Held) {
    Locks.push_back({Guard, std::move(Acquired), Held, Protects, Held ? ++Stamps : 0});
  }
  void lockMutex(ScopeLock Acquired, bool Protects) {
    Locks.push_back({nullptr, std::move(Acquired), true, Protects, ++Stamps});
  }
  void lockMutex(std::string Mutex) { lockMutex(ScopeLock{std::move(Mutex), {}, {}, false, {}, {}}, true); }
  void unlockMutex(llvm::StringRef Mutex);
  void setGuardHeld(const clang::VarDecl *Guard, bool Held);
  /// Marks the state as protected by something that is not a mutex we can
  /// name, such as the body of a std::call_once callable.
  void holdSynthetic() { lockMutex(SynchronisedName.str()); }
  static constexpr llvm::StringLiteral SynchronisedName = "<synchronised>";

  /// A lock that protects writes to global state is held: an exclusive
  /// lock on a namespace-scope or static lock object, or the synchronised
  /// body of std::call_once.
  bool globalLockHeld() const {
    for (const Lock &L : Locks)
      if (L.Held && ((L.Acquired.Static && !L.Acquired.Shared) ||
                     L.Acquired.Mutex == SynchronisedName))
        return true;
    return false;
  }

  /// The critical section a write here is in: the latest hold of a
  /// protecting lock, if any.
  std::optional<LockSection> protectingSection() const {
    std::optional<LockSection> Latest;
    for (const Lock &L : Locks)
      if (L.Held && L.Protects && (!Latest || L.Stamp >= Latest->Stamp))
        Latest = LockSection{L.Acquired.Where, L.Stamp};
    return Latest;
  }

  /// The protecting lock objects held, sorted and without repeats.
  std::vector<std::string> held() const;
  /// Any lock held that the lock-scope checks count.
  bool anyScopeLock() const {
    for (const Lock &L : Locks)
      if (L.Held && L.Acquired.Where.isValid())
        return true;
    return false;
  }
  /// Every lock held, in the order taken, for the lock-scope checks; but
  /// those a wait at hand releases while it waits: the locks of the guard
  /// `Released` (`cv.wait(lk)`), or the lock object `ReleasedLock` names
  /// by its identity (`cv_.Wait(&mu_)`).
  std::vector<ScopeLock> scopeLocks(const clang::VarDecl *Released = nullptr,
                                    llvm::StringRef ReleasedLock = {}) const;
  /// How many acquisitions this state has seen: a mark to ask, after a
  /// statement, which locks it acquired.
  unsigned mark() const { return Stamps; }
  /// The scope locks acquired after `Mark` (`After`), or held from before
  /// it (`!After`), in the order taken.
  std::vector<ScopeLock> scopeLocksAcquired(unsigned Mark, bool After) const;
  /// A state in which exactly `Mutexes` are held (on entry to a function
  /// every caller calls with them held).
  static LockState holding(const std::vector<std::string> &Mutexes);

private:
  struct Lock {
    const clang::VarDecl *Guard; // null for a direct m.lock()
    ScopeLock Acquired;
    bool Held;
    bool Protects; // exclusive, on a lock object of the same object
    unsigned Stamp; // when it was last acquired (mark())
  };
  llvm::SmallVector<Lock, 4> Locks;
  unsigned Stamps = 0;
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
  ScopeLock Mutex;                       // a lock object, or
  const clang::VarDecl *Guard = nullptr; // a guard (`lk.owns_lock()`)
  bool WhenTrue = true;
  bool Protects = false;

  /// Records the lock as held in `State`.
  void holdIn(LockState &State) const {
    if (Guard)
      State.setGuardHeld(Guard, true);
    else
      State.lockMutex(Mutex, Protects);
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
  /// A lock object someone else can wait on, taken at `Where`: member state
  /// (`Protects`), or a global, static, or one reached through a reference
  /// or pointer. Nothing for an automatic local mutex.
  struct Acquisition {
    ScopeLock Lock;
    bool Protects = false;
  };
  std::optional<Acquisition> acquisitionOf(const clang::Expr *Arg, clang::SourceLocation Where,
                                           bool Shared) const;
  void applyLockCall(const LockCall &Effect, clang::SourceLocation Where, LockState &State) const;
  /// Fills in the lock-order identity and owner of `Lock`, taken on `Object`.
  void identify(const clang::Expr &Object, ScopeLock &Lock) const;

  bool isExclusiveGuard(const clang::VarDecl *Guard) const;
  /// The exclusive guard a condition asks about: `lk.owns_lock()`, `lk`
  /// (its `operator bool`) or `lk.try_lock()`.
  const clang::VarDecl *testedGuard(const clang::CallExpr &Call) const;

  const MemberStateResolver &Resolver;
  const LockTypeNames &Names;
};

/// The lock-order identity of the lock object `Lock` (`mu_` or `&mu_`)
/// names: the declaring class and member, or a global's or static's
/// qualified name; empty for a local or a reference (ScopeLock::Identity).
std::string lockIdentity(const clang::Expr &Lock);

/// The qualified name of the class a (possibly dependent) type names.
std::string recordName(clang::QualType Type);

} // namespace modlint
