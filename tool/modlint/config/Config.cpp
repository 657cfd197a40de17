#include "config/Config.h"

#include "core/InputLimits.h"
#include "core/YamlInput.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <map>

namespace modlint {

void ConfigLayer::set(const OptionSpec &Option, llvm::StringRef Value) {
  Values[Option.Key.str()] = canonicalValue(Option, Value);
}

void ConfigLayer::setLocal(llvm::StringRef Check, const OptionSpec &Option,
                           llvm::StringRef Value) {
  Local[(Check + "." + Option.Key).str()] = canonicalValue(Option, Value);
}

std::optional<std::string> ConfigLayer::get(const OptionSpec &Option) const {
  auto Found = Values.find(Option.Key.str());
  if (Found == Values.end())
    return std::nullopt;
  return Found->second;
}

void ConfigLayer::overrideWith(const ConfigLayer &Over) {
  for (const auto &[Key, Value] : Over.Values) {
    Values[Key] = Value;
    const std::string Suffix = "." + Key;
    for (auto It = Local.begin(); It != Local.end();)
      It = llvm::StringRef(It->first).ends_with(Suffix) ? Local.erase(It) : std::next(It);
  }
  for (const auto &[Key, Value] : Over.Local)
    Local[Key] = Value;
}

EffectiveConfig::EffectiveConfig() {
  for (const OptionSpec &Option : OptionTable)
    if (Option.Scope != OptionScope::File)
      Values[Option.Key.str()] = Option.Default.str();
}

EffectiveConfig EffectiveConfig::from(const ConfigLayer &Layer) {
  EffectiveConfig C;
  for (const OptionSpec &Option : OptionTable)
    if (Option.Scope != OptionScope::File)
      if (std::optional<std::string> Value = Layer.get(Option))
        C.Values[Option.Key.str()] = *Value;
  C.Local = Layer.Local;
  return C;
}

const std::string &EffectiveConfig::value(const OptionSpec &Option) const {
  return Values.at(Option.Key.str());
}

std::vector<std::string> EffectiveConfig::names(const OptionSpec &Option) const {
  return splitNameList(value(Option));
}

clang::tidy::ClangTidyOptions EffectiveConfig::tidyOptions() const {
  using clang::tidy::ClangTidyOptions;
  ClangTidyOptions Options = ClangTidyOptions::getDefaults();
  // `-*` first: compiler warnings are the compiler's business, not ours.
  Options.Checks = "-*," + value(spec(RunOption::Checks));
  // Every non-system header passes clang-tidy's own filter: file names may
  // be relative to a unit's directory, so modlint filters headers afterwards
  // on absolute paths.
  Options.HeaderFilterRegex = ".*";
  Options.SystemHeaders = false;
  for (const OptionSpec &Option : OptionTable)
    if (Option.Scope == OptionScope::Check)
      Options.CheckOptions.insert_or_assign(Option.Key,
                                            ClangTidyOptions::ClangTidyValue(value(Option)));
  for (const auto &[Key, Value] : Local)
    Options.CheckOptions.insert_or_assign(Key, ClangTidyOptions::ClangTidyValue(Value));
  return Options;
}

llvm::Expected<ConfigLayer> ConfigResolver::load(const std::string &File) {
  if (auto Found = Loaded.find(File); Found != Loaded.end())
    return Found->second;
  auto Layer = loadConfigFile(File);
  if (Layer)
    Loaded.emplace(File, *Layer);
  return Layer;
}

llvm::Expected<ConfigLayer>
ConfigResolver::layerFor(llvm::StringRef Directory,
                         std::vector<std::string> &Sources) {
  for (llvm::StringRef Dir = Directory; !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    std::optional<std::string> Candidate = configFileIn(Dir);
    if (!Candidate)
      continue;
    auto Layer = load(*Candidate);
    if (!Layer)
      return Layer.takeError();
    if (!inheritsParent(*Layer)) {
      Sources.push_back(*Candidate);
      return Layer;
    }
    auto Parent = layerFor(llvm::sys::path::parent_path(Dir), Sources);
    if (!Parent)
      return Parent.takeError();
    Sources.push_back(*Candidate);
    Parent->overrideWith(*Layer);
    return Parent;
  }
  return ConfigLayer();
}

std::optional<std::string> configFileIn(llvm::StringRef Directory) {
  for (const char *Name : {ConfigFileName, ClangTidyFileName}) {
    llvm::SmallString<256> Path(Directory);
    llvm::sys::path::append(Path, Name);
    // Not only regular files: a FIFO or a device there is refused when read,
    // never skipped in silence or read forever.
    if (llvm::sys::fs::exists(Path) && !llvm::sys::fs::is_directory(Path))
      return std::string(Path);
  }
  return std::nullopt;
}

bool inheritsParent(const ConfigLayer &Layer) {
  return Layer.get(spec(RunOption::InheritParentConfig)) == "true";
}

llvm::Expected<EffectiveConfig> ConfigResolver::resolve(llvm::StringRef Path) {
  std::vector<std::string> Sources;
  llvm::Expected<ConfigLayer> Layer = ConfigLayer();
  if (Explicit && Explicit->Inline) {
    Layer = parseConfig(Explicit->Source, "--config");
    Sources.push_back("--config");
  } else if (Explicit) {
    Layer = load(Explicit->Source);
    Sources.push_back(Explicit->Source);
  } else {
    llvm::StringRef Directory =
        llvm::sys::fs::is_directory(Path) ? Path : llvm::sys::path::parent_path(Path);
    Layer = layerFor(Directory, Sources);
  }
  if (!Layer)
    return Layer.takeError();
  Layer->overrideWith(Flags);
  EffectiveConfig Config = EffectiveConfig::from(*Layer);
  Config.Sources = std::move(Sources);
  return Config;
}

} // namespace modlint
