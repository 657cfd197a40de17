// The base of every modlint check: reads the shared options, finds the
// member functions of shared modules, and runs the write scanner over each
// one that runs while the instance is shared (not construction).
#pragma once

#include "analysis/HelperLocks.h"
#include "analysis/ModuleClassifier.h"
#include "analysis/ModuleSettings.h"
#include "analysis/SafeTypes.h"
#include "analysis/WriteScanner.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace modlint {

class ModuleCheck : public clang::tidy::ClangTidyCheck {
public:
  ModuleCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Options) override;
  void onEndOfTranslationUnit() override { Helpers.clear(); }

protected:
  /// Called for each write and member use found in a shared module's member
  /// function that is not construction.
  virtual void onWrite(const WriteEvent &Event) {}
  virtual void onMemberUse(const MemberUse &Use, const clang::Stmt &Body,
                           clang::ASTContext &Context) {}
  /// Called for each call in such a function, with the locks held there and
  /// the resolver of its scan.
  virtual void onModuleCall(const clang::CallExpr &Call, const LockState &State,
                            const MemberStateResolver &Resolver) {}
  /// Called for each `return` of such a function, with the resolver of its
  /// scan (which knows the function's local aliases of member state).
  virtual void onReturn(const clang::ReturnStmt &Return, const clang::FunctionDecl &Function,
                        const MemberStateResolver &Resolver) {}
  /// Called for each shared-module class defined in the translation unit,
  /// once a check has asked for them with registerModuleClassMatcher.
  virtual void onModuleClass(const clang::CXXRecordDecl &Module) {}
  void registerModuleClassMatcher(clang::ast_matchers::MatchFinder *Finder);
  /// The lock-scope checks look at every function definition outside system
  /// headers, not only shared modules' methods. A lambda's body and a local
  /// class's methods are walked with the function around them.
  void registerFunctionMatcher(clang::ast_matchers::MatchFinder *Finder);
  /// Scans the function that registerFunctionMatcher matched, from no lock.
  void scanMatchedFunction(const clang::ast_matchers::MatchFinder::MatchResult &Result,
                           ScanListener &Listener) const;

  /// Constructors, destructors and `InitMethods` run before or after the
  /// instance is shared.
  bool isConstruction(const clang::FunctionDecl &Function) const;
  /// A check that also wants the events of construction bodies (never
  /// findings, but they tell whether a member could be const) says so; it
  /// can tell them apart by InConstruction.
  virtual bool scansConstruction() const { return false; }
  bool InConstruction = false;
  /// Reports a write: the common shape of the three write checks' findings.
  /// In `Message`, %0 is the operation, %1 the written path, %2 the module
  /// and %3 the advice.
  void reportWrite(const WriteEvent &Event, llvm::StringRef Message);
  /// The note that points at the member a finding is about.
  void noteDeclaration(const clang::ValueDecl &Member);
  /// The notes of a lock-scope finding: where each lock held was taken.
  void noteAcquisitions(llvm::ArrayRef<ScopeLock> Locks);
  /// Whether a write is a finding: not under a held lock, unless Strict.
  bool isUnprotected(bool LockHeld) const { return Settings.Strict || !LockHeld; }
  /// The advice that ends a write finding.
  llvm::StringRef writeRemedy(WriteKind Kind) const;

  class MethodListener;

  const ModuleSettings Settings;
  const ModuleClassifier Modules;
  const SafeTypes Safe;
  /// The locks helpers are called with; per translation unit.
  HelperLocks Helpers;
};

} // namespace modlint
