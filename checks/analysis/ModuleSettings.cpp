#include "ModuleSettings.h"

#include "llvm/ADT/StringExtras.h"

namespace modlint {

std::vector<std::string> splitNameList(llvm::StringRef Value) {
  std::vector<std::string> Names;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::SplitString(Value, Parts, ";,");
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    Part.consume_front("::");
    if (!Part.empty())
      Names.push_back(Part.str());
  }
  return Names;
}

std::string joinNameList(const std::vector<std::string> &Names) {
  return llvm::join(Names, ";");
}

ModuleSettings
ModuleSettings::read(const clang::tidy::ClangTidyCheck::OptionsView &Options) {
  ModuleSettings S;
  S.ModuleBases =
      splitNameList(Options.getLocalOrGlobal("ModuleBases", DefaultModuleBases));
  S.SafeTypes = splitNameList(Options.getLocalOrGlobal("SafeTypes", ""));
  S.InitMethods = splitNameList(Options.getLocalOrGlobal("InitMethods", ""));
  S.Strict = Options.getLocalOrGlobal("Strict", false);
  const llvm::StringRef Bodies = Options.getLocalOrGlobal(BodyScopeKey, "");
  if (Bodies == SharedPrefixBodies)
    S.Bodies = BodyScope::SharedPrefix;
  else if (Bodies == AfterSharedPrefixBodies)
    S.Bodies = BodyScope::AfterSharedPrefix;
  return S;
}

void ModuleSettings::store(
    const clang::tidy::ClangTidyCheck::OptionsView &Options,
    clang::tidy::ClangTidyOptions::OptionMap &Map) const {
  Options.store(Map, "ModuleBases", joinNameList(ModuleBases));
  Options.store(Map, "SafeTypes", joinNameList(SafeTypes));
  Options.store(Map, "InitMethods", joinNameList(InitMethods));
  Options.store(Map, "Strict", Strict);
  // BodyScope is the command's internal setting for one parse, not
  // configuration: it is never written out.
}

} // namespace modlint
