#include "LockState.h"

#include "CallInfo.h"
#include "LockAttributes.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <algorithm>
#include <iterator>

using namespace clang;

namespace modlint {

void LockState::unlockMutex(llvm::StringRef Mutex) {
  // Release the most recent direct lock of that mutex.
  for (auto It = Locks.rbegin(); It != Locks.rend(); ++It)
    if (!It->Guard && It->Held && It->Acquired.Mutex == Mutex) {
      It->Held = false;
      return;
    }
}

std::vector<std::string> LockState::held() const {
  std::vector<std::string> Held;
  for (const Lock &L : Locks)
    if (L.Held && L.Protects)
      Held.push_back(L.Acquired.Mutex);
  llvm::sort(Held);
  Held.erase(std::unique(Held.begin(), Held.end()), Held.end());
  return Held;
}

std::vector<ScopeLock> LockState::scopeLocks(const VarDecl *Released,
                                             llvm::StringRef ReleasedLock) const {
  // The lock objects the released guard holds, however they were taken
  // (`mu_.lock(); std::unique_lock lk(mu_, std::adopt_lock);`).
  llvm::SmallVector<llvm::StringRef, 2> ReleasedMutexes;
  for (const Lock &L : Locks)
    if (Released && L.Guard == Released)
      ReleasedMutexes.push_back(L.Acquired.Mutex);
  // Locks taken in this body (or required by its attributes); not those a
  // helper's callers hold, which have no place of their own.
  std::vector<ScopeLock> Held;
  for (const Lock &L : Locks)
    if (L.Held && L.Acquired.Where.isValid() &&
        !llvm::is_contained(ReleasedMutexes, L.Acquired.Mutex) &&
        (ReleasedLock.empty() || L.Acquired.Identity != ReleasedLock))
      Held.push_back(L.Acquired);
  return Held;
}

std::vector<ScopeLock> LockState::scopeLocksAcquired(unsigned Mark, bool After) const {
  std::vector<ScopeLock> Found;
  for (const Lock &L : Locks)
    if (L.Held && L.Acquired.Where.isValid() && (L.Stamp > Mark) == After)
      Found.push_back(L.Acquired);
  return Found;
}

LockState LockState::holding(const std::vector<std::string> &Mutexes) {
  LockState State;
  for (const std::string &Mutex : Mutexes)
    State.lockMutex(Mutex);
  return State;
}

void keepCommonLocks(std::optional<std::vector<std::string>> &Common,
                     std::vector<std::string> Held) {
  if (!Common) {
    Common = std::move(Held);
    return;
  }
  std::vector<std::string> Both;
  std::set_intersection(Common->begin(), Common->end(), Held.begin(), Held.end(),
                        std::back_inserter(Both));
  Common = std::move(Both);
}

void LockState::setGuardHeld(const VarDecl *Guard, bool Held) {
  // `lk.lock()` on a guard whose locks are not held acquires them again.
  const unsigned Stamp = Held ? Stamps + 1 : 0;
  for (Lock &L : Locks)
    if (L.Guard == Guard) {
      if (Held && !L.Held)
        L.Stamp = Stamps = Stamp;
      L.Held = Held;
    }
}

std::string recordName(QualType Type) {
  Type = Type.getNonReferenceType();
  if (const auto *Record = Type->getAsCXXRecordDecl())
    return Record->getQualifiedNameAsString();
  if (const auto *Spec = Type->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *Template =
            Spec->getTemplateName().getAsTemplateDecl())
      return Template->getQualifiedNameAsString();
  if (const auto *Deduced = Type->getAs<DeducedTemplateSpecializationType>())
    if (const TemplateDecl *Template =
            Deduced->getTemplateName().getAsTemplateDecl())
      return Template->getQualifiedNameAsString();
  return {};
}

namespace {
/// The constructor arguments of a guard's initialiser, looking through the
/// wrappers `auto l = std::unique_lock(mu_);` and templates add.
llvm::SmallVector<const Expr *, 4> guardArguments(const Expr *Init) {
  llvm::SmallVector<const Expr *, 4> Args;
  for (unsigned Steps = 0; Init && Steps < 8; ++Steps) {
    Init = Init->IgnoreImplicit();
    if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(Init)) {
      // A copy or move from a temporary guard: look at the temporary.
      if (Construct->getNumArgs() == 1 &&
          Construct->getConstructor()->isCopyOrMoveConstructor()) {
        Init = Construct->getArg(0);
        continue;
      }
      for (const Expr *Arg : Construct->arguments())
        Args.push_back(Arg);
      return Args;
    }
    if (const auto *Cast = llvm::dyn_cast<CXXFunctionalCastExpr>(Init)) {
      Init = Cast->getSubExpr();
      continue;
    }
    if (const auto *Unresolved = llvm::dyn_cast<CXXUnresolvedConstructExpr>(Init)) {
      for (const Expr *Arg : Unresolved->arguments())
        Args.push_back(Arg);
      return Args;
    }
    if (const auto *Parens = llvm::dyn_cast<ParenListExpr>(Init)) {
      for (unsigned I = 0; I < Parens->getNumExprs(); ++I)
        Args.push_back(Parens->getExpr(I));
      return Args;
    }
    if (const auto *List = llvm::dyn_cast<InitListExpr>(Init)) {
      for (const Expr *Arg : List->inits())
        Args.push_back(Arg);
      return Args;
    }
    break;
  }
  return Args;
}

/// std::defer_lock and std::try_to_lock leave the guard not owning its
/// lock (a try is held only where `owns_lock()` or `if (lk)` says it
/// succeeded); adopt_lock owns it. Boost's tags are the same types.
bool isUnownedTag(const Expr *Arg) {
  const std::string Name = recordName(Arg->getType());
  return Name == "std::defer_lock_t" || Name == "std::try_to_lock_t" ||
         Name == "boost::defer_lock_t" || Name == "boost::try_to_lock_t";
}
bool isLockTag(const Expr *Arg) {
  const std::string Name = recordName(Arg->getType());
  return isUnownedTag(Arg) || Name == "std::adopt_lock_t" || Name == "boost::adopt_lock_t";
}

/// `auto lk = lock();`: a guard returned by a member function of the same
/// object holds the lock that function took. Named after the function, as
/// the lock it stands for cannot be seen from here.
std::string ownGuardFactory(const Expr *Init) {
  // Through the move from the returned temporary.
  const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(throughConversions(Init));
  const Expr *Object = Call ? Call->getImplicitObjectArgument() : nullptr;
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Object || !Method || !Method->getIdentifier() ||
      !llvm::isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
    return {};
  return Method->getName().str() + "()";
}

/// The variable a guard expression names (`l` in `l.unlock()`).
const VarDecl *guardVariable(const Expr *Object) {
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts()))
    return llvm::dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

} // namespace

bool LockRecogniser::isExclusiveGuard(const VarDecl *Guard) const {
  return Guard && guardKindOf(Guard->getType(), Names) == GuardKind::Exclusive;
}

const VarDecl *LockRecogniser::testedGuard(const CallExpr &Call) const {
  const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (!Method)
    return nullptr;
  const bool Tests = llvm::isa<CXXConversionDecl>(Method) ||
                     (Method->getIdentifier() &&
                      (Method->getName() == "owns_lock" || Method->getName() == "try_lock"));
  const VarDecl *Guard = Tests ? guardVariable(Member->getImplicitObjectArgument()) : nullptr;
  return isExclusiveGuard(Guard) ? Guard : nullptr;
}

namespace {
/// `&mu_` names the lock object `mu_`.
const Expr *lockObject(const Expr &Arg) {
  const Expr *Object = Arg.IgnoreParenImpCasts();
  if (const auto *Address = llvm::dyn_cast<UnaryOperator>(Object);
      Address && Address->getOpcode() == UO_AddrOf)
    Object = Address->getSubExpr()->IgnoreParenImpCasts();
  return Object;
}
} // namespace

std::string lockIdentity(const Expr &Lock) {
  const Expr *Object = lockObject(Lock);
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(Object))
    return Member->getMemberDecl()->getQualifiedNameAsString();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Object))
    if (const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
        Var && !Var->hasLocalStorage() && !Var->getType()->isReferenceType())
      return Var->getQualifiedNameAsString(); // a global or a static
  return {};
}

void LockRecogniser::identify(const Expr &Object, ScopeLock &Lock) const {
  Lock.Identity = lockIdentity(Object);
  const Expr *Root = lockObject(Object);
  const ValueDecl *Decl = nullptr;
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Root))
    Decl = Ref->getDecl();
  else if (const auto *Member = llvm::dyn_cast<MemberExpr>(Root))
    Decl = Member->getMemberDecl();
  const auto *Var = llvm::dyn_cast_or_null<VarDecl>(Decl);
  Lock.Static = Var && Var->hasGlobalStorage() && !Var->getType()->isReferenceType() &&
                !Var->getType()->isPointerType();
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(&Object)) {
    const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
    Lock.Owner = llvm::isa<CXXThisExpr>(Base) ? "this" : Resolver.spelling(Base);
  }
}

std::optional<LockRecogniser::Acquisition>
LockRecogniser::acquisitionOf(const Expr *Arg, SourceLocation Where, bool Shared) const {
  // `absl::MutexLock l(&mu_)` names the lock object `mu_`.
  const Expr *Object = lockObject(*Arg);
  ScopeLock Lock{{}, recordName(Object->getType()), Where, Shared, {}, {}};
  identify(*Object, Lock);
  if (std::optional<MemberState> Member = Resolver.resolve(Object)) {
    Lock.Mutex = std::move(Member->Path);
    return Acquisition{std::move(Lock), !Shared}; // a reader lock protects no write
  }
  // An automatic local mutex (or a member of a local object): no other
  // thread can wait on it.
  const Expr *Root = Object;
  while (const auto *Member = llvm::dyn_cast<MemberExpr>(Root)) {
    if (Member->isArrow())
      break;
    Root = Member->getBase()->IgnoreParenImpCasts();
  }
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Root))
    if (const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->hasLocalStorage() && !Var->getType()->isReferenceType() &&
        !Var->getType()->isPointerType())
      return std::nullopt;
  if (llvm::isa<CXXThisExpr>(Root) && Root == Object)
    return std::nullopt; // a lock type's own method: `this` is no lock object here
  Lock.Mutex = Resolver.spelling(Object);
  return Acquisition{std::move(Lock), false};
}

void LockRecogniser::applyDeclaration(const VarDecl &Var,
                                      LockState &State) const {
  const GuardKind Kind = guardKindOf(Var, Names);
  if (Kind == GuardKind::None)
    return;
  const bool Shared = Kind == GuardKind::Reader;
  bool Deferred = false;
  llvm::SmallVector<Acquisition, 2> Acquired;
  for (const Expr *Arg : guardArguments(Var.getInit())) {
    if (isUnownedTag(Arg))
      Deferred = true;
    if (isLockTag(Arg))
      continue;
    // Noted at the lock object it names: `scoped_lock` takes several.
    if (auto Lock = acquisitionOf(Arg, Arg->getExprLoc(), Shared))
      Acquired.push_back(std::move(*Lock));
  }
  if (Acquired.empty() && !Shared)
    if (std::string Factory = ownGuardFactory(Var.getInit()); !Factory.empty())
      Acquired.push_back({ScopeLock{std::move(Factory), {}, Var.getLocation(), false, {}, {}}, true});
  for (Acquisition &Lock : Acquired)
    State.addGuard(&Var, std::move(Lock.Lock), Lock.Protects, !Deferred);
}

std::optional<TryLock> LockRecogniser::tryLockIn(const Expr *Condition) const {
  bool Negated = false;
  const Expr *E = Condition ? Condition->IgnoreParenImpCasts() : nullptr;
  while (const auto *Not = llvm::dyn_cast_or_null<UnaryOperator>(E)) {
    if (Not->getOpcode() != UO_LNot)
      break;
    Negated = !Negated;
    E = Not->getSubExpr()->IgnoreParenImpCasts();
  }
  std::optional<BinaryOperatorKind> Compared;
  if (const auto *Compare = llvm::dyn_cast_or_null<BinaryOperator>(E);
      Compare && Compare->isEqualityOp()) {
    Compared = Compare->getOpcode();
    E = Compare->getLHS()->IgnoreParenImpCasts();
  }
  const auto *Call = llvm::dyn_cast_or_null<CallExpr>(E);
  if (!Call || !Call->getDirectCallee())
    return std::nullopt;
  if (const VarDecl *Guard = testedGuard(*Call))
    return TryLock{{}, Guard, !Negated};
  const LockCall Effect = tryLockCallOf(*Call);
  if (Effect.Effect != LockCall::Acquire || Effect.Locks.empty())
    return std::nullopt;
  std::optional<Acquisition> Lock =
      acquisitionOf(Effect.Locks.front(), Call->getBeginLoc(), Effect.Shared);
  if (!Lock)
    return std::nullopt;
  // A bool says success; pthread's int is 0 on success, so the bare call
  // is true on failure and `== 0` on success.
  const bool Boolean = Call->getType()->isBooleanType();
  const bool SuccessWhenTrue =
      Boolean ? Compared != BO_NE : Compared && *Compared == BO_EQ;
  return TryLock{std::move(Lock->Lock), nullptr, SuccessWhenTrue != Negated, Lock->Protects};
}

void LockRecogniser::applyFunction(const FunctionDecl &Function, LockState &State) const {
  for (const Expr *Required : requiredLocks(Function))
    if (auto Lock = acquisitionOf(Required, Function.getLocation(), /*Shared=*/false))
      State.lockMutex(std::move(Lock->Lock), Lock->Protects);
}

void LockRecogniser::applyStatement(const Expr &E, LockState &State) const {
  const Expr *Full = E.IgnoreImplicit();
  // std::lock(a_, b_) locks every argument.
  if (const auto *Call = llvm::dyn_cast<CallExpr>(Full)) {
    if (callsStdFunction(*Call, "std::lock")) {
      for (const Expr *Arg : Call->arguments()) {
        if (const VarDecl *Guard = guardVariable(Arg); isExclusiveGuard(Guard))
          State.setGuardHeld(Guard, true); // `std::lock(l1, l2)` on defer_lock guards
        else if (auto Lock = acquisitionOf(Arg, Call->getBeginLoc(), /*Shared=*/false))
          State.lockMutex(std::move(Lock->Lock), Lock->Protects);
      }
      return;
    }
  }
  std::optional<MemberCallee> Callee = memberCallee(*Full);
  const bool Lock = Callee && Callee->Name == "lock";
  const bool Unlock = Callee && Callee->Name == "unlock";
  // `lk.unlock()` on a guard, a reader's too (held for the lock-scope checks).
  if (Lock || Unlock)
    if (const VarDecl *Guard = guardVariable(Callee->Object);
        Guard && guardKindOf(Guard->getType(), Names) != GuardKind::None) {
      State.setGuardHeld(Guard, Lock);
      return;
    }
  // A resolved call: its attributes, or the library's names.
  if (const auto *Call = llvm::dyn_cast<CallExpr>(Full); Call && Call->getDirectCallee())
    return applyLockCall(lockCallOf(*Call), Call->getBeginLoc(), State);
  // An unresolved call in a template: `mu_.lock()` by name.
  if (!Lock && !Unlock)
    return;
  LockCall ByName;
  ByName.Effect = Lock ? LockCall::Acquire : LockCall::Release;
  ByName.Locks.push_back(Callee->Object);
  applyLockCall(ByName, Full->getBeginLoc(), State);
}

void LockRecogniser::applyLockCall(const LockCall &Effect, SourceLocation Where,
                                   LockState &State) const {
  if (Effect.Effect == LockCall::None)
    return;
  for (const Expr *Object : Effect.Locks)
    if (auto Lock = acquisitionOf(Object, Where, Effect.Shared)) {
      if (Effect.Effect == LockCall::Acquire)
        State.lockMutex(std::move(Lock->Lock), Lock->Protects);
      else
        State.unlockMutex(Lock->Lock.Mutex);
    }
}

} // namespace modlint
