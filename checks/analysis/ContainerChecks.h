// The checks of modlint-check-then-act: a call that asks a container about
// a key or its size (`find`, `count`, `contains`, `empty`, `size`), whose
// answer a later branch acts on, and the conditions that decide a
// statement (the branches it sits in, the early exits before it).
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"

namespace modlint {

/// `Call` asks its object a question a mutation may then act on: `find`,
/// `count`, `contains`, `empty` or `size` (also not yet resolved, in a
/// template). Returns the object asked.
const clang::Expr *checkedContainer(const clang::CallExpr &Call);

/// The conditions whose value decides whether `S` runs: those of the `if`s
/// and `?:` it sits in, and of the `if`s before it in each enclosing block
/// whose then-branch always leaves (`if (m_.contains(k)) return;`), up to
/// the enclosing function or lambda body.
llvm::SmallVector<const clang::Expr *, 4> decidingConditions(const clang::Stmt &S,
                                                             clang::ASTContext &Context);

/// The calls inside `Condition`, and inside the initialisers of the local
/// variables it names (`auto it = m_.find(k); if (it == m_.end())`).
llvm::SmallVector<const clang::CallExpr *, 4> callsDeciding(const clang::Expr &Condition);

/// Control never leaves `S` at its end: it returns, throws, breaks or
/// continues (directly, or as the last statement of a block).
bool alwaysExits(const clang::Stmt *S);

} // namespace modlint
