// Stack overflow in one unit's analysis must end that unit only, like any
// other crash. Two things stand in the way: Clang only moves deep recursion
// (template instantiation, deeply nested code) to a fresh stack on threads
// that told it where their stack begins, and a signal raised because the
// stack is exhausted has no stack left to run its handler on, so without an
// alternate stack the whole process dies.
#pragma once

#include <csignal>
#include <memory>

namespace modlint {

/// Makes the crash handlers run on the alternate stack of the thread that
/// crashed. Call once, after llvm::CrashRecoveryContext::Enable() has
/// installed them.
void runCrashHandlersOnAlternateStack();

/// While it lives, the calling thread has an alternate signal stack, and
/// Clang knows where the thread's stack begins so it grows deep recursion
/// onto a new thread (as `clang++` does) instead of overflowing. One per
/// unit, created on the worker thread that runs it.
class UnitStack {
public:
  UnitStack();
  ~UnitStack();
  UnitStack(const UnitStack &) = delete;
  UnitStack &operator=(const UnitStack &) = delete;

private:
  std::unique_ptr<char[]> Memory;
  stack_t Previous;
  bool Installed = false;
};

} // namespace modlint
