#include "BlockingUnderLockCheck.h"

#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace modlint {

namespace {
/// A lambda's call operator or a local class's method: walked with the
/// function around it, which knows the locks it runs under.
AST_MATCHER(FunctionDecl, isNestedInFunction) {
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(&Node);
  return Method && (Method->getParent()->isLambda() || Method->getParent()->isLocalClass());
}
} // namespace

/// Reports each blocking call with the locks held where it is made.
class BlockingUnderLockCheck::CallListener : public ScanListener {
public:
  explicit CallListener(BlockingUnderLockCheck &Check) : Check(Check) {}
  void onCall(const CallExpr &Call, const LockState &State) override {
    if (!State.anyScopeLock())
      return; // the common case, before any name is looked at
    std::optional<BlockingCall> Blocking = blockingCall(Call, Check.UserPatterns);
    if (!Blocking)
      return;
    std::vector<ScopeLock> Held = State.scopeLocks(Blocking->ReleasedGuard);
    if (!Held.empty())
      Check.reportBlocking(Call, *Blocking, Held);
  }

private:
  BlockingUnderLockCheck &Check;
};

BlockingUnderLockCheck::BlockingUnderLockCheck(llvm::StringRef Name,
                                               tidy::ClangTidyContext *Context)
    : ModuleCheck(Name, Context), UserPatterns(blockingPatterns(Settings.BlockingFunctions)) {}

void BlockingUnderLockCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(isDefinition(), unless(isTemplateInstantiation()),
                                  unless(isExpansionInSystemHeader()),
                                  unless(isNestedInFunction()))
                         .bind("function"),
                     this);
}

void BlockingUnderLockCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!Function || !Function->getBody())
    return;
  MemberStateResolver Resolver(Modules, *Result.Context);
  CallListener Listener(*this);
  WriteScanner(Resolver, Safe, Listener).scan(*Function, LockState());
}

void BlockingUnderLockCheck::reportBlocking(const CallExpr &Call, const BlockingCall &Blocking,
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
