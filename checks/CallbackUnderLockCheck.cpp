#include "CallbackUnderLockCheck.h"

#include "analysis/NamePatterns.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace modlint {

/// Reports each callback called with locks held.
class CallbackUnderLockCheck::CallListener : public ScanListener {
public:
  CallListener(CallbackUnderLockCheck &Check, ASTContext &Context)
      : Check(Check), Context(Context) {}
  void onCall(const CallExpr &Call, const LockState &State, bool Nested) override {
    if (!State.anyScopeLock())
      return; // the common case, before the callee is looked at
    std::optional<CallbackCall> Callback = callbackCall(Call, Check.Listed);
    if (!Callback)
      return;
    std::vector<ScopeLock> Held = State.scopeLocks();
    if (!Held.empty())
      Check.reportCallback(Call, *Callback, Held, Context);
  }

private:
  CallbackUnderLockCheck &Check;
  ASTContext &Context;
};

CallbackUnderLockCheck::CallbackUnderLockCheck(llvm::StringRef Name,
                                               tidy::ClangTidyContext *Context)
    : ModuleCheck(Name, Context), Listed(namePatterns(Settings.CallbackFunctions)) {}

void CallbackUnderLockCheck::registerMatchers(MatchFinder *Finder) {
  registerFunctionMatcher(Finder);
}

void CallbackUnderLockCheck::check(const MatchFinder::MatchResult &Result) {
  CallListener Listener(*this, *Result.Context);
  scanMatchedFunction(Result, Listener);
}

void CallbackUnderLockCheck::reportCallback(const CallExpr &Call, const CallbackCall &Callback,
                                            llvm::ArrayRef<ScopeLock> Locks,
                                            ASTContext &Context) {
  const ScopeLock &Held = Locks.front();
  const std::string Name = Callback.Callee
                               ? MemberStateResolver(Modules, Context).spelling(Callback.Callee)
                               : Callback.QualifiedName;
  diag(Call.getBeginLoc(),
       "'%0' (%3) is called while the '%2' lock on '%1' is held, so code this class "
       "does not control runs under it: if that code takes the lock again it "
       "deadlocks, and every other thread waits as long as it runs; copy what the "
       "call needs under the lock, release the lock, then call (snapshot, then notify)")
      << Name << Held.Mutex << (Held.Shared ? "shared" : "exclusive")
      << describe(Callback.Kind) << Call.getSourceRange();
  noteAcquisitions(Locks);
}

} // namespace modlint
