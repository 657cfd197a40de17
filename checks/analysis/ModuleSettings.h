// The options every modlint check shares, declared in
// options/CheckOptions.def. They are read with getLocalOrGlobal, so one
// `ModuleBases` key in .clang-tidy (or in .modlint.yaml) configures every
// check at once.
#pragma once

#include "clang-tidy/ClangTidyCheck.h"
#include "options/CheckOptions.h"
#include <string>
#include <vector>

namespace modlint {

/// Which method bodies one parse analyses. Only the modlint command sets it,
/// for its shared precompiled prefixes: a prefix's bodies are analysed once
/// and their findings given to every unit parsed on it. Config files cannot
/// name it, and the plugin always analyses every body.
enum class BodyScope {
  Every,
  /// Parsing a link of a shared prefix: only the bodies it parses itself (not
  /// those of the links it is built on) whose findings are the same in every
  /// unit that includes the prefix (see ModuleCheck::isSelfContained); a
  /// check whose findings need the whole unit reports nothing.
  SharedPrefix,
  /// Parsing a unit on a shared prefix: every body but those the prefix's
  /// own parse analysed.
  AfterSharedPrefix,
};

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
  BodyScope Bodies = BodyScope::Every;

  /// The global check option that carries `Bodies`, and its values.
  static constexpr const char *BodyScopeKey = "ModlintBodyScope";
  static constexpr const char *SharedPrefixBodies = "shared-prefix";
  static constexpr const char *AfterSharedPrefixBodies = "after-shared-prefix";

  static ModuleSettings
  read(const clang::tidy::ClangTidyCheck::OptionsView &Options);
  /// Writes every option of the table back, as configured (for
  /// `clang-tidy --dump-config`).
  static void store(const clang::tidy::ClangTidyCheck::OptionsView &Options,
                    clang::tidy::ClangTidyOptions::OptionMap &Map);
};

} // namespace modlint
