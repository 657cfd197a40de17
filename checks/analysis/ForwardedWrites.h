// DESIGN's "write" for forwarding references: passing member state to a
// `T&&` parameter of a function template (protobuf's generated
// `set_host(ArgT0 &&arg)`, `std::make_pair`) is a read unless the visible
// callee writes through it: assigns it, increments it, calls a non-const
// method on it, binds it to a non-const lvalue reference parameter, or
// forwards it to another callee that does.
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace modlint {

/// The index of the parameter of `Call`'s callee that `Arg` is passed to,
/// when that parameter is a forwarding reference.
std::optional<unsigned> forwardingParameter(const clang::CallExpr &Call, const clang::Expr &Arg);

/// The callee of `Call` (its instantiation, when defined in the unit)
/// writes through its parameter `Index`. A callee without a visible body
/// writes nothing through a forwarding reference.
bool writesThroughParameter(const clang::CallExpr &Call, unsigned Index);

/// `Function` has a parameter that is a forwarding reference: its body is
/// one writesThroughParameter may look into, wherever it is declared.
bool takesForwardingReference(const clang::FunctionDecl &Function);

} // namespace modlint
