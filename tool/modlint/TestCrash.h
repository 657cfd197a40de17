// Test-only: a switch that crashes one unit's analysis on purpose, so the
// tests can prove that each kind of crash stays isolated to its unit. Unset
// in any real run.
#pragma once

#include "clang/AST/ASTContext.h"

namespace modlint {

/// MODLINT_TEST_CRASH=[KIND:]TEXT crashes, inside Clang's AST consumer, the
/// analysis of every unit whose main file's path contains TEXT. KIND is
/// `segfault` (the default) or `abort` (what a failed assertion does). A
/// stack overflow needs no switch: the tests use an input that overflows
/// Clang's own stack.
void crashIfAskedTo(const clang::ASTContext &Context);

} // namespace modlint
