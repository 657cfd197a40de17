// Resolves an expression to the *member state* it denotes: a data member of
// a shared module reached through `this` or an alias of the object (or a
// static data member), a sub-object of one (`stats_.count`,
// `std::get<0>(pair_)`, a member of an anonymous union), an element
// (`table_[i]`, `items_.back()`, `*it`, `p[0]`), or an object behind a
// pointer or smart-pointer member (`state_->count`, `*buffer_`).
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

  /// `E` as written, for messages; "..." when long or spread over lines.
  std::string spelling(const clang::Expr *E, size_t MaxLength = 48) const;

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

  /// The shared module `E` denotes as a whole object: `this`, `*this`, an
  /// alias of it (`self` from `shared_from_this()`, a captured `thisPtr`,
  /// `const_cast<T *>(this)`, a `weak.lock()` of one), or a parameter
  /// recorded by addObjectParameter. Null for any other object.
  const clang::CXXRecordDecl *objectOf(const clang::Expr *E) const;

  /// Records a parameter of a function that is not one of the module's own
  /// member functions (a friend, a free or a static function) when it
  /// names a shared module by reference, pointer or smart pointer: what the
  /// function writes through it is the shared instance's state.
  void addObjectParameter(const clang::ParmVarDecl *Param);

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
  /// What a local iterator or pointer points at, for `*it`, `it->`, `p[i]`.
  std::optional<MemberState> pointedAt(const clang::Expr *Pointer) const;
  /// What a pointer or iterator initialiser points into: `v_.data()`,
  /// `&arr_[0]`, `std::begin(arr_)`, `table_.find(k)`.
  std::optional<MemberState> pointerSource(const clang::Expr *Init) const;
  const clang::CXXRecordDecl *objectOf(const clang::Expr *E, unsigned Depth) const;
  std::optional<MemberState> libraryAccess(const clang::CallExpr &E, unsigned Depth) const;
  std::string indexText(const clang::Expr *Index) const;

  const ModuleClassifier &Modules;
  const clang::ASTContext &Context;
  /// Per function body: the resolver lives as long as one scan.
  llvm::DenseMap<const clang::VarDecl *, MemberState> Aliases;
  /// Local iterators and pointers into member state, by what they point at.
  llvm::DenseMap<const clang::VarDecl *, MemberState> PointsInto;
  /// Locals, captures and parameters that name the shared object itself.
  llvm::DenseMap<const clang::VarDecl *, const clang::CXXRecordDecl *> Objects;
};

} // namespace modlint
