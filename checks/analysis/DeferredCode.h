// Where a lambda runs, as DESIGN's "deferred code" defines it. A lambda
// invoked where it is written, or handed to a function known to call it
// before returning, runs under the locks of the code around it; one handed
// to a thread, an executor, a container, a return statement or any other
// function may run later, on another thread, with no lock held.
#pragma once

#include "LockState.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <vector>

namespace modlint {

/// The lambda `E` is, looking through the wrappers Clang puts around a
/// temporary (casts, materialisation, a `std::function` built from it).
const clang::LambdaExpr *lambdaIn(const clang::Expr *E);

/// `Call` runs the lambdas among its arguments before it returns: a lambda
/// invoked where it is written (`[&] { ... }()`), or a function of the
/// standard library that does not keep its callable (algorithms,
/// `std::invoke`, `std::visit`, `std::apply`; not `std::async`,
/// `std::bind`, `std::make_*`, `std::move`, whose callable lives on).
bool runsLambdaArgumentsNow(const clang::CallExpr &Call);

/// The local variable a call `f(...)` invokes, for `auto f = [..] {...};`.
const clang::VarDecl *invokedLocal(const clang::CallExpr &Call);

/// Decides, while a function body is walked, the locks each lambda in it
/// starts with.
class LambdaSchedule {
public:
  enum class Start {
    WithCaller, // invoked now: the locks held where it is written
    Unlocked,   // deferred code: no lock
    AtItsCalls, // a local variable: scanned at the end, under its calls' locks
  };

  /// A call seen in the body: marks the lambdas it runs now, and records
  /// the locks held at a call of a local lambda variable.
  void noteCall(const clang::CallExpr &Call, const LockState &State);
  /// Any other use of a local lambda variable (copied, passed on, stored)
  /// lets it run anywhere: it starts unlocked.
  void noteReference(const clang::DeclRefExpr &Ref);
  /// `auto f = [..] { ... };`: its body waits for the calls of `f`.
  void noteLocal(const clang::VarDecl &Var);

  Start startOf(const clang::LambdaExpr &Lambda) const;

  /// Takes the next local lambda whose body is still to be scanned, with
  /// the locks held at every one of its calls (none if it escaped or was
  /// never called).
  std::optional<std::pair<const clang::LambdaExpr *, LockState>> takeLocal();

private:
  struct Local {
    const clang::LambdaExpr *Lambda;
    std::optional<std::vector<std::string>> HeldAtCalls;
    bool Escaped = false;
  };
  llvm::SmallPtrSet<const clang::LambdaExpr *, 8> RunNow;
  llvm::MapVector<const clang::VarDecl *, Local> Locals;
  llvm::SmallPtrSet<const clang::LambdaExpr *, 8> LocalLambdas;
  llvm::SmallPtrSet<const clang::DeclRefExpr *, 8> Calls;
};

} // namespace modlint
