#include "CallInfo.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace modlint {

namespace {
std::optional<MemberCallee> named(const DeclarationName &Name,
                                  const Expr *Object) {
  if (!Name.isIdentifier() || !Object)
    return std::nullopt;
  return MemberCallee{Name.getAsIdentifierInfo()->getName(), Object};
}
} // namespace

std::optional<MemberCallee> memberCallee(const Expr &E) {
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method)
      return std::nullopt;
    return named(Method->getDeclName(), Call->getImplicitObjectArgument());
  }
  const auto *Call = llvm::dyn_cast<CallExpr>(&E);
  if (!Call)
    return std::nullopt;
  const Expr *Callee = Call->getCallee()->IgnoreParenImpCasts();
  if (const auto *Dep = llvm::dyn_cast<CXXDependentScopeMemberExpr>(Callee))
    return Dep->isImplicitAccess()
               ? std::nullopt
               : named(Dep->getMember(), Dep->getBase());
  if (const auto *Unresolved = llvm::dyn_cast<UnresolvedMemberExpr>(Callee))
    return Unresolved->isImplicitAccess()
               ? std::nullopt
               : named(Unresolved->getName(), Unresolved->getBase());
  return std::nullopt;
}

const Expr *throughConversions(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
    E = E->IgnoreImplicit()->IgnoreParens();
    const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E);
    if (!Construct || Construct->getNumArgs() != 1)
      return E;
    E = Construct->getArg(0);
  }
  return E;
}

bool declaredInStd(const Decl &D) {
  for (const DeclContext *Context = D.getDeclContext(); Context && !Context->isTranslationUnit();
       Context = Context->getParent())
    if (Context->isStdNamespace())
      return true;
  return false;
}

bool callsStdFunction(const CallExpr &Call, llvm::StringRef QualifiedName) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || llvm::isa<CXXMethodDecl>(Callee) || !Callee->getIdentifier())
    return false;
  // Compare the simple name first; building the qualified one allocates.
  if (!QualifiedName.ends_with(Callee->getName()))
    return false;
  return Callee->getQualifiedNameAsString() == QualifiedName;
}

bool isNonMember(const FunctionDecl &Function) {
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(&Function);
  return !Method || Method->isStatic();
}

namespace {
/// `std::forward(x)` or `std::move(x)`, resolved or not yet.
bool passesArgumentOn(const CallExpr &Call) {
  if (Call.getNumArgs() != 1)
    return false;
  if (const FunctionDecl *Callee = Call.getDirectCallee())
    return Callee->isInStdNamespace() && Callee->getIdentifier() &&
           llvm::is_contained({"forward", "move"}, Callee->getName());
  const auto *Lookup = llvm::dyn_cast<UnresolvedLookupExpr>(Call.getCallee()->IgnoreParenImpCasts());
  if (!Lookup || !Lookup->getName().isIdentifier())
    return false;
  const NestedNameSpecifier *Qualifier = Lookup->getQualifier();
  const NamespaceDecl *Namespace = Qualifier ? Qualifier->getAsNamespace() : nullptr;
  return Namespace && Namespace->isStdNamespace() &&
         llvm::is_contained({"forward", "move"}, Lookup->getName().getAsIdentifierInfo()->getName());
}
} // namespace

const Expr *passedOn(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cast = llvm::dyn_cast<CXXNamedCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    const auto *Call = llvm::dyn_cast<CallExpr>(E);
    if (!Call || !passesArgumentOn(*Call))
      return E;
    E = Call->getArg(0);
  }
  return E;
}

} // namespace modlint
