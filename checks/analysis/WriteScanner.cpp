#include "WriteScanner.h"

#include "GlobalState.h"

#include "CallInfo.h"
#include "ContainerChecks.h"
#include "MutatingAlgorithms.h"
#include "SplitAtomicUpdate.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/OperationKinds.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>

using namespace clang;

namespace modlint {

namespace {
/// Sub-expressions that are never evaluated cannot race.
bool isUnevaluated(const Stmt *S) {
  return llvm::isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, CXXTypeidExpr,
                   RequiresExpr>(S);
}
} // namespace

void WriteScanner::scan(const FunctionDecl &Method, LockState Entry) {
  Locks.applyFunction(Method, Entry);
  PathInterior.clear();
  OwnCallees.clear();
  Lambdas = LambdaSchedule();
  NestedBodies = 0;
  walkStatement(Method.getBody(), Entry);
  // Local lambda variables run where they are called: now that every call
  // has been seen, under the locks held at all of them.
  while (auto Local = Lambdas.takeLocal())
    walkNested(Local->first->getBody(), Local->second);
}

void WriteScanner::noteAcquired(const LockState &State, unsigned Mark) {
  if (State.mark() != Mark)
    Listener.onAcquire(State, Mark, NestedBodies > 0);
}

void WriteScanner::walkScoped(const Stmt *S, const LockState &Outer) {
  LockState Inner = Outer;
  walkStatement(S, Inner);
}

void WriteScanner::walkNested(const Stmt *Body, const LockState &Start) {
  ++NestedBodies;
  walkScoped(Body, Start);
  --NestedBodies;
}

void WriteScanner::walkStatement(const Stmt *S, LockState &State) {
  if (!S)
    return;
  // A coroutine: its body, not the promise machinery around it.
  if (const auto *Coroutine = llvm::dyn_cast<CoroutineBodyStmt>(S))
    return walkStatement(Coroutine->getBody(), State);
  if (const auto *E = llvm::dyn_cast<Expr>(S)) {
    // A full expression: writes in it happen before any lock change it makes.
    scanExpr(E, State);
    const unsigned Mark = State.mark();
    Locks.applyStatement(*E, State);
    noteAcquired(State, Mark);
    return;
  }
  if (const auto *Compound = llvm::dyn_cast<CompoundStmt>(S)) {
    // Guards declared in the block are released at its end.
    LockState Inner = State;
    for (const Stmt *Child : Compound->body())
      walkStatement(Child, Inner);
    return;
  }
  if (const auto *Decls = llvm::dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : Decls->decls())
      walkDeclaration(D, State);
    return;
  }
  if (const auto *For = llvm::dyn_cast<CXXForRangeStmt>(S)) {
    // `for (auto &item : items_)`: the loop variable is an element.
    LockState Scope = State;
    walkStatement(For->getInit(), Scope);
    scanExpr(For->getRangeInit(), Scope);
    if (const VarDecl *Loop = For->getLoopVariable())
      Resolver.addAlias(Loop, For->getRangeInit(), /*Element=*/true);
    walkScoped(For->getBody(), Scope);
    return;
  }
  if (const auto *If = llvm::dyn_cast<IfStmt>(S)) {
    // A guard in the init-statement covers both branches; a lock taken
    // inside one branch does not leak into the other or past the if.
    LockState Scope = State;
    walkStatement(If->getInit(), Scope);
    walkStatement(If->getConditionVariableDeclStmt(), Scope);
    if (!If->getConditionVariableDeclStmt())
      walkStatement(If->getCond(), Scope);
    // `if (mu_.try_lock_for(d))`: held where the attempt succeeded, in the
    // branch it leads to, and after the if when failing exits early
    // (`if (!mu_.try_lock()) return;`).
    const std::optional<TryLock> Try = Locks.tryLockIn(If->getCond());
    LockState Then = Scope, Else = Scope;
    if (Try)
      Try->holdIn(Try->WhenTrue ? Then : Else);
    walkStatement(If->getThen(), Then);
    walkStatement(If->getElse(), Else);
    if (Try && !Try->WhenTrue && alwaysExits(If->getThen()))
      Try->holdIn(State);
    return;
  }
  if (const auto *Return = llvm::dyn_cast<ReturnStmt>(S); Return && NestedBodies == 0)
    Listener.onReturn(*Return, State);
  // Loops, switch, try and the rest: children in order, in a scope of their
  // own so that nothing they lock outlives them.
  LockState Scope = State;
  for (const Stmt *Child : S->children())
    walkStatement(Child, Scope);
}

void WriteScanner::walkDeclaration(const Decl *D, LockState &State) {
  if (const auto *Var = llvm::dyn_cast<VarDecl>(D)) {
    Lambdas.noteLocal(*Var);
    if (const Expr *Init = Var->getInit()) {
      scanExpr(Init, State);
      Resolver.addAlias(Var, Init, /*Element=*/false);
    }
    const unsigned Mark = State.mark();
    Locks.applyDeclaration(*Var, State);
    noteAcquired(State, Mark);
    return;
  }
  // A local class's member functions run as functions of their own, with no
  // lock held on entry.
  if (const auto *Local = llvm::dyn_cast<CXXRecordDecl>(D)) {
    if (!Local->hasDefinition())
      return;
    for (const Decl *Member : Local->decls()) {
      const auto *Function = llvm::dyn_cast<FunctionDecl>(Member);
      if (const auto *Template = llvm::dyn_cast<FunctionTemplateDecl>(Member))
        Function = Template->getTemplatedDecl();
      if (Function && Function->doesThisDeclarationHaveABody())
        walkNested(Function->getBody(), LockState());
    }
  }
}

void WriteScanner::scanLambda(const LambdaExpr *Lambda,
                              const LockState &State) {
  for (const Expr *Init : Lambda->capture_inits())
    if (Init)
      scanExpr(Init, State);
  // `[self = shared_from_this()]`, `[&queue = queue_]`: names the body uses
  // for the object or its state.
  for (const LambdaCapture &Capture : Lambda->explicit_captures())
    if (Capture.capturesVariable())
      if (const auto *Var = llvm::dyn_cast<VarDecl>(Capture.getCapturedVar());
          Var && Var->isInitCapture() && Var->getInit())
        Resolver.addAlias(Var, Var->getInit(), /*Element=*/false);
  // The lambda body counts as part of the member function. It runs under
  // the locks held where it is written only if it runs there and then;
  // deferred code starts with none (DeferredCode.h).
  switch (Lambdas.startOf(*Lambda)) {
  case LambdaSchedule::Start::WithCaller:
    return walkNested(Lambda->getBody(), State);
  case LambdaSchedule::Start::Unlocked:
    return walkNested(Lambda->getBody(), LockState());
  case LambdaSchedule::Start::AtItsCalls:
    return; // scanned once all its calls are seen
  }
}

bool WriteScanner::scanSpecialCall(const CallExpr *Call,
                                   const LockState &State) {
  // std::call_once runs its callable exactly once, synchronised with every
  // other caller: writes inside it are the lazy-initialisation idiom.
  if (!callsStdFunction(*Call, "std::call_once"))
    return false;
  LockState Synchronised = State;
  Synchronised.holdSynthetic();
  for (const Expr *Arg : Call->arguments()) {
    if (const auto *Lambda =
            llvm::dyn_cast<LambdaExpr>(Arg->IgnoreParenImpCasts())) {
      for (const Expr *Init : Lambda->capture_inits())
        scanExpr(Init, State);
      walkNested(Lambda->getBody(), Synchronised);
    }
    else
      scanExpr(Arg, State);
  }
  return true;
}

void WriteScanner::scanExpr(const Expr *Root, const LockState &State) {
  // Pre-order with a work list of its own: a valid expression can nest
  // tens of thousands deep (`1+1+...+1`), deeper than any thread's stack
  // would take by recursion. Outer expressions come before inner ones, which
  // is what PathInterior relies on.
  llvm::SmallVector<const Expr *, 32> Pending{Root};
  while (!Pending.empty()) {
    const Expr *E = Pending.pop_back_val();
    if (!E || isUnevaluated(E))
      continue;
    if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(E)) {
      scanLambda(Lambda, State);
      continue;
    }
    if (const auto *Call = llvm::dyn_cast<CallExpr>(E)) {
      if (scanSpecialCall(Call, State))
        continue;
      Lambdas.noteCall(*Call, State);
      Listener.onCall(*Call, State, NestedBodies > 0);
    } else if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E)) {
      Listener.onConstruct(*Construct, State, NestedBodies > 0);
    } else if (llvm::isa<CoroutineSuspendExpr, DependentCoawaitExpr>(E) && NestedBodies == 0) {
      Listener.onSuspend(*E, State); // a lambda's are its own, scanned with it
    } else if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
      Lambdas.noteReference(*Ref);
    }
    classifyWrite(E, State);
    noteMemberUse(E, State);
    noteMethodUse(E, State);
    const size_t Before = Pending.size();
    for (const Stmt *Child : E->children()) {
      if (!Child)
        continue;
      if (const auto *ChildExpr = llvm::dyn_cast<Expr>(Child))
        Pending.push_back(ChildExpr);
      else // a GNU statement expression: its braces bound the nesting
        walkScoped(Child, State);
    }
    // Children are taken from the back: reverse them to visit in order.
    std::reverse(Pending.begin() + Before, Pending.end());
  }
}

void WriteScanner::report(WriteKind Kind, const Expr *Write,
                          const Expr *Target, std::string Operation,
                          const LockState &State) {
  if (!Target)
    return;
  // `(ok ? okCount_ : errCount_)++` writes whichever member it picks.
  if (const auto *Choice = llvm::dyn_cast<ConditionalOperator>(Target->IgnoreParens())) {
    report(Kind, Write, Choice->getTrueExpr(), Operation, State);
    report(Kind, Write, Choice->getFalseExpr(), std::move(Operation), State);
    return;
  }
  // Writes to a std::atomic (or any thread-safe type) are not races, and a
  // type that synchronises itself takes care of its own state in every
  // method but the assignment that replaces it.
  const QualType TargetType = Target->IgnoreParenImpCasts()->getType();
  const QualType Object =
      TargetType->isPointerType() ? TargetType->getPointeeType() : TargetType; // `p->push(x)`
  const bool Split = Kind == WriteKind::SplitAtomicUpdate; // a race on an atomic
  if (!Split && (Safe.isThreadSafe(TargetType) ||
                 (Kind != WriteKind::Assignment &&
                  Safe.isSelfSynchronised(Object, Resolver.modules()))))
    return;
  // One race, one finding: `users_[id] = u` is reported as the operator[]
  // that inserts into `users_`, which the walk reaches by itself.
  if (const Expr *Map = insertingSubscript(Target);
      Map && !Safe.isThreadSafe(Map->getType()) &&
      !Safe.isSelfSynchronised(Map->getType(), Resolver.modules()) && Resolver.resolve(Map))
    return;
  auto Resolved = Resolver.resolve(Target);
  if (!Resolved) {
    if (const clang::VarDecl *Global = writtenGlobal(Target))
      Listener.onGlobalWrite({Kind, Write, std::move(Operation), Global, State.globalLockHeld()});
    return;
  }
  // A `guarded_by` member's writes are Clang's thread-safety analysis to
  // check: every check counts them as made under their lock alike.
  const bool Guarded = Resolved->Member->hasAttr<GuardedByAttr>() ||
                       Resolved->Member->hasAttr<PtGuardedByAttr>();
  const std::vector<std::string> Held = State.held();
  Listener.onWrite({Kind, Write, std::move(Operation), std::move(*Resolved),
                    Guarded || State.anyHeld(), Held.empty() ? "" : Held.front(),
                    State.protectingSection()});
}

bool WriteScanner::classifyLibraryWrite(const Expr *E, const LockState &State) {
  if (std::optional<SplitUpdate> Split = splitAtomicUpdate(*E, Resolver)) {
    report(WriteKind::SplitAtomicUpdate, E, Split->Target, Split->Operation, State);
    return true;
  }
  // `std::sort(v_.begin(), v_.end())`, `std::ranges::fill(v_, 0)`,
  // `std::back_inserter(v_)`: the algorithm writes the container.
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E))
    if (std::optional<RangeWrite> Range = mutatedRange(*Call)) {
      report(WriteKind::ContainerMutation, E, Range->Container, Range->Operation, State);
      return true;
    }
  return false;
}

void WriteScanner::classifyWrite(const Expr *E, const LockState &State) {
  if (classifyLibraryWrite(E, State))
    return;
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E)) {
    if (Unary->isIncrementDecrementOp())
      report(WriteKind::Increment, E, Unary->getSubExpr(),
             Unary->isIncrementOp() ? "++" : "--", State);
    return;
  }
  if (const auto *Binary = llvm::dyn_cast<BinaryOperator>(E)) {
    if (Binary->getOpcode() == BO_Assign)
      report(WriteKind::Assignment, E, Binary->getLHS(), "=", State);
    else if (Binary->isCompoundAssignmentOp())
      report(WriteKind::CompoundAssignment, E, Binary->getLHS(),
             Binary->getOpcodeStr().str(), State);
    return;
  }
  if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getNumArgs() == 0)
      return;
    const Expr *Object = Op->getArg(0);
    const OverloadedOperatorKind Kind = Op->getOperator();
    const char *Spelling = getOperatorSpelling(Kind);
    if (Kind == OO_PlusPlus || Kind == OO_MinusMinus)
      report(WriteKind::Increment, E, Object, Spelling, State);
    else if (isCompoundAssignmentOperator(Kind))
      report(WriteKind::CompoundAssignment, E, Object, Spelling, State);
    else if (Kind == OO_Equal)
      report(WriteKind::Assignment, E, Object, Spelling, State);
    else if (Kind == OO_Subscript && isMapLikeType(Object->getType()) &&
             !Object->getType().isConstQualified())
      report(WriteKind::ContainerMutation, E, Object, "operator[]", State);
    return;
  }
  if (const auto *Subscript = llvm::dyn_cast<ArraySubscriptExpr>(E)) {
    // Only inside a template does `map_[key]` stay a plain subscript.
    const Expr *Object = subscriptBase(*Subscript);
    if (Subscript->isTypeDependent() && isMapLikeType(Object->getType()))
      report(WriteKind::ContainerMutation, E, Object, "operator[]", State);
    return;
  }
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    const Expr *Object = Call->getImplicitObjectArgument();
    if (!Method || !Object || Method->isConst() || !Method->getIdentifier() ||
        !isMutatingContainerMethod(Method->getName()))
      return;
    QualType ObjectType = Object->getType();
    if (ObjectType->isPointerType())
      ObjectType = ObjectType->getPointeeType();
    if (isContainerType(ObjectType))
      report(WriteKind::ContainerMutation, E, Object, Method->getName().str(),
             State);
    return;
  }
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E))
    classifyOtherCall(*Call, State);
}

void WriteScanner::classifyOtherCall(const CallExpr &Call, const LockState &State) {
  if (std::optional<MemberCallee> Callee = memberCallee(Call)) {
    // An unresolved call in a template: the container's type may be
    // unknown, and a mutating name on member state is enough.
    const Expr *Object = Callee->Object;
    if (isMutatingContainerMethod(Callee->Name) &&
        (Object->isTypeDependent() || isContainerType(Object->getType())))
      report(WriteKind::ContainerMutation, &Call, Object, Callee->Name.str(), State);
    return;
  }
  // std::swap(items_, other), std::erase_if(items_, pred)
  for (llvm::StringRef Free : {"std::swap", "std::erase", "std::erase_if"}) {
    if (!callsStdFunction(Call, Free))
      continue;
    unsigned Containers = Free == "std::swap" ? 2 : 1;
    for (unsigned I = 0; I < Containers && I < Call.getNumArgs(); ++I)
      if (isContainerType(Call.getArg(I)->getType()))
        report(WriteKind::ContainerMutation, &Call, Call.getArg(I), Free.drop_front(5).str(),
               State);
  }
}

} // namespace modlint
