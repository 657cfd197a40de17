#pragma once
#include "ModuleCheck.h"

#include "llvm/ADT/DenseMap.h"

namespace modlint {

/// `modlint-check-then-act`: a mutation of a shared module's container,
/// made under an exclusive lock, that a check of the same container
/// decides (`find`, `count`, `contains`, `empty`, `size`) when that check
/// was made in another critical section (without the lock, under a shared
/// lock, or before the lock was released and taken again) and not repeated
/// in this one (docs/checks/modlint-check-then-act.md).
class CheckThenActCheck : public ModuleCheck {
public:
  using ModuleCheck::ModuleCheck;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

protected:
  void onWrite(const WriteEvent &Event) override;
  void onModuleCall(const clang::CallExpr &Call, const LockState &State,
                    const MemberStateResolver &Resolver) override;

private:
  /// A check seen in the function being scanned.
  struct Asked {
    const clang::ValueDecl *Member;
    std::optional<LockSection> Section;
    llvm::StringRef How; // "without a lock", "under a shared lock", ...
  };
  /// The mutation's own result is its check (`auto [it, added] =
  /// m_.try_emplace(k)`).
  bool resultIsTheCheck(const WriteEvent &Event) const;

  // Per function body (cleared for each): the checks made in it.
  llvm::DenseMap<const clang::CallExpr *, Asked> Checks;
  clang::ASTContext *Context = nullptr;
};

} // namespace modlint
