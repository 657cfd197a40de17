#include "MemberState.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace modlint {

namespace {
constexpr unsigned MaxPathDepth = 32;
// Longer index and argument expressions are abbreviated so the message
// stays readable.
constexpr size_t MaxIndexText = 24;

const Expr *strip(const Expr *E) { return E->IgnoreParenImpCasts(); }

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
  const auto *This = llvm::dyn_cast<CXXThisExpr>(strip(Base));
  if (!This)
    return std::nullopt;
  // `this` of a lambda is the enclosing object; `this` of a local class is
  // the local object, which is not shared.
  const CXXRecordDecl *Owner =
      This->getType()->getPointeeType()->getAsCXXRecordDecl();
  if (!Owner || !Modules.isSharedModule(Owner))
    return std::nullopt;
  if (Member->getType()->isReferenceType())
    return std::nullopt;
  return MemberState{Member, Owner, Member->getNameAsString()};
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

void MemberStateResolver::addAlias(const VarDecl *Alias, const Expr *Init,
                                   bool Element) {
  // Only a reference that can write: `const auto &` only reads.
  QualType Type = Alias->getType();
  if (!Type->isReferenceType() || Type.getNonReferenceType().isConstQualified())
    return;
  auto State = resolve(Init);
  if (!State)
    return;
  if (Element)
    State->Path += "[...]";
  Aliases[Alias] = std::move(*State);
}

std::string MemberStateResolver::indexText(const Expr *Index) const {
  CharSourceRange Range = CharSourceRange::getTokenRange(Index->getSourceRange());
  std::string Text = Lexer::getSourceText(Range, Context.getSourceManager(),
                                          Context.getLangOpts())
                         .str();
  if (Text.empty() || Text.size() > MaxIndexText ||
      Text.find('\n') != std::string::npos)
    return "...";
  return Text;
}

std::optional<MemberState> MemberStateResolver::resolve(const Expr *E,
                                                        unsigned Depth) const {
  if (Depth > MaxPathDepth)
    return std::nullopt;
  E = strip(E);

  if (const auto *Member = llvm::dyn_cast<MemberExpr>(E)) {
    const ValueDecl *Decl = Member->getMemberDecl();
    if (const auto *Var = llvm::dyn_cast<VarDecl>(Decl))
      return fromStatic(Var);
    if (!llvm::isa<FieldDecl>(Decl))
      return std::nullopt;
    if (auto Root = fromThisMember(Member->getBase(), Decl))
      return Root;
    auto Outer = resolve(Member->getBase(), Depth + 1);
    if (!Outer)
      return std::nullopt;
    Outer->Path += (Member->isArrow() ? "->" : ".") + Decl->getNameAsString();
    return Outer;
  }

  if (const auto *Dependent = llvm::dyn_cast<CXXDependentScopeMemberExpr>(E)) {
    if (Dependent->isImplicitAccess())
      return std::nullopt;
    // `this->items_` in a template whose base depends on a parameter: the
    // member lives in the base template's pattern.
    if (const auto *This = llvm::dyn_cast<CXXThisExpr>(strip(Dependent->getBase()))) {
      const CXXRecordDecl *Owner = This->getType()->getPointeeType()->getAsCXXRecordDecl();
      const ValueDecl *Member =
          findMember(Owner ? definitionOf(Owner) : nullptr,
                     Dependent->getMember());
      if (const auto *Var = llvm::dyn_cast_or_null<VarDecl>(Member))
        return fromStatic(Var);
      return Member ? fromThisMember(This, Member) : std::nullopt;
    }
    auto Outer = resolve(Dependent->getBase(), Depth + 1);
    if (!Outer)
      return std::nullopt;
    Outer->Path += (Dependent->isArrow() ? "->" : ".") +
                   Dependent->getMember().getAsString();
    return Outer;
  }

  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var)
      return std::nullopt;
    if (auto Alias = Aliases.find(Var); Alias != Aliases.end())
      return Alias->second;
    return fromStatic(Var);
  }

  if (const auto *Subscript = llvm::dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Base = subscriptBase(*Subscript);
    auto Outer = resolve(Base, Depth + 1);
    if (Outer)
      Outer->Path += "[" +
                     indexText(Base == Subscript->getLHS() ? Subscript->getRHS()
                                                           : Subscript->getLHS()) +
                     "]";
    return Outer;
  }

  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() != UO_Deref)
      return std::nullopt;
    auto Outer = resolve(Unary->getSubExpr(), Depth + 1);
    if (Outer)
      Outer->Path = "*" + Outer->Path;
    return Outer;
  }

  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E)) {
    switch (Op->getOperator()) {
    case OO_Subscript: {
      auto Outer = resolve(Op->getArg(0), Depth + 1);
      if (Outer && Op->getNumArgs() > 1)
        Outer->Path += "[" + indexText(Op->getArg(1)) + "]";
      return Outer;
    }
    case OO_Arrow: // a smart pointer: `state_->count` reaches through it
      return resolve(Op->getArg(0), Depth + 1);
    case OO_Star:
      if (Op->getNumArgs() == 1) {
        auto Outer = resolve(Op->getArg(0), Depth + 1);
        if (Outer)
          Outer->Path = "*" + Outer->Path;
        return Outer;
      }
      return std::nullopt;
    default:
      return std::nullopt;
    }
  }

  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method || !returnsMutableReference(Method))
      return std::nullopt;
    auto Outer = resolve(Call->getImplicitObjectArgument(), Depth + 1);
    if (!Outer)
      return std::nullopt;
    std::string Args;
    for (const Expr *Arg : Call->arguments())
      Args += (Args.empty() ? "" : ", ") + indexText(Arg);
    Outer->Path += "." + Method->getNameAsString() + "(" + Args + ")";
    return Outer;
  }

  return std::nullopt;
}

} // namespace modlint
