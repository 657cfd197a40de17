#include "LockState.h"

#include "CallInfo.h"
#include "LockAttributes.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace modlint {

void LockState::unlockMutex(llvm::StringRef Mutex) {
  // Release the most recent direct lock of that mutex.
  for (auto It = Locks.rbegin(); It != Locks.rend(); ++It)
    if (!It->Guard && It->Held && It->Mutex == Mutex) {
      It->Held = false;
      return;
    }
}

void LockState::setGuardHeld(const VarDecl *Guard, bool Held) {
  for (Lock &L : Locks)
    if (L.Guard == Guard)
      L.Held = Held;
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

/// std::defer_lock leaves the guard unlocked; try_to_lock and adopt_lock are
/// treated as owning the lock (the usual code checks owns_lock() next).
bool isDeferTag(const Expr *Arg) {
  return recordName(Arg->getType()) == "std::defer_lock_t";
}
bool isLockTag(const Expr *Arg) {
  const std::string Name = recordName(Arg->getType());
  return Name == "std::defer_lock_t" || Name == "std::try_to_lock_t" ||
         Name == "std::adopt_lock_t";
}

/// The variable a guard expression names (`l` in `l.unlock()`).
const VarDecl *guardVariable(const Expr *Object) {
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts()))
    return llvm::dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

} // namespace

std::string LockRecogniser::memberMutex(const Expr *Arg) const {
  // `absl::MutexLock l(&mu_)` names the lock object `mu_`.
  if (const auto *Address = llvm::dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
      Address && Address->getOpcode() == UO_AddrOf)
    Arg = Address->getSubExpr();
  if (auto State = Resolver.resolve(Arg))
    return State->Path;
  return {};
}

void LockRecogniser::applyDeclaration(const VarDecl &Var,
                                      LockState &State) const {
  if (guardKindOf(Var) != GuardKind::Exclusive)
    return;
  bool Deferred = false;
  std::string Mutexes;
  for (const Expr *Arg : guardArguments(Var.getInit())) {
    if (isDeferTag(Arg))
      Deferred = true;
    if (isLockTag(Arg))
      continue;
    std::string Mutex = memberMutex(Arg);
    if (!Mutex.empty())
      Mutexes += Mutexes.empty() ? Mutex : "," + Mutex;
  }
  if (!Mutexes.empty())
    State.addGuard(&Var, Mutexes, !Deferred);
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
  const LockCall Effect = tryLockCallOf(*Call);
  if (Effect.Effect != LockCall::Acquire || Effect.Shared || Effect.Locks.empty())
    return std::nullopt;
  std::string Mutex = memberMutex(Effect.Locks.front());
  if (Mutex.empty())
    return std::nullopt;
  // A bool says success; pthread's int is 0 on success, so the bare call
  // is true on failure and `== 0` on success.
  const bool Boolean = Call->getType()->isBooleanType();
  const bool SuccessWhenTrue =
      Boolean ? Compared != BO_NE : Compared && *Compared == BO_EQ;
  return TryLock{std::move(Mutex), SuccessWhenTrue != Negated};
}

void LockRecogniser::applyFunction(const FunctionDecl &Function, LockState &State) const {
  for (const Expr *Required : requiredLocks(Function))
    if (std::string Mutex = memberMutex(Required); !Mutex.empty())
      State.lockMutex(Mutex);
}

void LockRecogniser::applyStatement(const Expr &E, LockState &State) const {
  const Expr *Full = E.IgnoreImplicit();
  // std::lock(a_, b_) locks every argument.
  if (const auto *Call = llvm::dyn_cast<CallExpr>(Full)) {
    if (callsStdFunction(*Call, "std::lock")) {
      for (const Expr *Arg : Call->arguments()) {
        std::string Mutex = memberMutex(Arg);
        if (!Mutex.empty())
          State.lockMutex(Mutex);
      }
      return;
    }
  }
  std::optional<MemberCallee> Callee = memberCallee(*Full);
  const bool Lock = Callee && Callee->Name == "lock";
  const bool Unlock = Callee && Callee->Name == "unlock";
  if (Lock || Unlock)
    if (const VarDecl *Guard = guardVariable(Callee->Object);
        Guard && guardKindOf(Guard->getType()) == GuardKind::Exclusive) {
      State.setGuardHeld(Guard, Lock);
      return;
    }
  // A resolved call: its attributes, or the library's names.
  if (const auto *Call = llvm::dyn_cast<CallExpr>(Full); Call && Call->getDirectCallee()) {
    const LockCall Effect = lockCallOf(*Call);
    if (Effect.Effect == LockCall::None || Effect.Shared)
      return; // a reader lock never protects a write
    for (const Expr *Object : Effect.Locks)
      if (std::string Mutex = memberMutex(Object); !Mutex.empty()) {
        if (Effect.Effect == LockCall::Acquire)
          State.lockMutex(Mutex);
        else
          State.unlockMutex(Mutex);
      }
    return;
  }
  // An unresolved call in a template: `mu_.lock()` by name.
  if (!Lock && !Unlock)
    return;
  std::string Mutex = memberMutex(Callee->Object);
  if (Mutex.empty())
    return;
  if (Lock)
    State.lockMutex(Mutex);
  else
    State.unlockMutex(Mutex);
}

} // namespace modlint
