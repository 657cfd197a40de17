// The uses the scanner reports besides writes: member-state expressions (for
// mutable-member's mutation analysis) and calls of the object's own member
// functions (for the helpers' entry locks, HelperLocks.h).
#include "WriteScanner.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace modlint {

void WriteScanner::noteMemberUse(const Expr *E, const LockState &State) {
  if (PathInterior.contains(E))
    return;
  if (!llvm::isa<MemberExpr, DeclRefExpr, ArraySubscriptExpr, UnaryOperator,
                 CXXOperatorCallExpr, CXXMemberCallExpr,
                 CXXDependentScopeMemberExpr>(E))
    return;
  auto Target = Resolver.resolve(E);
  if (!Target)
    return;
  // Everything below `E` on the access path is part of this use.
  for (const Expr *Inner = E; Inner;) {
    Inner = Inner->IgnoreParenImpCasts();
    PathInterior.insert(Inner);
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(Inner))
      Inner = Member->getBase();
    else if (const auto *Dep = llvm::dyn_cast<CXXDependentScopeMemberExpr>(Inner))
      Inner = Dep->isImplicitAccess() ? nullptr : Dep->getBase();
    else if (const auto *Subscript = llvm::dyn_cast<ArraySubscriptExpr>(Inner))
      Inner = subscriptBase(*Subscript);
    else if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(Inner))
      Inner = Unary->getSubExpr();
    else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(Inner))
      Inner = Op->getNumArgs() ? Op->getArg(0) : nullptr;
    else if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(Inner))
      Inner = Call->getImplicitObjectArgument();
    else
      Inner = nullptr;
  }
  Listener.onMemberUse({E, std::move(*Target), State.anyHeld()});
}

void WriteScanner::noteMethodUse(const Expr *E, const LockState &State) {
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Callee = Call->getMethodDecl();
    const Expr *Object = Call->getImplicitObjectArgument();
    if (!Callee || !Object)
      return;
    // `helper()`, `(*this).helper()`, `self->helper()`.
    if (!Resolver.objectOf(Object))
      return; // another object's call: its MemberExpr below is an other use
    OwnCallees.insert(Call->getCallee()->IgnoreParens());
    Listener.onOwnCall(*Callee, State);
    return;
  }
  const ValueDecl *Used = nullptr;
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(E))
    Used = Member->getMemberDecl();
  else if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    Used = Ref->getDecl();
  if (const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Used);
      Method && !OwnCallees.contains(E))
    Listener.onOtherUse(*Method);
}

} // namespace modlint
