#include "CheckThenActCheck.h"

#include "analysis/ContainerChecks.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace modlint {

void CheckThenActCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  Checks.clear();
  ModuleCheck::check(Result);
}

void CheckThenActCheck::onModuleCall(const CallExpr &Call, const LockState &State,
                                     const MemberStateResolver &Resolver) {
  const Expr *Object = checkedContainer(Call);
  std::optional<MemberState> Target = Object ? Resolver.resolve(Object) : std::nullopt;
  if (!Target)
    return;
  const std::optional<LockSection> Section = State.protectingSection();
  const std::vector<ScopeLock> Held = State.scopeLocks();
  const bool Shared = llvm::any_of(Held, [](const ScopeLock &L) { return L.Shared; });
  Checks[&Call] = {Target->Member, Section,
                   Section  ? "in an earlier critical section"
                   : Shared ? "under a shared lock"
                            : "without a lock"};
}

bool CheckThenActCheck::resultIsTheCheck(const WriteEvent &Event) const {
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(Event.Write);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  const bool Reports = Method && Method->getIdentifier() &&
                       llvm::StringSwitch<bool>(Method->getName())
                           .Cases("try_emplace", "emplace", "insert", "insert_or_assign", true)
                           .Default(false);
  if (!Reports)
    return false;
  // Used unless it stands alone as a statement.
  const Stmt *Child = Event.Write;
  for (unsigned Up = 0; Up < 8; ++Up) {
    const DynTypedNodeList Parents = Context->getParents(*Child);
    const Stmt *Parent = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    if (!Parent || llvm::isa<CompoundStmt>(Parent))
      return false;
    if (!llvm::isa<ExprWithCleanups, ImplicitCastExpr, MaterializeTemporaryExpr,
                   CXXBindTemporaryExpr>(Parent))
      return true;
    Child = Parent;
  }
  return true;
}

void CheckThenActCheck::onWrite(const WriteEvent &Event) {
  // An act without the lock is the write checks' finding.
  if (Event.Kind != WriteKind::ContainerMutation || !Event.Section || Checks.empty() ||
      !Context || resultIsTheCheck(Event))
    return;
  const Asked *Latest = nullptr;
  const CallExpr *LatestCall = nullptr;
  for (const Expr *Condition : decidingConditions(*Event.Write, *Context))
    for (const CallExpr *Call : callsDeciding(*Condition)) {
      auto Found = Checks.find(Call);
      if (Found == Checks.end() || Found->second.Member != Event.Target.Member)
        continue;
      if (Found->second.Section == Event.Section)
        return; // checked again in this critical section
      if (!LatestCall || Context->getSourceManager().isBeforeInTranslationUnit(
                             LatestCall->getBeginLoc(), Call->getBeginLoc())) {
        Latest = &Found->second;
        LatestCall = Call;
      }
    }
  if (!Latest)
    return;
  diag(Event.Write->getBeginLoc(),
       "'%0' on '%1' acts on a check of '%1' made %2: another request can change '%1' "
       "between that check and this exclusive lock on '%3' (check-then-act); check again "
       "under this lock before acting, or let one call check and act (try_emplace, or "
       "insert's returned bool)")
      << Event.Operation << Event.Target.Path << Latest->How
      << (Event.Lock.empty() ? std::string("its mutex") : Event.Lock)
      << Event.Write->getSourceRange();
  diag(LatestCall->getBeginLoc(), "'%0' is checked here, %1", DiagnosticIDs::Note)
      << Event.Target.Path << Latest->How;
}

} // namespace modlint
