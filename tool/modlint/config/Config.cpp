#include "config/Config.h"

#include "core/InputLimits.h"
#include "core/YamlInput.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace modlint;

namespace {
/// The effective configuration, in the config file's format.
struct ConfigDump {
  const EffectiveConfig &Config;
};

/// Reads (or, for a dump, writes) one option with its YAML type.
template <typename Read, typename Write>
void mapOption(llvm::yaml::IO &IO, const OptionSpec &Option, Read Get, Write Set) {
  const char *Key = Option.Key.data();
  auto Map = [&](auto Typed) {
    using T = decltype(Typed);
    if (IO.outputting()) {
      T Value = Get(T());
      IO.mapRequired(Key, Value);
      return;
    }
    std::optional<T> Value;
    IO.mapOptional(Key, Value);
    if (Value)
      Set(*Value);
  };
  switch (Option.Type) {
  case OptionType::NameList:
    return Map(std::vector<std::string>());
  case OptionType::Boolean:
    return Map(false);
  case OptionType::Text:
    return Map(std::string());
  }
}

/// Typed views of an option's value in clang-tidy's spelling.
std::vector<std::string> asTyped(const std::string &Value, std::vector<std::string>) {
  return splitNameList(Value);
}
bool asTyped(const std::string &Value, bool) { return Value == "true"; }
std::string asTyped(const std::string &Value, std::string) { return Value; }

std::string spelled(const std::vector<std::string> &Names) { return joinNameList(Names); }
std::string spelled(bool Value) { return Value ? "true" : "false"; }
std::string spelled(const std::string &Value) { return Value; }
} // namespace

namespace llvm::yaml {
template <> struct MappingTraits<ConfigLayer> {
  static void mapping(IO &IO, ConfigLayer &Layer) {
    for (const OptionSpec &Option : OptionTable)
      mapOption(
          IO, Option, [](auto Empty) { return Empty; },
          [&](const auto &Value) { Layer.set(Option, spelled(Value)); });
  }
};

template <> struct MappingTraits<ConfigDump> {
  static void mapping(IO &IO, ConfigDump &Dump) {
    for (const OptionSpec &Option : OptionTable)
      if (Option.Scope != OptionScope::File)
        mapOption(
            IO, Option,
            [&](auto Empty) { return asTyped(Dump.Config.value(Option), Empty); },
            [](const auto &) {});
  }
};
} // namespace llvm::yaml

namespace modlint {

void ConfigLayer::set(const OptionSpec &Option, llvm::StringRef Value) {
  Values[Option.Key.str()] = canonicalValue(Option, Value);
}

std::optional<std::string> ConfigLayer::get(const OptionSpec &Option) const {
  auto Found = Values.find(Option.Key.str());
  if (Found == Values.end())
    return std::nullopt;
  return Found->second;
}

void ConfigLayer::overrideWith(const ConfigLayer &Over) {
  for (const auto &[Key, Value] : Over.Values)
    Values[Key] = Value;
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
  return Options;
}

std::string EffectiveConfig::dump() const {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  for (const std::string &Source : Sources)
    OS << "# from " << Source << "\n";
  llvm::yaml::Output Out(OS);
  ConfigDump Dump{*this};
  Out << Dump;
  return Text;
}

llvm::Expected<ConfigLayer> parseConfig(llvm::StringRef Yaml,
                                        llvm::StringRef FileName) {
  ConfigLayer Layer;
  // An empty file is an empty configuration.
  if (Yaml.trim().empty())
    return Layer;
  if (llvm::Error Err = readYaml(Yaml, FileName, Layer))
    return std::move(Err);
  return Layer;
}

llvm::Expected<ConfigLayer> ConfigResolver::load(const std::string &File) {
  if (auto Found = Loaded.find(File); Found != Loaded.end())
    return Found->second;
  auto Buffer = readInputFile(File, MaxConfigBytes);
  if (!Buffer)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot read config '" + File +
                                       "': " + llvm::toString(Buffer.takeError()));
  auto Layer = parseConfig((*Buffer)->getBuffer(), File);
  if (Layer)
    Loaded.emplace(File, *Layer);
  return Layer;
}

llvm::Expected<ConfigLayer>
ConfigResolver::layerFor(llvm::StringRef Directory,
                         std::vector<std::string> &Sources) {
  for (llvm::StringRef Dir = Directory; !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, ConfigFileName);
    if (!llvm::sys::fs::exists(Candidate))
      continue;
    auto Layer = load(std::string(Candidate));
    if (!Layer)
      return Layer.takeError();
    if (Layer->get(spec(RunOption::InheritParentConfig)) != "true") {
      Sources.push_back(std::string(Candidate));
      return Layer;
    }
    auto Parent = layerFor(llvm::sys::path::parent_path(Dir), Sources);
    if (!Parent)
      return Parent.takeError();
    Sources.push_back(std::string(Candidate));
    Parent->overrideWith(*Layer);
    return Parent;
  }
  return ConfigLayer();
}

llvm::Expected<EffectiveConfig> ConfigResolver::resolve(llvm::StringRef Path) {
  std::vector<std::string> Sources;
  llvm::Expected<ConfigLayer> Layer = ConfigLayer();
  if (ExplicitFile) {
    Layer = load(*ExplicitFile);
    Sources.push_back(*ExplicitFile);
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
