#include "LockAttributes.h"

#include "LockState.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace modlint {

namespace {
GuardKind guardByName(QualType Type, const LockTypeNames &Names) {
  const std::string Name = recordName(Type);
  if (llvm::is_contained(Names.ScopedLocks, Name))
    return GuardKind::Exclusive;
  if (llvm::is_contained(Names.SharedScopedLocks, Name))
    return GuardKind::Reader;
  return llvm::StringSwitch<GuardKind>(Name)
      .Cases("std::lock_guard", "std::unique_lock", "std::scoped_lock", GuardKind::Exclusive)
      .Cases("absl::MutexLock", "absl::WriterMutexLock", GuardKind::Exclusive)
      .Cases("boost::lock_guard", "boost::unique_lock", "boost::upgrade_to_unique_lock",
             GuardKind::Exclusive)
      .Cases("std::shared_lock", "absl::ReaderMutexLock", "boost::shared_lock",
             GuardKind::Reader)
      .Default(GuardKind::None);
}

/// The acquisition a function's attributes declare, if any.
std::optional<bool> acquiresShared(const FunctionDecl &Function) {
  if (const auto *Acquire = Function.getAttr<AcquireCapabilityAttr>())
    return Acquire->isShared();
  if (const auto *Try = Function.getAttr<TryAcquireCapabilityAttr>())
    return Try->isShared();
  return std::nullopt;
}

/// The call's argument an attribute argument names by parameter, or the
/// attribute argument itself when it names the class's own member.
const Expr *lockArgument(const CallExpr &Call, const Expr *AttributeArg) {
  const Expr *Arg = AttributeArg->IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Arg))
    if (const auto *Param = llvm::dyn_cast<ParmVarDecl>(Ref->getDecl())) {
      const unsigned Index = Param->getFunctionScopeIndex();
      return Index < Call.getNumArgs() ? Call.getArg(Index) : nullptr;
    }
  // `ACQUIRE(mu_)` on a helper of the same class, called on this object.
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call))
    if (const Expr *Object = Member->getImplicitObjectArgument();
        Object && llvm::isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
      return Arg;
  return nullptr;
}

template <typename AttrT> void addAttributeLocks(const CallExpr &Call, const AttrT &Attribute,
                                                 LockCall &Out) {
  for (const Expr *Arg : Attribute.args())
    if (const Expr *Lock = lockArgument(Call, Arg))
      Out.Locks.push_back(Lock);
}

/// The object of a member call, or null.
const Expr *callObject(const CallExpr &Call) {
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call))
    return Member->getImplicitObjectArgument();
  return nullptr;
}

/// Locks from the attributes of the callee.
bool fromAttributes(const CallExpr &Call, const FunctionDecl &Callee, LockCall &Out) {
  if (const auto *Acquire = Callee.getAttr<AcquireCapabilityAttr>()) {
    Out.Effect = LockCall::Acquire;
    Out.Shared = Acquire->isShared();
    addAttributeLocks(Call, *Acquire, Out);
  } else if (const auto *Release = Callee.getAttr<ReleaseCapabilityAttr>()) {
    Out.Effect = LockCall::Release;
    addAttributeLocks(Call, *Release, Out);
  } else {
    return false;
  }
  // No argument: the capability is the object the method is called on.
  if (Out.Locks.empty())
    if (const Expr *Object = callObject(Call))
      Out.Locks.push_back(Object);
  return true;
}

/// Locks from the names of unannotated library functions and methods.
void fromNames(const CallExpr &Call, const FunctionDecl &Callee, LockCall &Out) {
  if (!Callee.getIdentifier())
    return;
  const llvm::StringRef Name = Callee.getName();
  if (const Expr *Object = callObject(Call)) {
    Out.Effect = llvm::StringSwitch<decltype(Out.Effect)>(Name)
                     .Cases("lock", "Lock", "WriterLock", LockCall::Acquire)
                     .Cases("lock_shared", "ReaderLock", LockCall::Acquire)
                     .Cases("unlock", "Unlock", "WriterUnlock", LockCall::Release)
                     .Cases("unlock_shared", "ReaderUnlock", LockCall::Release)
                     .Default(LockCall::None);
    Out.Shared = Name == "lock_shared" || Name == "ReaderLock";
    if (Out.Effect != LockCall::None)
      Out.Locks.push_back(Object);
    return;
  }
  if (!Callee.isExternC() || Call.getNumArgs() == 0)
    return;
  Out.Effect = llvm::StringSwitch<decltype(Out.Effect)>(Name)
                   .Cases("pthread_mutex_lock", "pthread_rwlock_wrlock", "pthread_rwlock_rdlock",
                          LockCall::Acquire)
                   .Cases("pthread_mutex_unlock", "pthread_rwlock_unlock", LockCall::Release)
                   .Default(LockCall::None);
  Out.Shared = Name == "pthread_rwlock_rdlock";
  if (Out.Effect != LockCall::None)
    Out.Locks.push_back(Call.getArg(0));
}
} // namespace

GuardKind guardKindOf(QualType Type, const LockTypeNames &Names) {
  return guardByName(Type, Names);
}

GuardKind guardKindOf(const VarDecl &Var, const LockTypeNames &Names) {
  if (const GuardKind Named = guardByName(Var.getType(), Names); Named != GuardKind::None)
    return Named;
  const auto *Record = Var.getType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasAttr<ScopedLockableAttr>() || !Var.getInit())
    return GuardKind::None;
  const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(Var.getInit()->IgnoreImplicit());
  if (!Construct)
    return GuardKind::None;
  const std::optional<bool> Shared = acquiresShared(*Construct->getConstructor());
  if (!Shared)
    return GuardKind::None;
  return *Shared ? GuardKind::Reader : GuardKind::Exclusive;
}

LockCall lockCallOf(const CallExpr &Call) {
  LockCall Out;
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return Out;
  if (!fromAttributes(Call, *Callee, Out))
    fromNames(Call, *Callee, Out);
  return Out;
}

LockCall tryLockCallOf(const CallExpr &Call) {
  LockCall Out;
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return Out;
  if (const auto *Try = Callee->getAttr<TryAcquireCapabilityAttr>()) {
    Out.Effect = LockCall::Acquire;
    Out.Shared = Try->isShared();
    addAttributeLocks(Call, *Try, Out);
  } else if (Callee->getIdentifier()) {
    const llvm::StringRef Name = Callee->getName();
    const bool Member = callObject(Call) != nullptr;
    const bool Tries =
        Member ? llvm::is_contained({"try_lock", "try_lock_for", "try_lock_until", "TryLock",
                                     "WriterTryLock"},
                                    Name)
               : Callee->isExternC() && llvm::is_contained({"pthread_mutex_trylock",
                                                            "pthread_rwlock_trywrlock"},
                                                           Name);
    if (!Tries)
      return Out;
    Out.Effect = LockCall::Acquire;
    if (!Member && Call.getNumArgs() > 0)
      Out.Locks.push_back(Call.getArg(0));
  }
  if (Out.Locks.empty())
    if (const Expr *Object = callObject(Call))
      Out.Locks.push_back(Object);
  return Out;
}

llvm::SmallVector<const Expr *, 2> requiredLocks(const FunctionDecl &Function) {
  llvm::SmallVector<const Expr *, 2> Locks;
  for (const auto *Requires : Function.specific_attrs<RequiresCapabilityAttr>())
    if (!Requires->isShared())
      for (const Expr *Arg : Requires->args())
        Locks.push_back(Arg);
  return Locks;
}

} // namespace modlint
