#include "engine/parse/StackGuard.h"

#include "clang/Basic/Stack.h"
#include <algorithm>

namespace modlint {

namespace {
/// Room for the crash handler: it removes temporary files and jumps back to
/// the unit's start. Generous, because sanitizer builds use bigger frames.
constexpr size_t AlternateStackSize = 256 * 1024;
} // namespace

void runCrashHandlersOnAlternateStack() {
  for (int Signal : {SIGSEGV, SIGBUS}) {
    struct sigaction Action;
    if (sigaction(Signal, nullptr, &Action) != 0)
      continue;
    Action.sa_flags |= SA_ONSTACK;
    sigaction(Signal, &Action, nullptr);
  }
}

UnitStack::UnitStack() {
  clang::noteBottomOfStack();
  const size_t Size = std::max<size_t>(AlternateStackSize, MINSIGSTKSZ);
  Memory = std::make_unique<char[]>(Size);
  stack_t Stack{};
  Stack.ss_sp = Memory.get();
  Stack.ss_size = Size;
  Installed = sigaltstack(&Stack, &Previous) == 0;
}

UnitStack::~UnitStack() {
  if (Installed)
    sigaltstack(&Previous, nullptr);
}

} // namespace modlint
