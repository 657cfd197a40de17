#include "LockAcrossAwaitCheck.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace modlint {

namespace {
AST_MATCHER(FunctionDecl, isCoroutine) {
  return llvm::isa_and_nonnull<CoroutineBodyStmt>(Node.getBody());
}

/// `co_await boost::asio::this_coro::executor` (or another of Asio's
/// `this_coro` tokens) reads the coroutine's own state: Asio's promise
/// answers it at once, without suspending.
bool asksItsOwnState(const Expr &Suspension) {
  const auto *Await = llvm::dyn_cast<CoawaitExpr>(&Suspension);
  if (!Await || !Await->getOperand())
    return false;
  const auto *Token = Await->getOperand()->IgnoreParenImpCasts()->getType()->getAsCXXRecordDecl();
  if (!Token)
    return false;
  const auto *Scope = llvm::dyn_cast<NamespaceDecl>(Token->getDeclContext()->getRedeclContext());
  return Scope && Scope->getQualifiedNameAsString() == "boost::asio::this_coro";
}
} // namespace

/// Reports each suspension with the locks held there.
class LockAcrossAwaitCheck::SuspensionListener : public ScanListener {
public:
  explicit SuspensionListener(LockAcrossAwaitCheck &Check) : Check(Check) {}
  void onSuspend(const Expr &Suspension, const LockState &State) override {
    if (asksItsOwnState(Suspension))
      return;
    std::vector<ScopeLock> Held = State.scopeLocks();
    llvm::erase_if(Held, [&](const ScopeLock &Lock) {
      return llvm::is_contained(Check.Settings.AwaitSafeLockTypes, Lock.MutexType);
    });
    if (!Held.empty()) // one finding per suspension, a note per lock
      Check.reportSuspension(Suspension, Held);
  }

private:
  LockAcrossAwaitCheck &Check;
};

void LockAcrossAwaitCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(isDefinition(), unless(isTemplateInstantiation()),
                                  unless(isExpansionInSystemHeader()), isCoroutine())
                         .bind("coroutine"),
                     this);
}

void LockAcrossAwaitCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  if (!Coroutine)
    return;
  MemberStateResolver Resolver(Modules, *Result.Context);
  SuspensionListener Listener(*this);
  WriteScanner(Resolver, Safe, Listener).scan(*Coroutine, LockState());
}

void LockAcrossAwaitCheck::reportSuspension(const Expr &Suspension,
                                           llvm::ArrayRef<ScopeLock> Locks) {
  const ScopeLock &Held = Locks.front();
  const bool Yield = llvm::isa<CoyieldExpr>(Suspension);
  diag(Suspension.getBeginLoc(),
       "'%0' suspends the coroutine while it holds the '%2' lock on '%1'; until it resumes, every "
       "other thread that takes the lock waits, and the coroutine may resume on a "
       "thread that does not own it: release the lock before suspending (end the "
       "guard's scope or call unlock()), and take it again after")
      << (Yield ? "co_yield" : "co_await") << Held.Mutex
      << (Held.Shared ? "shared" : "exclusive") << Suspension.getSourceRange();
  noteAcquisitions(Locks);
}

} // namespace modlint
