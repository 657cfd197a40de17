#pragma once
#include "ModuleCheck.h"

#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace modlint {

/// `modlint-escaping-reference`: a public or protected member function of a
/// shared module that returns a reference, pointer, iterator or view
/// (`std::string_view`, `std::span`, `std::reference_wrapper`) to member
/// state that others write: a const one to state written under a lock (the
/// caller reads it after the lock is released), a non-const one to state
/// written at all (docs/checks/modlint-escaping-reference.md).
///
/// Whether a member is written needs every member function of the class,
/// so returns are collected while the unit is matched and judged at its
/// end.
class EscapingReferenceCheck : public ModuleCheck {
public:
  using ModuleCheck::ModuleCheck;
  void onEndOfTranslationUnit() override;

protected:
  void onWrite(const WriteEvent &Event) override;
  void onReturn(const clang::ReturnStmt &Return, const clang::FunctionDecl &Function,
                const MemberStateResolver &Resolver) override;

private:
  /// How a member is written outside construction.
  struct Writes {
    bool Locked = false, Unlocked = false;
    std::string Lock; // a lock held at a locked write
  };
  /// A return that hands out member state.
  struct Escape {
    const clang::ReturnStmt *Return;
    const clang::FunctionDecl *Function;
    MemberState Target;
    llvm::StringRef Handle; // "a reference", "an iterator", ...
    bool ReadOnly;          // const access only
  };

  // Per translation unit: each ClangTidyContext creates its own check
  // objects for every unit, so nothing here is shared between threads.
  llvm::DenseMap<const clang::ValueDecl *, Writes> Written;
  std::vector<Escape> Escapes;
};

} // namespace modlint
