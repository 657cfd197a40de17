#pragma once
#include "ModuleCheck.h"
#include "analysis/BlockingCalls.h"
#include "analysis/NamePatterns.h"

namespace modlint {

/// `modlint-blocking-under-lock`: a call that blocks the thread (a sleep, a
/// join, a wait on a future or on a condition variable that releases another
/// lock, file, socket or process I/O, std::filesystem, a `BlockingFunctions`
/// match) made while a lock another thread can wait on is held. Every
/// function is checked, not only shared modules' methods.
class BlockingUnderLockCheck : public ModuleCheck {
public:
  BlockingUnderLockCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  class CallListener;
  void reportBlocking(const clang::Expr &Call, const BlockingCall &Blocking,
                      llvm::ArrayRef<ScopeLock> Locks);

  const std::vector<llvm::GlobPattern> UserPatterns;
};

} // namespace modlint
