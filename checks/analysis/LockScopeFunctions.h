// The functions the lock-scope checks look at: every function definition
// outside system headers, not only shared modules' methods. A lambda's body
// and a local class's methods are walked with the function around them,
// which knows the locks they run under; template instantiations are left
// to their template.
#pragma once

#include "clang/ASTMatchers/ASTMatchers.h"

namespace modlint {

/// Matches such a function, bound as "function".
clang::ast_matchers::DeclarationMatcher lockScopeFunction();

} // namespace modlint
