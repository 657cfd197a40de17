#include "EscapingReferenceCheck.h"

#include "analysis/ReturnedState.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace modlint {

namespace {
/// Where callers outside the class can call it: public and protected
/// member functions are the module's entry points.
bool isEntryPoint(const FunctionDecl &Function) {
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(&Function);
  if (!Method || Method->isStatic())
    return false;
  const AccessSpecifier Access = Method->getCanonicalDecl()->getAccess();
  return Access == AS_public || Access == AS_protected;
}

std::string methodName(const FunctionDecl &Function) {
  const auto *Method = llvm::cast<CXXMethodDecl>(&Function);
  return Method->getParent()->getNameAsString() + "::" + Method->getNameAsString();
}
} // namespace

void EscapingReferenceCheck::onWrite(const WriteEvent &Event) {
  // Writes inside std::call_once's callable are initialisation.
  if (Event.Lock == LockState::SynchronisedName)
    return;
  Writes &W = Written[Event.Target.Member];
  if (!Event.LockHeld) {
    W.Unlocked = true;
    return;
  }
  W.Locked = true;
  if (W.Lock.empty())
    W.Lock = Event.Lock;
}

void EscapingReferenceCheck::onReturn(const ReturnStmt &Return, const FunctionDecl &Function,
                                      const MemberStateResolver &Resolver) {
  if (!Return.getRetValue() || !isEntryPoint(Function))
    return;
  std::optional<HandleType> Handle = handleType(Function.getReturnType());
  if (!Handle)
    return;

  const Expr *Object = handedOutObject(Return.getRetValue());
  std::optional<MemberState> Target = Object ? Resolver.resolve(Object) : std::nullopt;
  // State that is safe to share, or that synchronises itself, may be
  // handed out.
  if (!Target || Safe.isSafeMember(Target->Member) ||
      Safe.isSelfSynchronised(Target->Member->getType().getNonReferenceType(), Modules))
    return;
  // `auto &get() const` in a template is deduced at instantiation: a const method
  // gives const access to its members but the `mutable` ones.
  const auto *Field = llvm::dyn_cast<FieldDecl>(Target->Member);
  if (!Handle->ReadOnly && Function.getReturnType()->isReferenceType() &&
      Function.getReturnType()->getContainedAutoType() &&
      llvm::cast<CXXMethodDecl>(Function).isConst() && Field && !Field->isMutable())
    Handle = HandleType{"a const reference", true};
  Escapes.push_back({&Return, &Function, std::move(*Target), Handle->Kind, Handle->ReadOnly});
}

void EscapingReferenceCheck::onEndOfTranslationUnit() {
  for (const Escape &E : Escapes) {
    const auto Found = Written.find(E.Target.Member);
    // Never written after construction: an immutable snapshot.
    if (Found == Written.end())
      continue;
    const Writes &W = Found->second;
    const SourceLocation At = E.Return->getBeginLoc();
    if (W.Unlocked) {
      // Const access to unguarded state is modlint-mutable-member's race.
      if (E.ReadOnly)
        continue;
      diag(At, "'%0' returns %1 to '%2', member state written without a lock: every "
               "caller can read and write it with no lock at all; return a copy (by "
               "value), or guard '%2' with a member mutex and return a snapshot taken "
               "under it")
          << methodName(*E.Function) << E.Handle << E.Target.Path
          << E.Return->getRetValue()->getSourceRange();
    } else {
      diag(At, "'%0' returns %1 to '%2', which is written under '%3': the caller uses "
               "it after '%3' is released, while other threads write it; return a copy "
               "(by value), or a snapshot taken under the lock")
          << methodName(*E.Function) << E.Handle << E.Target.Path
          << (W.Lock.empty() ? std::string("its lock") : W.Lock)
          << E.Return->getRetValue()->getSourceRange();
    }
    noteDeclaration(*E.Target.Member);
  }
  Escapes.clear();
  Written.clear();
  ModuleCheck::onEndOfTranslationUnit();
}

} // namespace modlint
