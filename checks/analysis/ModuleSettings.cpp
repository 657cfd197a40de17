#include "ModuleSettings.h"

namespace modlint {

namespace {
using OptionsView = clang::tidy::ClangTidyCheck::OptionsView;

std::vector<std::string> readNames(const OptionsView &Options, CheckOption Option) {
  return splitNameList(Options.getLocalOrGlobal(spec(Option).Key, spec(Option).Default));
}

bool readBoolean(const OptionsView &Options, CheckOption Option) {
  return Options.getLocalOrGlobal(spec(Option).Key, spec(Option).Default == "true");
}
} // namespace

ModuleSettings
ModuleSettings::read(const clang::tidy::ClangTidyCheck::OptionsView &Options) {
  ModuleSettings S;
  S.ModuleBases = readNames(Options, CheckOption::ModuleBases);
  S.SafeTypes = readNames(Options, CheckOption::SafeTypes);
  S.InitMethods = readNames(Options, CheckOption::InitMethods);
  S.LockTypes.Mutexes = readNames(Options, CheckOption::MutexTypes);
  S.LockTypes.ScopedLocks = readNames(Options, CheckOption::ScopedLockTypes);
  S.LockTypes.SharedScopedLocks = readNames(Options, CheckOption::SharedScopedLockTypes);
  S.AwaitSafeLockTypes = readNames(Options, CheckOption::AwaitSafeLockTypes);
  S.BlockingFunctions = readNames(Options, CheckOption::BlockingFunctions);
  S.CallbackFunctions = readNames(Options, CheckOption::CallbackFunctions);
  S.LockOrder = readNames(Options, CheckOption::LockOrder);
  S.GlobalStateScope = Options
                           .getLocalOrGlobal(spec(CheckOption::GlobalStateScope).Key,
                                             spec(CheckOption::GlobalStateScope).Default)
                           .str();
  S.Strict = readBoolean(Options, CheckOption::Strict);
  return S;
}

void ModuleSettings::store(const OptionsView &Options,
                           clang::tidy::ClangTidyOptions::OptionMap &Map) {
  for (const OptionSpec &Option : CheckOptionTable)
    Options.store(Map, Option.Key, Options.getLocalOrGlobal(Option.Key, Option.Default));
}

} // namespace modlint
