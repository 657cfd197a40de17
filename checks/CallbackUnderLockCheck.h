#pragma once
#include "ModuleCheck.h"
#include "analysis/CallbackCalls.h"

namespace modlint {

/// `modlint-callback-under-lock`: code the calling class does not control
/// (a std::function or other type-erased callable, a function pointer, a
/// callable of template-parameter type, a virtual method of another object,
/// a `CallbackFunctions` match) called while a lock another thread can wait
/// on is held. Every function is checked, not only shared modules' methods.
class CallbackUnderLockCheck : public ModuleCheck {
public:
  CallbackUnderLockCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  class CallListener;
  void reportCallback(const clang::CallExpr &Call, const CallbackCall &Callback,
                      llvm::ArrayRef<ScopeLock> Locks, clang::ASTContext &Context);

  const std::vector<llvm::GlobPattern> Listed;
};

} // namespace modlint
