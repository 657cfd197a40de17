#include "MemberState.h"

#include "CallInfo.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace modlint {

namespace {
constexpr unsigned MaxPathDepth = 32;
// Longer index and argument expressions are abbreviated so the message
// stays readable.
constexpr size_t MaxIndexText = 24;

const Expr *strip(const Expr *E) { return E->IgnoreParenImpCasts(); }

/// The unnamed member that holds an anonymous union or struct: its members
/// are the ones the user names.
bool isAnonymousMember(const ValueDecl *Member) {
  const auto *Field = llvm::dyn_cast<FieldDecl>(Member);
  return Field && Field->isAnonymousStructOrUnion();
}

/// A call on an object that hands back a mutable part of it (`back()`,
/// `at(k)`, `value()`): writes through the result write the object.
bool returnsMutableReference(const FunctionDecl *Callee) {
  QualType Result = Callee->getReturnType();
  return Result->isLValueReferenceType() &&
         !Result->getPointeeType().isConstQualified();
}
} // namespace

const Expr *subscriptBase(const ArraySubscriptExpr &Subscript) {
  return Subscript.getLHS()->getType()->isIntegerType() ? Subscript.getRHS()
                                                        : Subscript.getLHS();
}

std::optional<MemberState>
MemberStateResolver::resolve(const Expr *E) const {
  return E ? resolve(E, 0) : std::nullopt;
}

std::optional<MemberState>
MemberStateResolver::fromThisMember(const Expr *Base,
                                    const ValueDecl *Member) const {
  // Through `this` or any alias of the shared object (`self->n_`).
  const CXXRecordDecl *Owner = objectOf(Base);
  if (!Owner || Member->getType()->isReferenceType())
    return std::nullopt;
  return MemberState{Member, Owner, isAnonymousMember(Member) ? "" : Member->getNameAsString()};
}

/// The data member called `Name` in `Record` or its bases, including bases
/// that depend on template parameters (looked up in their pattern).
const ValueDecl *findMember(const CXXRecordDecl *Record, DeclarationName Name,
                            unsigned Depth = 0) {
  if (!Record || !Record->hasDefinition() || Depth > MaxPathDepth)
    return nullptr;
  for (const NamedDecl *Found : Record->lookup(Name))
    if (llvm::isa<FieldDecl, VarDecl>(Found))
      return llvm::cast<ValueDecl>(Found);
  for (const CXXBaseSpecifier &Base : Record->bases())
    if (const ValueDecl *Member = findMember(recordOf(Base.getType()), Name, Depth + 1))
      return Member;
  return nullptr;
}

std::optional<MemberState>
MemberStateResolver::fromStatic(const VarDecl *Var) const {
  // A thread_local static has one copy per thread: not shared by requests.
  if (!Var->isStaticDataMember() || Var->getType()->isReferenceType() ||
      Var->getTLSKind() != VarDecl::TLS_None)
    return std::nullopt;
  const auto *Owner = llvm::dyn_cast<CXXRecordDecl>(Var->getDeclContext());
  if (!Owner || !Modules.isSharedModule(Owner))
    return std::nullopt;
  return MemberState{Var->getCanonicalDecl(), Owner, Var->getNameAsString()};
}

std::string MemberStateResolver::spelling(const Expr *E, size_t MaxLength) const {
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  std::string Text = Lexer::getSourceText(Range, Context.getSourceManager(),
                                          Context.getLangOpts())
                         .str();
  if (Text.empty() || Text.size() > MaxLength || Text.find('\n') != std::string::npos)
    return "...";
  return Text;
}

std::string MemberStateResolver::indexText(const Expr *Index) const {
  return spelling(Index, MaxIndexText);
}

std::optional<MemberState> MemberStateResolver::resolve(const Expr *E,
                                                        unsigned Depth) const {
  if (Depth > MaxPathDepth)
    return std::nullopt;
  E = strip(E);
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(E))
    return member(*Member, Depth);
  if (const auto *Dependent = llvm::dyn_cast<CXXDependentScopeMemberExpr>(E))
    return dependentMember(*Dependent, Depth);
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
    // `for (auto &[name, quota] : quotas_) quota = 0;`: a binding of a
    // reference alias names part of the element.
    if (const auto *Binding = llvm::dyn_cast<BindingDecl>(Ref->getDecl()))
      if (const auto *Whole = llvm::dyn_cast_or_null<VarDecl>(Binding->getDecomposedDecl()))
        if (auto Alias = Aliases.find(Whole); Alias != Aliases.end())
          return Alias->second;
    const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var)
      return std::nullopt;
    if (auto Alias = Aliases.find(Var); Alias != Aliases.end())
      return Alias->second;
    return fromStatic(Var);
  }
  if (const auto *Subscript = llvm::dyn_cast<ArraySubscriptExpr>(E))
    return subscript(*Subscript, Depth);
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E))
    return Unary->getOpcode() == UO_Deref ? dereference(*Unary->getSubExpr(), Depth)
                                          : std::nullopt;
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E))
    return overloadedOperator(*Op, Depth);
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E))
    return memberCall(*Call, Depth);
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E))
    return libraryAccess(*Call, Depth);
  return std::nullopt;
}

std::optional<MemberState> MemberStateResolver::member(const MemberExpr &E,
                                                       unsigned Depth) const {
  const ValueDecl *Decl = E.getMemberDecl();
  if (const auto *Var = llvm::dyn_cast<VarDecl>(Decl))
    return fromStatic(Var);
  if (!llvm::isa<FieldDecl>(Decl))
    return std::nullopt;
  if (auto Root = fromThisMember(E.getBase(), Decl))
    return Root;
  auto Outer = E.isArrow() ? pointedAt(E.getBase()) : std::nullopt; // `p->count`
  if (!Outer)
    Outer = resolve(E.getBase(), Depth + 1);
  if (!Outer || isAnonymousMember(Decl))
    return Outer;
  // `packed_` in an anonymous union of the module is the member itself.
  if (Outer->Path.empty() && isAnonymousMember(Outer->Member)) {
    Outer->Member = Decl;
    Outer->Path = Decl->getNameAsString();
    return Outer;
  }
  Outer->Path += (E.isArrow() ? "->" : ".") + Decl->getNameAsString();
  return Outer;
}

std::optional<MemberState>
MemberStateResolver::dependentMember(const CXXDependentScopeMemberExpr &E,
                                     unsigned Depth) const {
  if (E.isImplicitAccess())
    return std::nullopt;
  // `this->items_` in a template whose base depends on a parameter: the
  // member lives in the base template's pattern.
  if (const CXXRecordDecl *Owner = objectOf(E.getBase())) {
    const ValueDecl *Member = findMember(definitionOf(Owner), E.getMember());
    if (const auto *Var = llvm::dyn_cast_or_null<VarDecl>(Member))
      return fromStatic(Var);
    return Member ? fromThisMember(E.getBase(), Member) : std::nullopt;
  }
  auto Outer = resolve(E.getBase(), Depth + 1);
  if (!Outer)
    return std::nullopt;
  Outer->Path += (E.isArrow() ? "->" : ".") + E.getMember().getAsString();
  return Outer;
}

std::optional<MemberState> MemberStateResolver::subscript(const ArraySubscriptExpr &E,
                                                          unsigned Depth) const {
  const Expr *Base = subscriptBase(E);
  if (auto Element = pointedAt(Base)) // `p[1]` for `int *p = window_.data()`
    return Element;
  auto Outer = resolve(Base, Depth + 1);
  if (Outer)
    Outer->Path += "[" + indexText(Base == E.getLHS() ? E.getRHS() : E.getLHS()) + "]";
  return Outer;
}

std::optional<MemberState> MemberStateResolver::dereference(const Expr &Pointer,
                                                            unsigned Depth) const {
  if (auto Element = pointedAt(&Pointer))
    return Element;
  auto Outer = resolve(&Pointer, Depth + 1);
  if (Outer)
    Outer->Path = "*" + Outer->Path;
  return Outer;
}

std::optional<MemberState>
MemberStateResolver::overloadedOperator(const CXXOperatorCallExpr &E, unsigned Depth) const {
  switch (E.getOperator()) {
  case OO_Subscript: {
    auto Outer = resolve(E.getArg(0), Depth + 1);
    if (Outer && E.getNumArgs() > 1)
      Outer->Path += "[" + indexText(E.getArg(1)) + "]";
    return Outer;
  }
  case OO_Arrow: // a smart pointer: `state_->count` reaches through it
    if (auto Element = pointedAt(E.getArg(0)))
      return Element;
    return resolve(E.getArg(0), Depth + 1);
  case OO_Star:
    if (E.getNumArgs() != 1)
      return std::nullopt;
    return dereference(*E.getArg(0), Depth);
  default:
    return std::nullopt;
  }
}

std::optional<MemberState> MemberStateResolver::libraryAccess(const CallExpr &E,
                                                              unsigned Depth) const {
  // `std::get<0>(pair_) = v`: the library hands back a part of its argument.
  const FunctionDecl *Callee = E.getDirectCallee();
  if (!Callee || E.getNumArgs() != 1 || !Callee->getIdentifier() ||
      Callee->getName() != "get" || !declaredInStd(*Callee) ||
      !returnsMutableReference(Callee))
    return std::nullopt;
  auto Outer = resolve(E.getArg(0), Depth + 1);
  if (Outer)
    Outer->Path = indexText(E.getCallee()) + "(" + Outer->Path + ")";
  return Outer;
}

std::optional<MemberState> MemberStateResolver::memberCall(const CXXMemberCallExpr &E,
                                                           unsigned Depth) const {
  const CXXMethodDecl *Method = E.getMethodDecl();
  if (!Method || !returnsMutableReference(Method))
    return std::nullopt;
  auto Outer = resolve(E.getImplicitObjectArgument(), Depth + 1);
  if (!Outer)
    return std::nullopt;
  std::string Args;
  for (const Expr *Arg : E.arguments())
    Args += (Args.empty() ? "" : ", ") + indexText(Arg);
  Outer->Path += "." + Method->getNameAsString() + "(" + Args + ")";
  return Outer;
}

} // namespace modlint
