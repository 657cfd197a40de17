#pragma once
#include "ModuleCheck.h"
#include "analysis/NoLintLines.h"

#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>
#include <memory>

namespace modlint {

/// `modlint-mutable-member`: a data member of a shared module that is not
/// safe (const, constexpr, reference, thread_local, thread-safe type) and not
/// guarded (every write outside construction under a held lock, or a
/// guarded_by attribute). A member never modified after construction gets a
/// note suggesting `const` instead.
///
/// The verdict needs every member function of the class, so the check
/// collects modifications while the translation unit is matched and reports
/// at its end.
class MutableMemberCheck : public ModuleCheck {
public:
  using ModuleCheck::ModuleCheck;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

protected:
  bool scansConstruction() const override { return true; }
  void onWrite(const WriteEvent &Event) override;
  void onMemberUse(const MemberUse &Use, const clang::Stmt &Body,
                   clang::ASTContext &Context) override;
  void onModuleClass(const clang::CXXRecordDecl &Module) override;

private:
  /// A modification without a held lock, and the write check that reports
  /// it on its own line (empty when none does: a call of a non-const
  /// method, a non-const reference handed out).
  struct UnguardedWrite {
    clang::SourceLocation Where;
    llvm::StringRef Check;
  };
  struct Modifications {
    bool Any = false;
    std::vector<UnguardedWrite> Unguarded;
  };
  void recordModification(const clang::ValueDecl *Member, clang::SourceLocation Where,
                          bool LockHeld, llvm::StringRef Check = {});
  /// The unguarded writes that make `M` a finding, in source order, once
  /// each: those no NOLINT comment on their line silences, for this check
  /// or for the write check that reports them (one NOLINT per race).
  std::vector<clang::SourceLocation> reportedWrites(const Modifications &M,
                                                    clang::SourceManager &Sources);
  void reportMember(const clang::ValueDecl &Member,
                    const clang::CXXRecordDecl &Module, bool ClassComplete);
  /// Declaring the never-modified `Member` const would compile: nothing
  /// writes it during construction and every constructor initialises it.
  bool constWouldCompile(const clang::ValueDecl &Member,
                         const clang::CXXRecordDecl &Module) const;
  /// The insertion that makes such a member const, when it can be placed
  /// (not inside a macro, not a declaration shared with other members).
  std::optional<clang::FixItHint> constFix(const clang::ValueDecl &Member) const;

  // Per translation unit: each ClangTidyContext creates its own check
  // objects for every unit, so nothing here is shared between threads.
  llvm::DenseMap<const clang::ValueDecl *, Modifications> Modified;
  /// Members modified inside constructors, destructors or InitMethods:
  /// fine for sharing, but `const` would not compile.
  llvm::DenseSet<const clang::ValueDecl *> ModifiedInConstruction;
  /// Members written on an instance that is not shared (a local object):
  /// no finding, but `const` would not compile either.
  llvm::DenseSet<const clang::ValueDecl *> WrittenOnOtherInstances;
  std::vector<const clang::CXXRecordDecl *> ModuleClasses;
  const clang::Stmt *AnalysedBody = nullptr;
  /// The unit's NOLINT comments, read once, when a member first needs them.
  std::unique_ptr<NoLintLines> NoLint;
  std::unique_ptr<clang::ExprMutationAnalyzer> Analyzer;
};

} // namespace modlint
