#include "ContainerChecks.h"

#include "CallInfo.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace modlint {

namespace {
bool isQuestion(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("find", "count", "contains", "empty", "size", true)
      .Default(false);
}

/// The values assigned to the local `Var` in `S` (`known = m_.contains(k)`).
void assignedValues(const Stmt *S, const VarDecl *Var, llvm::SmallVectorImpl<const Expr *> &Out) {
  if (!S)
    return;
  if (const auto *Assign = llvm::dyn_cast<BinaryOperator>(S);
      Assign && Assign->getOpcode() == BO_Assign)
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts());
        Ref && Ref->getDecl() == Var)
      Out.push_back(Assign->getRHS());
  for (const Stmt *Child : S->children())
    assignedValues(Child, Var, Out);
}

void collectCalls(const Stmt *S, llvm::SmallVectorImpl<const CallExpr *> &Out, unsigned Depth) {
  if (!S || Depth > 64)
    return;
  if (const auto *Call = llvm::dyn_cast<CallExpr>(S))
    Out.push_back(Call);
  // A local the condition tests: what it was set to decides.
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(S))
    if (const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->isLocalVarDecl() && Depth < 8) {
      llvm::SmallVector<const Expr *, 2> Values;
      if (Var->getInit())
        Values.push_back(Var->getInit());
      if (const auto *Function = llvm::dyn_cast_or_null<FunctionDecl>(
              Var->getParentFunctionOrMethod()))
        assignedValues(Function->getBody(), Var, Values);
      for (const Expr *Value : Values)
        collectCalls(Value, Out, Depth + 8);
    }
  for (const Stmt *Child : S->children())
    collectCalls(Child, Out, Depth + 1);
}

/// The conditions of the early exits in `Before`, a statement that runs
/// before the one decided: `if (c) return;`, also inside a nested block
/// (`{ std::shared_lock r(mu_); if (m_.count(k)) return; }`).
void earlyExits(const Stmt *Before, llvm::SmallVectorImpl<const Expr *> &Out) {
  if (const auto *Exit = llvm::dyn_cast_or_null<IfStmt>(Before)) {
    if (Exit->getCond() && !Exit->getElse() && alwaysExits(Exit->getThen()))
      Out.push_back(Exit->getCond());
  } else if (const auto *Block = llvm::dyn_cast_or_null<CompoundStmt>(Before)) {
    for (const Stmt *Inner : Block->body())
      earlyExits(Inner, Out);
  }
}
} // namespace

bool alwaysExits(const Stmt *S) {
  if (const auto *Block = llvm::dyn_cast_or_null<CompoundStmt>(S))
    return !Block->body_empty() && alwaysExits(Block->body_back());
  if (const auto *E = llvm::dyn_cast_or_null<Expr>(S))
    return llvm::isa<CXXThrowExpr>(E->IgnoreParenImpCasts());
  return llvm::isa_and_nonnull<ReturnStmt, BreakStmt, ContinueStmt, CoreturnStmt>(S);
}

const Expr *checkedContainer(const CallExpr &Call) {
  std::optional<MemberCallee> Callee = memberCallee(Call);
  return Callee && isQuestion(Callee->Name) ? Callee->Object : nullptr;
}

llvm::SmallVector<const Expr *, 4> decidingConditions(const Stmt &S, ASTContext &Context) {
  llvm::SmallVector<const Expr *, 4> Conditions;
  const Stmt *Child = &S;
  for (unsigned Up = 0; Up < 64; ++Up) {
    const DynTypedNodeList Parents = Context.getParents(*Child);
    const Stmt *Parent = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    if (!Parent)
      break; // the function (or lambda) body's owner
    if (const auto *If = llvm::dyn_cast<IfStmt>(Parent)) {
      if ((Child == If->getThen() || Child == If->getElse()) && If->getCond())
        Conditions.push_back(If->getCond());
    } else if (const auto *Choice = llvm::dyn_cast<ConditionalOperator>(Parent)) {
      if (Child != Choice->getCond())
        Conditions.push_back(Choice->getCond());
    } else if (const auto *Block = llvm::dyn_cast<CompoundStmt>(Parent)) {
      for (const Stmt *Before : Block->body()) {
        if (Before == Child)
          break;
        earlyExits(Before, Conditions);
      }
    } else if (llvm::isa<LambdaExpr>(Parent)) {
      break;
    }
    Child = Parent;
  }
  return Conditions;
}

llvm::SmallVector<const CallExpr *, 4> callsDeciding(const Expr &Condition) {
  llvm::SmallVector<const CallExpr *, 4> Calls;
  collectCalls(&Condition, Calls, 0);
  return Calls;
}

} // namespace modlint
