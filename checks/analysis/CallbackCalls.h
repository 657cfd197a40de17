// The calls that run code the calling class does not control, as DESIGN's
// callback-under-lock lists them: a std::function (or another type-erased
// callable), a function pointer, a callable of template-parameter type, a
// virtual method dispatched on another object, and the team's own
// (`CallbackFunctions`).
#pragma once

#include "clang/AST/Expr.h"
#include "llvm/Support/GlobPattern.h"
#include <optional>
#include <string>
#include <vector>

namespace modlint {

enum class CallbackKind {
  TypeErased,       ///< std::function, std::move_only_function, ...
  FunctionPointer,  ///< a pointer or reference to a function or member function
  TemplateCallable, ///< `F f; f(x)` with F a template parameter (or `auto`)
  Virtual,          ///< a virtual method called on another object
  Listed,           ///< a `CallbackFunctions` match
};

struct CallbackCall {
  CallbackKind Kind;
  /// What is called, as written (`onChange_`, `listener->onEvent`); null
  /// for a listed function, which is named by QualifiedName.
  const clang::Expr *Callee = nullptr;
  std::string QualifiedName;
};

/// What `Call` hands control to, if it is a callback.
std::optional<CallbackCall> callbackCall(const clang::CallExpr &Call,
                                         const std::vector<llvm::GlobPattern> &Listed);

/// How the message describes a kind: "a std::function", "a function pointer".
llvm::StringRef describe(CallbackKind Kind);

} // namespace modlint
