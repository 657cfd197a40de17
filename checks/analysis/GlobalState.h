// Global state (DESIGN, modlint-global-state): namespace-scope variables,
// static data members of classes that are not shared modules (those are
// member state), and function-local statics. Every request thread shares
// one instance of each.
#pragma once

#include "ModuleClassifier.h"
#include "SafeTypes.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace modlint {

/// The variable with static storage at the root of a written expression:
/// `g_count` for `g_count`, `g_stats.hits`, `g_table[k]`, `buffer[i]`.
/// Null for anything else (locals, parameters, what a pointer points to).
const clang::VarDecl *writtenGlobal(const clang::Expr *Target);

/// How `Var` is global, for messages: "a namespace-scope variable", "a
/// static data member", "a function-local static".
llvm::StringRef globalKind(const clang::VarDecl &Var);

/// `Var` is global state that can race: static storage, written after
/// static initialisation is possible (not const, constexpr, a reference,
/// thread_local, or of a thread-safe type), declared in the project (not
/// a system header), and not a static member of a shared module.
bool isRacyGlobal(const clang::VarDecl &Var, const SafeTypes &Safe,
                  const ModuleClassifier &Modules);

/// The globals `Call` hands to parameters that can write them: a pointer
/// to non-const (an array decays to one: `snprintf(buffer, ...)`) or a
/// non-const lvalue reference.
llvm::SmallVector<const clang::VarDecl *, 2> globalsPassedForWriting(const clang::CallExpr &Call);

} // namespace modlint
