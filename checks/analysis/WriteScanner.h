// Walks the body of a shared module's member function (with the lambdas and
// local classes inside it) in statement order, keeping track of held locks,
// and reports every write to member state and every use of a member.
#pragma once

#include "DeferredCode.h"
#include "LockState.h"
#include "MemberState.h"
#include "SafeTypes.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace modlint {

enum class WriteKind {
  Increment,          // ++ / -- (built-in or overloaded)
  CompoundAssignment, // += |= <<= ... (built-in or overloaded)
  Assignment,         // = (built-in or overloaded)
  ContainerMutation,  // push_back, insert, map operator[], ...
  SplitAtomicUpdate,  // a_ = a_ + 1, a_.store(a_.load() + 1) on a std::atomic
};

struct WriteEvent {
  WriteKind Kind;
  const clang::Expr *Write;  // the whole write expression
  std::string Operation;     // "++", "+=", "=", "push_back", "operator[]"
  MemberState Target;        // what is written
  bool LockHeld;
  /// A protecting lock held at the write (`mu_`), when one can be named.
  std::string Lock = {};
  /// The critical section the write is in, if any.
  std::optional<LockSection> Section = {};
};

/// A write to global state: a namespace-scope variable, a static data
/// member of a class that is not a shared module, or a function-local
/// static (what modlint-global-state judges).
struct GlobalWrite {
  WriteKind Kind;
  const clang::Expr *Write;
  std::string Operation;
  const clang::VarDecl *Variable;
  /// An exclusive lock on a namespace-scope or static lock object is held.
  bool LockHeld;
};

/// The outermost member-state expression at one place in the body, e.g.
/// `stats_.count` in `stats_.count++` or `items_` in `items_.size()`.
struct MemberUse {
  const clang::Expr *Use;
  MemberState Target;
  bool LockHeld;
};

class ScanListener {
public:
  virtual ~ScanListener() = default;
  virtual void onWrite(const WriteEvent &Event) {}
  virtual void onGlobalWrite(const GlobalWrite &Event) {}
  virtual void onMemberUse(const MemberUse &Use) {}
  /// A call of a member function on the object being analysed (`helper()`,
  /// `this->helper()`), with the locks held where it is made.
  virtual void onOwnCall(const clang::CXXMethodDecl &Callee, const LockState &State) {}
  /// A member function used in any other way: called on another object,
  /// its address taken, bound. Its callers are then unknown.
  virtual void onOtherUse(const clang::CXXMethodDecl &Method) {}
  /// Any call, with the locks held where it is made; `Nested` as for
  /// onAcquire.
  virtual void onCall(const clang::CallExpr &Call, const LockState &State, bool Nested) {}
  /// Any object construction (`std::ofstream out(path)`), likewise.
  virtual void onConstruct(const clang::CXXConstructExpr &Construct, const LockState &State,
                           bool Nested) {}
  /// A `return` of the scanned function itself (not of a lambda or local
  /// class in it), with the locks held there.
  virtual void onReturn(const clang::ReturnStmt &Return, const LockState &State) {}
  /// A suspension point (`co_await`, `co_yield`) of the scanned function
  /// itself, not of a lambda in it, with the locks held there.
  virtual void onSuspend(const clang::Expr &Suspension, const LockState &State) {}
  /// A statement or declaration acquired locks: `State.scopeLocksAcquired(
  /// Mark, true)` are the new ones, taken together; `(Mark, false)` those
  /// held before. `Nested` when in a lambda or local class body (which may
  /// run later) rather than the scanned function's own.
  virtual void onAcquire(const LockState &State, unsigned Mark, bool Nested) {}
};

class WriteScanner {
public:
  WriteScanner(MemberStateResolver &Resolver, const SafeTypes &Safe,
               ScanListener &Listener)
      : Resolver(Resolver), Locks(Resolver, Safe.lockTypes()), Safe(Safe), Listener(Listener) {}

  /// Scans `Method`'s body, starting with the locks of `Entry` and those
  /// its attributes require.
  void scan(const clang::FunctionDecl &Method, LockState Entry = LockState());

private:
  void walkStatement(const clang::Stmt *S, LockState &State);
  void walkScoped(const clang::Stmt *S, const LockState &Outer);
  /// The body of a lambda or local class method inside the scanned one.
  void walkNested(const clang::Stmt *Body, const LockState &Start);
  void walkDeclaration(const clang::Decl *D, LockState &State);
  /// Tells the listener of the locks `State` acquired since `Mark`.
  void noteAcquired(const LockState &State, unsigned Mark);
  void scanExpr(const clang::Expr *E, const LockState &State);
  void scanLambda(const clang::LambdaExpr *Lambda, const LockState &State);
  bool scanSpecialCall(const clang::CallExpr *Call, const LockState &State);
  void classifyWrite(const clang::Expr *E, const LockState &State);
  /// Writes made through the standard library: split atomic updates,
  /// mutating algorithms. True when `E` is one.
  bool classifyLibraryWrite(const clang::Expr *E, const LockState &State);
  void classifyOtherCall(const clang::CallExpr &Call, const LockState &State);
  void noteMemberUse(const clang::Expr *E, const LockState &State);
  void noteMethodUse(const clang::Expr *E, const LockState &State);
  void report(WriteKind Kind, const clang::Expr *Write,
              const clang::Expr *Target, std::string Operation,
              const LockState &State);

  MemberStateResolver &Resolver;
  LockRecogniser Locks;
  const SafeTypes &Safe;
  ScanListener &Listener;
  /// Inner nodes of member-state paths already reported as part of a longer
  /// path, so that `stats_` in `stats_.count` is not reported again.
  llvm::SmallPtrSet<const clang::Expr *, 16> PathInterior;
  /// The locks each lambda of the body starts with.
  LambdaSchedule Lambdas;
  /// How many lambda or local-class bodies the walk is inside.
  unsigned NestedBodies = 0;
  /// Callees of own calls already reported by onOwnCall.
  llvm::SmallPtrSet<const clang::Expr *, 8> OwnCallees;
};

/// Container types by their shape: std containers and adaptors, plus any
/// class with begin(), end() and size() (absl, boost, llvm containers...).
bool isContainerType(clang::QualType Type);
/// Associative containers whose operator[] inserts (they have mapped_type).
bool isMapLikeType(clang::QualType Type);
/// The map whose `operator[]` the write to `Target` goes through, if any
/// (`users_` in `users_[id] = u` or `users_[id].hits++`): that call inserts,
/// and is the write's one finding, as a container mutation.
const clang::Expr *insertingSubscript(const clang::Expr *Target);
/// Member functions that change a container's structure or contents.
bool isMutatingContainerMethod(llvm::StringRef Name);

} // namespace modlint
