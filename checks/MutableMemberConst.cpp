// modlint-mutable-member's suggestion: when declaring a never-modified
// member `const` would compile, and the fix-it that does it.
#include "MutableMemberCheck.h"

#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace modlint {

namespace {
/// Every constructor initialises `Field` in its member-initializer list.
bool initialisedByEveryConstructor(const FieldDecl &Field,
                                   const CXXRecordDecl &Module) {
  bool AnyConstructor = false;
  for (const CXXConstructorDecl *Ctor : Module.ctors()) {
    if (Ctor->isDeleted() || Ctor->isCopyOrMoveConstructor())
      continue;
    if (Ctor->isImplicit())
      return false; // an implicit default constructor leaves it uninitialised
    AnyConstructor = true;
    const CXXConstructorDecl *Def =
        llvm::dyn_cast_or_null<CXXConstructorDecl>(Ctor->getDefinition());
    if (!Def)
      return false;
    if (Def->isDelegatingConstructor())
      continue;
    bool Initialises = false;
    for (const CXXCtorInitializer *Init : Def->inits())
      if (Init->isWritten() && Init->getMember() == &Field)
        Initialises = true;
    if (!Initialises)
      return false;
  }
  return AnyConstructor;
}

/// A class type whose const objects can be default-initialised: it has a
/// user-provided default constructor (`const std::string s_;`), or an
/// implicit one and every member and base can be (each field has an
/// initializer or is such a class itself).
bool isConstDefaultConstructible(QualType Type, unsigned Depth = 0) {
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition() || Depth > 8)
    return false;
  Record = Record->getDefinition();
  for (const CXXConstructorDecl *Ctor : Record->ctors())
    if (Ctor->isDefaultConstructor() && Ctor->isUserProvided())
      return true;
  if (!Record->hasDefaultConstructor() || Record->hasUserProvidedDefaultConstructor())
    return false;
  for (const FieldDecl *Field : Record->fields())
    if (!Field->hasInClassInitializer() &&
        !isConstDefaultConstructible(Field->getType(), Depth + 1))
      return false;
  for (const CXXBaseSpecifier &Base : Record->bases())
    if (!isConstDefaultConstructible(Base.getType(), Depth + 1))
      return false;
  return true;
}

/// Another member shares the declaration (`int a_ = 0, b_ = 0;`): `const`
/// before the type would change both.
bool sharesDeclaration(const DeclaratorDecl &Member) {
  const DeclContext *Context = Member.getDeclContext();
  for (const Decl *Other : Context->decls())
    if (const auto *D = llvm::dyn_cast<DeclaratorDecl>(Other);
        D && D != &Member && D->getTypeSpecStartLoc() == Member.getTypeSpecStartLoc())
      return true;
  return false;
}

} // namespace

bool MutableMemberCheck::constWouldCompile(const ValueDecl &Member,
                                           const CXXRecordDecl &Module) const {
  // Written in a constructor's body, through a pointer or reference handed
  // out there, or by an init method: `const` would reject that write.
  if (ModifiedInConstruction.contains(&Member) || WrittenOnOtherInstances.contains(&Member))
    return false;
  if (const auto *Field = llvm::dyn_cast<FieldDecl>(&Member))
    return !Field->isMutable() && !Field->getParent()->isAnonymousStructOrUnion() &&
           (Field->hasInClassInitializer() || initialisedByEveryConstructor(*Field, Module) ||
            isConstDefaultConstructible(Field->getType()));
  return true; // a static member: its definition gets `const` too
}

std::optional<FixItHint>
MutableMemberCheck::constFix(const ValueDecl &Member) const {
  const auto *Declarator = llvm::dyn_cast<DeclaratorDecl>(&Member);
  if (!Declarator || sharesDeclaration(*Declarator))
    return std::nullopt;
  if (const auto *Field = llvm::dyn_cast<FieldDecl>(&Member); Field && Field->isBitField())
    return std::nullopt;
  // A static member: only an inline one with its initialiser, declared
  // once, can change in one place.
  if (const auto *Var = llvm::dyn_cast<VarDecl>(&Member);
      Var && (!Var->isInline() || !Var->hasInit() || Var->getPreviousDecl() ||
              Var->getMostRecentDecl() != Var))
    return std::nullopt;
  const QualType Type = Member.getType();
  if (Type->isFunctionPointerType() || Type->isMemberPointerType())
    return std::nullopt;
  // For a pointer the pointer itself must become const: `int *const p_`.
  const SourceLocation Where = Type->isPointerType()
                                   ? Declarator->getLocation()
                                   : Declarator->getTypeSpecStartLoc();
  if (Where.isInvalid() || Where.isMacroID())
    return std::nullopt;
  return FixItHint::CreateInsertion(Where, "const ");
}

} // namespace modlint
