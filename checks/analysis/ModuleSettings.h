// The options every modlint check shares. They are read with
// getLocalOrGlobal, so one `ModuleBases` key in .clang-tidy (or in
// .modlint.yaml) configures all four checks at once.
#pragma once

#include "clang-tidy/ClangTidyCheck.h"
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
  /// Ignore locks: every non-safe member and every write is reported.
  bool Strict = false;

  static constexpr const char *DefaultModuleBases = "modrt::Module";

  static ModuleSettings
  read(const clang::tidy::ClangTidyCheck::OptionsView &Options);
  void store(const clang::tidy::ClangTidyCheck::OptionsView &Options,
             clang::tidy::ClangTidyOptions::OptionMap &Map) const;
};

/// Splits a `;`- or `,`-separated option value, trimming blanks and a leading
/// `::` so that "::app::Base" and "app::Base" name the same class.
std::vector<std::string> splitNameList(llvm::StringRef Value);
std::string joinNameList(const std::vector<std::string> &Names);

} // namespace modlint
