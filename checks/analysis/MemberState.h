// Resolves an expression to the *member state* it denotes: a data member of
// a shared module reached through `this` (or a static data member), a
// sub-object of one (`stats_.count`), an element (`table_[i]`,
// `items_.back()`), or an object behind a pointer or smart-pointer member
// (`state_->count`, `*buffer_`).
#pragma once

#include "ModuleClassifier.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>

namespace modlint {

struct MemberState {
  /// The module's own member at the root of the access path.
  const clang::ValueDecl *Member = nullptr;
  /// The shared module whose instance (or class, for statics) holds it.
  const clang::CXXRecordDecl *Module = nullptr;
  /// The access path as the user would write it, without `this->`.
  std::string Path;
};

/// The subscripted object of `a[i]`. Clang's getBase() guesses from which
/// side is an integer, which picks the key of `map_[key]` in a template.
const clang::Expr *subscriptBase(const clang::ArraySubscriptExpr &Subscript);

class MemberStateResolver {
public:
  MemberStateResolver(const ModuleClassifier &Modules,
                      const clang::ASTContext &Context)
      : Modules(Modules), Context(Context) {}

  const ModuleClassifier &modules() const { return Modules; }

  /// The member state `E` denotes, or nothing when `E` is local, a
  /// parameter, another object, or a reference member's referent.
  std::optional<MemberState> resolve(const clang::Expr *E) const;

  /// Records that the local reference `Alias` names member state:
  /// `auto &entry = table_[key];`, or the loop variable of
  /// `for (auto &item : items_)` (with `Element` set), with its structured
  /// bindings; or that the local iterator `Alias` points into a member
  /// container (`auto it = table_.find(k);`). Writes through the alias then
  /// resolve to the member.
  void addAlias(const clang::VarDecl *Alias, const clang::Expr *Init,
                bool Element);

private:
  std::optional<MemberState> resolve(const clang::Expr *E,
                                     unsigned Depth) const;
  // One per kind of expression that can reach member state.
  std::optional<MemberState> member(const clang::MemberExpr &E, unsigned Depth) const;
  std::optional<MemberState> dependentMember(const clang::CXXDependentScopeMemberExpr &E,
                                             unsigned Depth) const;
  std::optional<MemberState> subscript(const clang::ArraySubscriptExpr &E, unsigned Depth) const;
  std::optional<MemberState> dereference(const clang::Expr &Pointer, unsigned Depth) const;
  std::optional<MemberState> overloadedOperator(const clang::CXXOperatorCallExpr &E,
                                                unsigned Depth) const;
  std::optional<MemberState> memberCall(const clang::CXXMemberCallExpr &E, unsigned Depth) const;
  std::optional<MemberState> fromThisMember(const clang::Expr *Base,
                                            const clang::ValueDecl *Member) const;
  std::optional<MemberState> fromStatic(const clang::VarDecl *Var) const;
  /// The element an iterator alias points at, for `*it` and `it->`.
  std::optional<MemberState> iteratorTarget(const clang::Expr *Iterator) const;
  std::string indexText(const clang::Expr *Index) const;

  const ModuleClassifier &Modules;
  const clang::ASTContext &Context;
  /// Per function body: the resolver lives as long as one scan.
  llvm::DenseMap<const clang::VarDecl *, MemberState> Aliases;
  /// Local iterators into member containers, by the element they point at.
  llvm::DenseMap<const clang::VarDecl *, MemberState> Iterators;
};

} // namespace modlint
