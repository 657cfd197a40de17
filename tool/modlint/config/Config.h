// modlint's configuration: `.modlint.yaml` files (found by walking up from
// each source file, like .clang-tidy), `--config FILE`, and command-line
// flags, merged into one effective configuration per translation unit. The
// keys, their types and defaults are the option table's (config/Options.h).
#pragma once

#include "config/Options.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Error.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modlint {

/// One config file, or the flags: the options it sets, by key, each in
/// clang-tidy's spelling (canonicalValue).
struct ConfigLayer {
  std::map<std::string, std::string> Values;
  /// Check options given for one check (`modlint-mutable-member.Strict` in
  /// CheckOptions), which that check reads before the global key.
  std::map<std::string, std::string> Local;

  void set(const OptionSpec &Option, llvm::StringRef Value);
  void setLocal(llvm::StringRef Check, const OptionSpec &Option, llvm::StringRef Value);
  /// What the layer says of `Option`, if anything.
  std::optional<std::string> get(const OptionSpec &Option) const;
  /// `Over`'s keys replace this layer's; a global key of `Over` also
  /// replaces this layer's keys of that option for single checks, so the
  /// nearer file (or a flag) wins.
  void overrideWith(const ConfigLayer &Over);
};

/// The configuration a translation unit is linted with.
struct EffectiveConfig {
  /// Every option of the table but the file-only ones: the default, unless
  /// a layer set it.
  std::map<std::string, std::string> Values;
  /// Check options for single checks, by `check.Key`.
  std::map<std::string, std::string> Local;
  /// The files the layers came from, nearest last (for --dump-config).
  std::vector<std::string> Sources;

  EffectiveConfig();
  static EffectiveConfig from(const ConfigLayer &Layer);

  const std::string &value(const OptionSpec &Option) const;
  /// A name list's names.
  std::vector<std::string> names(const OptionSpec &Option) const;
  /// The clang-tidy options the checks read: the check selection, and the
  /// check options as global keys, so every check sees them through
  /// getLocalOrGlobal.
  clang::tidy::ClangTidyOptions tidyOptions() const;
  /// YAML in the config file's own format.
  std::string dump() const;
};

/// Parses a config file (config/ConfigSyntax.h has its dialect). Unknown
/// keys, wrong types and syntax errors are errors whose message starts
/// with `FILE:LINE:COL:`; an unknown key says which known one is closest.
llvm::Expected<ConfigLayer> parseConfig(llvm::StringRef Yaml,
                                        llvm::StringRef FileName);

/// Reads a config file: `.clang-tidy` (by its name) in clang-tidy's format,
/// anything else as `.modlint.yaml`. Errors name the file.
llvm::Expected<ConfigLayer> loadConfigFile(const std::string &File);

/// The configuration given on the command line: a file (`--config-file`),
/// or the YAML itself (`--config`, as clang-tidy takes it).
struct ExplicitConfig {
  std::string Source;
  bool Inline = false;
};

/// Finds and merges config files. Not thread-safe: resolve every unit's
/// configuration before linting in parallel.
class ConfigResolver {
public:
  /// `Explicit`: use this configuration for every unit instead of
  /// searching. `Flags`: applied over whatever the files say.
  ConfigResolver(std::optional<ExplicitConfig> Explicit, ConfigLayer Flags)
      : Explicit(std::move(Explicit)), Flags(std::move(Flags)) {}

  /// The configuration for a source file (absolute path) or directory.
  llvm::Expected<EffectiveConfig> resolve(llvm::StringRef Path);

private:
  /// The merged layer for `Directory` from its nearest config file upward.
  llvm::Expected<ConfigLayer> layerFor(llvm::StringRef Directory,
                                       std::vector<std::string> &Sources);
  llvm::Expected<ConfigLayer> load(const std::string &File);

  std::optional<ExplicitConfig> Explicit;
  ConfigLayer Flags;
  std::map<std::string, ConfigLayer> Loaded;
};

inline constexpr const char *ConfigFileName = ".modlint.yaml";
/// Read for its CheckOptions where a directory has no `.modlint.yaml`.
inline constexpr const char *ClangTidyFileName = ".clang-tidy";

/// The config file a directory holds: `.modlint.yaml`, else `.clang-tidy`.
std::optional<std::string> configFileIn(llvm::StringRef Directory);

/// The file says `InheritParentConfig: true`: the next one up applies too.
bool inheritsParent(const ConfigLayer &Layer);

} // namespace modlint
