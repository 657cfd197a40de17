// What a `return` hands out: a reference, pointer, iterator or view into
// the object it names, seen through the conversions and library calls that
// make one (`&m_`, `m_.begin()`, `m_.find(k)`, `m_.data()`,
// `std::string_view(m_)`, `std::span(m_)`, `std::cref(m_)`).
#pragma once

#include "clang/AST/Expr.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace modlint {

struct HandleType {
  llvm::StringRef Kind; // "a reference", "a pointer", "an iterator", "a view"
  bool ReadOnly;        // gives const access only
};

/// The kind of handle a function's return type is, if it is one.
std::optional<HandleType> handleType(clang::QualType Type);

/// The object whose state `Returned` gives access to: `m_` for `m_`,
/// `&m_`, `m_.begin()`, `m_.find(k)`, `std::string_view(m_)`; `Returned`
/// itself when nothing is seen through.
const clang::Expr *handedOutObject(const clang::Expr *Returned);

} // namespace modlint
