// modlint's configuration: `.modlint.yaml` files (found by walking up from
// each source file, like .clang-tidy), `--config FILE`, and command-line
// flags, merged into one effective configuration per translation unit.
#pragma once

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Error.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modlint {

/// One config file, or the flags: every key optional. Keys are the checks'
/// option names.
struct ConfigLayer {
  std::optional<std::vector<std::string>> ModuleBases;
  std::optional<std::vector<std::string>> SafeTypes;
  std::optional<std::vector<std::string>> InitMethods;
  std::optional<bool> Strict;
  std::optional<std::string> Checks;
  std::optional<std::string> HeaderFilter;
  /// Merge this file over the nearest config file above it.
  std::optional<bool> InheritParentConfig;

  /// `Over`'s keys replace this layer's.
  void overrideWith(const ConfigLayer &Over);
};

/// The configuration a translation unit is linted with.
struct EffectiveConfig {
  std::vector<std::string> ModuleBases{"modrt::Module"};
  std::vector<std::string> SafeTypes;
  std::vector<std::string> InitMethods;
  bool Strict = false;
  std::string Checks = "modlint-*";
  /// Regex on absolute paths of headers whose findings are reported; empty
  /// means "under the project root".
  std::string HeaderFilter;
  /// The files the layers came from, nearest last (for --dump-config).
  std::vector<std::string> Sources;

  static EffectiveConfig from(const ConfigLayer &Layer);
  /// The clang-tidy options the checks read (global keys, so every check
  /// sees them through getLocalOrGlobal).
  clang::tidy::ClangTidyOptions tidyOptions() const;
  /// YAML in the config file's own format.
  std::string dump() const;
};

/// Parses a config file. Unknown keys, wrong types and syntax errors are
/// errors whose message starts with `FILE:LINE:COL:`.
llvm::Expected<ConfigLayer> parseConfig(llvm::StringRef Yaml,
                                        llvm::StringRef FileName);

/// Finds and merges config files. Not thread-safe: resolve every unit's
/// configuration before linting in parallel.
class ConfigResolver {
public:
  /// `ExplicitFile`: use this file for every unit instead of searching.
  /// `Flags`: applied over whatever the files say.
  ConfigResolver(std::optional<std::string> ExplicitFile, ConfigLayer Flags)
      : ExplicitFile(std::move(ExplicitFile)), Flags(std::move(Flags)) {}

  /// The configuration for a source file (absolute path) or directory.
  llvm::Expected<EffectiveConfig> resolve(llvm::StringRef Path);

private:
  /// The merged layer for `Directory` from its nearest config file upward.
  llvm::Expected<ConfigLayer> layerFor(llvm::StringRef Directory,
                                       std::vector<std::string> &Sources);
  llvm::Expected<ConfigLayer> load(const std::string &File);

  std::optional<std::string> ExplicitFile;
  ConfigLayer Flags;
  std::map<std::string, ConfigLayer> Loaded;
};

inline constexpr const char *ConfigFileName = ".modlint.yaml";

} // namespace modlint
