#pragma once
#include "ModuleCheck.h"

namespace modlint {

/// `modlint-lock-across-await`: a suspension point of a coroutine
/// (`co_await`, `co_yield`) reached while a lock is held, exclusive or
/// shared, on any lock object another thread can wait on (a member, a
/// global or static, or one reached through a reference or pointer). Every
/// coroutine is checked, not only shared modules' methods; each lambda
/// coroutine on its own.
class LockAcrossAwaitCheck : public ModuleCheck {
public:
  using ModuleCheck::ModuleCheck;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  class SuspensionListener;
  void reportSuspension(const clang::Expr &Suspension, llvm::ArrayRef<ScopeLock> Locks);
};

} // namespace modlint
