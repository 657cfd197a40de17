#include "CallbackCalls.h"

#include "CallInfo.h"
#include "NamePatterns.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace modlint {

namespace {
/// Callables whose target is chosen by whoever stored them: the standard
/// library's, Boost's and Abseil's type-erased function wrappers.
bool isTypeErased(const NamedDecl &Wrapper) {
  return llvm::is_contained({"std::function", "std::move_only_function", "std::copyable_function",
                             "std::function_ref", "boost::function", "absl::AnyInvocable",
                             "absl::FunctionRef"},
                            Wrapper.getQualifiedNameAsString());
}

/// What kind of callback an object of `Type` is when it is called, if any.
std::optional<CallbackKind> callableKind(QualType Type) {
  Type = Type.getNonReferenceType();
  if (Type->isFunctionPointerType() || Type->isFunctionType() ||
      Type->isMemberFunctionPointerType())
    return CallbackKind::FunctionPointer;
  // `F f` or a generic lambda's `auto f`: whatever the caller passes in.
  if (Type->getAs<TemplateTypeParmType>())
    return CallbackKind::TemplateCallable;
  if (const CXXRecordDecl *Record = Type->getAsCXXRecordDecl())
    return isTypeErased(*Record) ? std::optional(CallbackKind::TypeErased) : std::nullopt;
  // `std::function<void(T)>` inside a template, before it is instantiated.
  if (const auto *Special = Type->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *Template = Special->getTemplateName().getAsTemplateDecl())
      if (isTypeErased(*Template))
        return CallbackKind::TypeErased;
  return std::nullopt;
}

/// The object a member call is made on is `*this`, or one whose dynamic
/// type is its static type (a variable or member held by value, a
/// temporary): the call runs code the class chose.
bool dispatchedStatically(const MemberExpr &Callee) {
  const Expr *Object = Callee.getBase()->IgnoreParenImpCasts();
  if (const auto *Deref = llvm::dyn_cast<UnaryOperator>(Object);
      Deref && Deref->getOpcode() == UO_Deref)
    if (llvm::isa<CXXThisExpr>(Deref->getSubExpr()->IgnoreParenImpCasts()))
      return true;
  if (llvm::isa<CXXThisExpr>(Object))
    return true;
  if (Callee.isArrow())
    return false;
  const ValueDecl *Held = nullptr;
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Object))
    Held = Ref->getDecl();
  else if (const auto *Member = llvm::dyn_cast<MemberExpr>(Object))
    Held = Member->getMemberDecl();
  else
    return Object->isPRValue() || llvm::isa<MaterializeTemporaryExpr>(Object);
  return !Held->getType()->isReferenceType();
}

/// `listener_->onEvent(e)`, `sink.write(line)` through a reference: a
/// virtual method that another object's class overrides.
bool isVirtualOnOtherObject(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  const auto *Callee = llvm::dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParens());
  if (!Method || !Callee || !Method->isVirtual() || Callee->hasQualifier())
    return false; // `Base::f()` names the code it runs
  if (Method->hasAttr<FinalAttr>() || Method->getParent()->hasAttr<FinalAttr>())
    return false;
  // The library's own virtuals (`what()`, a stream buffer's) call no user code.
  if (declaredInStd(*Method))
    return false;
  return !dispatchedStatically(*Callee);
}

/// `std::invoke(cb, args...)`: the callable is the first argument.
bool invokesFirstArgument(const CallExpr &Call) {
  return Call.getNumArgs() > 0 &&
         llvm::any_of(std::initializer_list<llvm::StringRef>{"std::invoke", "std::invoke_r",
                                                             "std::apply"},
                      [&](llvm::StringRef Name) { return callsStdFunction(Call, Name); });
}

std::optional<CallbackCall> callOf(const Expr *Callee) {
  if (auto Kind = callableKind(passedOn(Callee)->getType()))
    return CallbackCall{*Kind, Callee, {}};
  return std::nullopt;
}
} // namespace

std::optional<CallbackCall> callbackCall(const CallExpr &Call,
                                         const std::vector<llvm::GlobPattern> &Listed) {
  if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(&Call))
    return Operator->getOperator() == OO_Call ? callOf(Operator->getArg(0)) : std::nullopt;
  const Expr *Callee = Call.getCallee()->IgnoreParenImpCasts();
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call)) {
    if (isVirtualOnOtherObject(*Member))
      return CallbackCall{CallbackKind::Virtual, Callee, {}};
    // `(object->*handler)(x)`: a pointer to a member function of another
    // object (on `this` it picks one of the class's own methods).
    if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(Callee); Binary && Binary->isPtrMemOp())
      return llvm::isa<CXXThisExpr>(Binary->getLHS()->IgnoreParenImpCasts())
                 ? std::nullopt
                 : std::optional(CallbackCall{CallbackKind::FunctionPointer, Binary->getRHS(), {}});
  }
  const FunctionDecl *Direct = Call.getDirectCallee();
  if (!Direct)
    return callOf(Callee);
  if (invokesFirstArgument(Call))
    return callOf(Call.getArg(0)->IgnoreParenImpCasts());
  if (!Listed.empty()) {
    std::string Qualified = Direct->getQualifiedNameAsString();
    if (matchesAnyName(Listed, Qualified))
      return CallbackCall{CallbackKind::Listed, nullptr, std::move(Qualified)};
  }
  return std::nullopt;
}

llvm::StringRef describe(CallbackKind Kind) {
  switch (Kind) {
  case CallbackKind::TypeErased:
    return "a type-erased callable";
  case CallbackKind::FunctionPointer:
    return "a function pointer";
  case CallbackKind::TemplateCallable:
    return "a callable of template-parameter type";
  case CallbackKind::Virtual:
    return "a virtual method of another object";
  case CallbackKind::Listed:
    return "one of CallbackFunctions";
  }
  return "a callback";
}

} // namespace modlint
