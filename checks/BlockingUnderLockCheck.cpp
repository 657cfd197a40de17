#include "BlockingUnderLockCheck.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace modlint {

/// Reports each blocking call with the locks held where it is made.
class BlockingUnderLockCheck::CallListener : public ScanListener {
public:
  explicit CallListener(BlockingUnderLockCheck &Check) : Check(Check) {}
  void onCall(const CallExpr &Call, const LockState &State, bool Nested) override {
    if (!State.anyScopeLock())
      return; // the common case, before any name is looked at
    std::optional<BlockingCall> Blocking = blockingCall(Call, Check.UserPatterns);
    if (!Blocking)
      return;
    report(Call, *Blocking, State);
  }

  void onConstruct(const CXXConstructExpr &Construct, const LockState &State,
                   bool Nested) override {
    if (!State.anyScopeLock())
      return;
    if (std::optional<BlockingCall> Blocking = blockingConstruction(Construct))
      report(Construct, *Blocking, State);
  }

private:
  void report(const Expr &Blocker, const BlockingCall &Blocking, const LockState &State) {
    std::vector<ScopeLock> Held = State.scopeLocks(Blocking.ReleasedGuard, Blocking.ReleasedLock);
    if (!Held.empty())
      Check.reportBlocking(Blocker, Blocking, Held);
  }

  BlockingUnderLockCheck &Check;
};

BlockingUnderLockCheck::BlockingUnderLockCheck(llvm::StringRef Name,
                                               tidy::ClangTidyContext *Context)
    : ModuleCheck(Name, Context), UserPatterns(namePatterns(Settings.BlockingFunctions)) {}

void BlockingUnderLockCheck::registerMatchers(MatchFinder *Finder) {
  registerFunctionMatcher(Finder);
}

void BlockingUnderLockCheck::check(const MatchFinder::MatchResult &Result) {
  CallListener Listener(*this);
  scanMatchedFunction(Result, Listener);
}

void BlockingUnderLockCheck::reportBlocking(const Expr &Call, const BlockingCall &Blocking,
                                            llvm::ArrayRef<ScopeLock> Locks) {
  const ScopeLock &Held = Locks.front();
  diag(Call.getBeginLoc(),
       "'%0' blocks the thread while it holds the '%2' lock on '%1'; every other "
       "thread that takes the lock waits as long: move the call out of the critical "
       "section (copy what it needs under the lock, release it, then call)")
      << Blocking.Name << Held.Mutex << (Held.Shared ? "shared" : "exclusive")
      << Call.getSourceRange();
  noteAcquisitions(Locks);
}

} // namespace modlint
