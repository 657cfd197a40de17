#include "GlobalState.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace modlint {

namespace {
/// A variable with static storage named by `E` itself.
const VarDecl *staticVariable(const Expr *E) {
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasGlobalStorage() ? Var : nullptr;
}
} // namespace

const VarDecl *writtenGlobal(const Expr *Target) {
  const Expr *E = Target;
  for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const VarDecl *Var = staticVariable(E))
      return Var;
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(E)) {
      if (Member->isArrow())
        return nullptr; // what a pointer points to is not the variable
      // A static data member named through an object: `Config::cache`.
      if (const auto *Var = llvm::dyn_cast<VarDecl>(Member->getMemberDecl()))
        return Var->hasGlobalStorage() ? Var : nullptr;
      E = Member->getBase();
    } else if (const auto *Subscript = llvm::dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = Subscript->getBase()->IgnoreParenImpCasts();
      if (!Base->getType()->isArrayType() && !staticVariable(Base))
        return nullptr;
      // `buffer[i]` on an array decays `buffer`; a pointer's pointee is not it.
      const VarDecl *Var = staticVariable(Base);
      return Var && Var->getType()->isArrayType() ? Var : nullptr;
    } else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E);
               Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() > 0) {
      E = Op->getArg(0); // `g_table[key]`
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

llvm::StringRef globalKind(const VarDecl &Var) {
  if (Var.isStaticLocal())
    return "a function-local static";
  if (Var.isStaticDataMember())
    return "a static data member";
  return "a namespace-scope variable";
}

bool isRacyGlobal(const VarDecl &Var, const SafeTypes &Safe, const ModuleClassifier &Modules) {
  if (!Var.hasGlobalStorage() || Var.getTLSKind() != VarDecl::TLS_None || Var.isConstexpr())
    return false;
  const QualType Type = Var.getType();
  if (Type.isConstQualified() || Type->isReferenceType() || Safe.isThreadSafe(Type))
    return false;
  if (const auto *Array = Type->getAsArrayTypeUnsafe();
      Array && Array->getElementType().isConstQualified())
    return false;
  if (Var.getASTContext().getSourceManager().isInSystemHeader(Var.getLocation()))
    return false;
  if (Var.isStaticDataMember())
    if (const auto *Owner = llvm::dyn_cast<CXXRecordDecl>(Var.getDeclContext());
        Owner && Modules.isSharedModule(Owner))
      return false; // member state: modlint-mutable-member's
  return true;
}

llvm::SmallVector<const VarDecl *, 2> globalsPassedForWriting(const CallExpr &Call) {
  llvm::SmallVector<const VarDecl *, 2> Found;
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return Found;
  const unsigned Skip = llvm::isa<CXXOperatorCallExpr>(Call) &&
                                llvm::isa<CXXMethodDecl>(Callee)
                            ? 1
                            : 0; // an operator's object is its first argument
  for (unsigned I = Skip; I < Call.getNumArgs(); ++I) {
    const unsigned Param = I - Skip;
    if (Param >= Callee->getNumParams())
      break; // variadic arguments are passed by value
    const QualType Type = Callee->getParamDecl(Param)->getType();
    const bool Writable =
        (Type->isPointerType() && !Type->getPointeeType().isConstQualified()) ||
        (Type->isLValueReferenceType() && !Type.getNonReferenceType().isConstQualified());
    if (!Writable)
      continue;
    const Expr *Arg = Call.getArg(I)->IgnoreParenImpCasts();
    if (const auto *Address = llvm::dyn_cast<UnaryOperator>(Arg);
        Address && Address->getOpcode() == UO_AddrOf)
      Arg = Address->getSubExpr();
    if (const VarDecl *Var = writtenGlobal(Arg))
      Found.push_back(Var);
  }
  return Found;
}

} // namespace modlint
