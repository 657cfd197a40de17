#include "DeferredCode.h"

#include "CallInfo.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace modlint {

namespace {
/// Functions of namespace std whose callable argument outlives the call.
bool keepsCallable(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("async", "bind", "bind_front", "bind_back", "move", "forward", true)
      .Cases("atexit", "at_quick_exit", "set_terminate", "exchange", true)
      .StartsWith("make_", true)
      .Default(false);
}

bool isStdFunctionName(const NamedDecl &D) {
  return D.getIdentifier() && declaredInStd(D) && !keepsCallable(D.getName());
}
} // namespace

const LambdaExpr *lambdaIn(const Expr *E) {
  return llvm::dyn_cast_or_null<LambdaExpr>(throughConversions(E));
}

bool runsLambdaArgumentsNow(const CallExpr &Call) {
  // `[&] { ... }()` and `std::ranges::for_each(...)` (a function object).
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&Call);
      Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0) {
    if (lambdaIn(Op->getArg(0)))
      return true;
    // A std::ranges algorithm is a function object (libstdc++ names its
    // class `__for_each_fn`); a std::function may keep what it is given.
    const CXXRecordDecl *Object = Op->getArg(0)->getType()->getAsCXXRecordDecl();
    return Object && Object->getIdentifier() && Object->getName().ends_with("_fn") &&
           declaredInStd(*Object);
  }
  if (const FunctionDecl *Callee = Call.getDirectCallee())
    return !llvm::isa<CXXMethodDecl>(Callee) && isStdFunctionName(*Callee);
  // In a template: `std::for_each(...)` with dependent arguments.
  if (const auto *Lookup =
          llvm::dyn_cast<UnresolvedLookupExpr>(Call.getCallee()->IgnoreParenImpCasts())) {
    for (const NamedDecl *Candidate : Lookup->decls())
      if (!isStdFunctionName(*Candidate->getUnderlyingDecl()))
        return false;
    return Lookup->getNumDecls() > 0;
  }
  return false;
}

const VarDecl *invokedLocal(const CallExpr &Call) {
  const Expr *Callee = nullptr;
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&Call);
      Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
    Callee = Op->getArg(0);
  else if (Call.getCallee() && Call.getCallee()->isTypeDependent())
    Callee = Call.getCallee(); // `add(1)` on a generic lambda in a template
  if (!Callee)
    return nullptr;
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Callee->IgnoreParenImpCasts());
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() ? Var : nullptr;
}

void LambdaSchedule::noteCall(const CallExpr &Call, const LockState &State) {
  if (runsLambdaArgumentsNow(Call))
    for (const Expr *Arg : Call.arguments())
      if (const LambdaExpr *Lambda = lambdaIn(Arg))
        RunNow.insert(Lambda);
  const VarDecl *Var = invokedLocal(Call);
  auto Found = Var ? Locals.find(Var) : Locals.end();
  if (Found == Locals.end())
    return;
  const Expr *Callee = llvm::isa<CXXOperatorCallExpr>(Call) ? Call.getArg(0) : Call.getCallee();
  Calls.insert(llvm::cast<DeclRefExpr>(Callee->IgnoreParenImpCasts()));
  keepCommonLocks(Found->second.HeldAtCalls, State.held());
}

void LambdaSchedule::noteReference(const DeclRefExpr &Ref) {
  const auto *Var = llvm::dyn_cast<VarDecl>(Ref.getDecl());
  auto Found = Var ? Locals.find(Var) : Locals.end();
  if (Found != Locals.end() && !Calls.contains(&Ref))
    Found->second.Escaped = true;
}

void LambdaSchedule::noteLocal(const VarDecl &Var) {
  if (!Var.hasLocalStorage() || Var.getType()->isReferenceType())
    return;
  if (const LambdaExpr *Lambda = lambdaIn(Var.getInit())) {
    Locals.insert({&Var, Local{Lambda, std::nullopt}});
    LocalLambdas.insert(Lambda);
  }
}

LambdaSchedule::Start LambdaSchedule::startOf(const LambdaExpr &Lambda) const {
  if (RunNow.contains(&Lambda))
    return Start::WithCaller;
  return LocalLambdas.contains(&Lambda) ? Start::AtItsCalls : Start::Unlocked;
}

std::optional<std::pair<const LambdaExpr *, LockState>> LambdaSchedule::takeLocal() {
  if (Locals.empty())
    return std::nullopt;
  const Local Next = Locals.back().second;
  Locals.pop_back();
  LocalLambdas.erase(Next.Lambda);
  // Never called, or able to run anywhere: no lock can be assumed.
  if (Next.Escaped || !Next.HeldAtCalls)
    return std::make_pair(Next.Lambda, LockState());
  return std::make_pair(Next.Lambda, LockState::holding(*Next.HeldAtCalls));
}

} // namespace modlint
