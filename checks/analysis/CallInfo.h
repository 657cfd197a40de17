// What a call expression calls, in the forms the analysis needs, also
// inside templates where the callee is not resolved yet.
#pragma once

#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace modlint {

struct MemberCallee {
  llvm::StringRef Name;
  const clang::Expr *Object;
};

/// `object.name(...)` or `object->name(...)`: a resolved member call, or an
/// unresolved one in a template (dependent object, or overloaded member
/// with dependent arguments).
std::optional<MemberCallee> memberCallee(const clang::Expr &E);

/// The expression a value was made from, looking through what wraps it on
/// its way into a variable or parameter: implicit casts, temporaries,
/// parentheses and single-argument constructions (a copy or move, a
/// `std::function` built from a lambda).
const clang::Expr *throughConversions(const clang::Expr *E);

/// `E` with the wrappers that pass a value on unchanged removed: parens,
/// implicit casts, named casts (`static_cast<T&&>(x)`), `std::forward<T>(x)`
/// and `std::move(x)`, also inside a template before they are resolved.
const clang::Expr *passedOn(const clang::Expr *E);

/// `D` is declared in namespace std or one nested in it (`std::ranges`,
/// libstdc++'s inline namespaces).
bool declaredInStd(const clang::Decl &D);

/// A call of the free function `QualifiedName` (e.g. "std::call_once").
bool callsStdFunction(const clang::CallExpr &Call, llvm::StringRef QualifiedName);

/// A friend, free or static function: code that may be handed a module
/// instance but is not one of that instance's own member functions.
bool isNonMember(const clang::FunctionDecl &Function);

} // namespace modlint
