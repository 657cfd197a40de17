#include "ForwardedWrites.h"

#include "CallInfo.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace modlint {

namespace {
constexpr unsigned MaxForwardingDepth = 4;

bool refersTo(const Expr *E, const ParmVarDecl &Param) {
  const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(passedOn(E));
  return Ref && Ref->getDecl() == &Param;
}

/// The callee's own arguments start after the object of an operator call
/// on a member operator.
unsigned firstArgument(const CallExpr &Call) {
  const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&Call);
  return Op && llvm::isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) ? 1 : 0;
}

bool isForwardingReference(const ParmVarDecl &Param) {
  const auto *RValue = Param.getType()->getAs<RValueReferenceType>();
  return RValue && !RValue->getPointeeType().isConstQualified() &&
         RValue->getPointeeType()->getAs<TemplateTypeParmType>();
}

/// The parameter `Index` of the pattern `Callee` was instantiated from.
const ParmVarDecl *patternParameter(const FunctionDecl &Callee, unsigned Index) {
  const FunctionDecl *Pattern = Callee.getTemplateInstantiationPattern();
  if (!Pattern || Pattern->getNumParams() == 0)
    return nullptr;
  // A trailing pack (`ArgT &&...args`) stands for every argument from its
  // place on.
  const unsigned Last = Pattern->getNumParams() - 1;
  if (Index >= Last && Pattern->getParamDecl(Last)->isParameterPack())
    return Pattern->getParamDecl(Last);
  return Index <= Last ? Pattern->getParamDecl(Index) : nullptr;
}

bool writesParameter(const FunctionDecl &Callee, const ParmVarDecl &Param, unsigned Depth);

/// One expression of the callee's body writes `Param`.
bool writesAt(const Expr &E, const ParmVarDecl &Param, unsigned Depth) {
  if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(&E))
    return Binary->isAssignmentOp() && refersTo(Binary->getLHS(), Param);
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(&E))
    return Unary->isIncrementDecrementOp() && refersTo(Unary->getSubExpr(), Param);
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (Method && !Method->isConst() && refersTo(Member->getImplicitObjectArgument(), Param))
      return true;
  }
  const auto *Call = llvm::dyn_cast<CallExpr>(&E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return false;
  const unsigned First = firstArgument(*Call);
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    if (!refersTo(Call->getArg(I), Param))
      continue;
    if (I < First) // the object of a member operator (`v += 1`, `v = x`)
      return !llvm::cast<CXXMethodDecl>(Callee)->isConst();
    const unsigned Index = I - First;
    if (Index >= Callee->getNumParams())
      continue;
    const ParmVarDecl *Pattern = patternParameter(*Callee, Index);
    if (Pattern && isForwardingReference(*Pattern)) {
      if (Depth < MaxForwardingDepth &&
          writesParameter(*Callee, *Callee->getParamDecl(Index), Depth + 1))
        return true;
      continue;
    }
    const QualType Type = Callee->getParamDecl(Index)->getType();
    if (Type->isLValueReferenceType() && !Type.getNonReferenceType().isConstQualified())
      return true;
  }
  return false;
}

bool writesParameter(const FunctionDecl &Callee, const ParmVarDecl &Param, unsigned Depth) {
  const FunctionDecl *Definition = Callee.getDefinition();
  if (!Definition || !Definition->getBody())
    return false;
  const ParmVarDecl &Own = *Definition->getParamDecl(Param.getFunctionScopeIndex());
  llvm::SmallVector<const Stmt *, 32> Pending{Definition->getBody()};
  while (!Pending.empty()) {
    const Stmt *S = Pending.pop_back_val();
    if (!S)
      continue;
    if (const auto *E = llvm::dyn_cast<Expr>(S); E && writesAt(*E, Own, Depth))
      return true;
    for (const Stmt *Child : S->children())
      Pending.push_back(Child);
  }
  return false;
}
} // namespace

std::optional<unsigned> forwardingParameter(const CallExpr &Call, const Expr &Arg) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return std::nullopt;
  const unsigned First = firstArgument(Call);
  for (unsigned I = First; I < Call.getNumArgs(); ++I) {
    if (Call.getArg(I)->IgnoreParenImpCasts() != Arg.IgnoreParenImpCasts())
      continue;
    const ParmVarDecl *Pattern = patternParameter(*Callee, I - First);
    if (Pattern && isForwardingReference(*Pattern))
      return I - First;
  }
  return std::nullopt;
}

bool takesForwardingReference(const FunctionDecl &Function) {
  return llvm::any_of(Function.parameters(),
                      [](const ParmVarDecl *Param) { return isForwardingReference(*Param); });
}

bool writesThroughParameter(const CallExpr &Call, unsigned Index) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || Index >= Callee->getNumParams())
    return false;
  return writesParameter(*Callee, *Callee->getParamDecl(Index), 0);
}

} // namespace modlint
