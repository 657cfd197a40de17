// The options every modlint check shares, declared in
// options/CheckOptions.def. They are read with getLocalOrGlobal, so one
// `ModuleBases` key in .clang-tidy (or in .modlint.yaml) configures every
// check at once.
#pragma once

#include "LockAttributes.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "options/CheckOptions.h"
#include <string>
#include <vector>

namespace modlint {

struct ModuleSettings {
  /// Fully qualified names of the classes whose subclasses are shared modules.
  std::vector<std::string> ModuleBases;
  /// Extra types (fully qualified) that are safe to share, beyond the std
  /// synchronisation types.
  std::vector<std::string> SafeTypes;
  /// Methods that run before or after the instance is shared, like
  /// constructors: writes inside them are not races.
  std::vector<std::string> InitMethods;
  /// The user's own lock types: `MutexTypes`, `ScopedLockTypes`,
  /// `SharedScopedLockTypes`.
  LockTypeNames LockTypes;
  /// Coroutine-aware mutexes that may be held across `co_await`.
  std::vector<std::string> AwaitSafeLockTypes;
  /// Globs on qualified names of the user's own blocking functions.
  std::vector<std::string> BlockingFunctions;
  /// Globs on functions that run callers' code (callback-under-lock).
  std::vector<std::string> CallbackFunctions;
  /// The documented lock order, outermost first (lock-order).
  std::vector<std::string> LockOrder;
  /// Where global-state looks for writes: "all" or "modules".
  std::string GlobalStateScope;
  /// Ignore locks: every non-safe member and every write is reported.
  bool Strict = false;

  static ModuleSettings
  read(const clang::tidy::ClangTidyCheck::OptionsView &Options);
  /// Writes every option of the table back, as configured (for
  /// `clang-tidy --dump-config`).
  static void store(const clang::tidy::ClangTidyCheck::OptionsView &Options,
                    clang::tidy::ClangTidyOptions::OptionMap &Map);
};

} // namespace modlint
