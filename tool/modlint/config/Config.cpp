#include "config/Config.h"

#include "core/YamlInput.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace modlint;

namespace llvm::yaml {
template <> struct MappingTraits<ConfigLayer> {
  static void mapping(IO &IO, ConfigLayer &C) {
    IO.mapOptional("ModuleBases", C.ModuleBases);
    IO.mapOptional("SafeTypes", C.SafeTypes);
    IO.mapOptional("InitMethods", C.InitMethods);
    IO.mapOptional("Strict", C.Strict);
    IO.mapOptional("Checks", C.Checks);
    IO.mapOptional("HeaderFilter", C.HeaderFilter);
    IO.mapOptional("InheritParentConfig", C.InheritParentConfig);
  }
};

/// The effective configuration, written in the config file's format.
template <> struct MappingTraits<EffectiveConfig> {
  static void mapping(IO &IO, EffectiveConfig &C) {
    IO.mapRequired("ModuleBases", C.ModuleBases);
    IO.mapRequired("SafeTypes", C.SafeTypes);
    IO.mapRequired("InitMethods", C.InitMethods);
    IO.mapRequired("Strict", C.Strict);
    IO.mapRequired("Checks", C.Checks);
    IO.mapRequired("HeaderFilter", C.HeaderFilter);
  }
};
} // namespace llvm::yaml

namespace modlint {

void ConfigLayer::overrideWith(const ConfigLayer &Over) {
  auto Take = [](auto &Mine, const auto &Theirs) {
    if (Theirs)
      Mine = Theirs;
  };
  Take(ModuleBases, Over.ModuleBases);
  Take(SafeTypes, Over.SafeTypes);
  Take(InitMethods, Over.InitMethods);
  Take(Strict, Over.Strict);
  Take(Checks, Over.Checks);
  Take(HeaderFilter, Over.HeaderFilter);
  Take(InheritParentConfig, Over.InheritParentConfig);
}

EffectiveConfig EffectiveConfig::from(const ConfigLayer &Layer) {
  EffectiveConfig C;
  if (Layer.ModuleBases)
    C.ModuleBases = *Layer.ModuleBases;
  if (Layer.SafeTypes)
    C.SafeTypes = *Layer.SafeTypes;
  if (Layer.InitMethods)
    C.InitMethods = *Layer.InitMethods;
  if (Layer.Strict)
    C.Strict = *Layer.Strict;
  if (Layer.Checks)
    C.Checks = *Layer.Checks;
  if (Layer.HeaderFilter)
    C.HeaderFilter = *Layer.HeaderFilter;
  return C;
}

clang::tidy::ClangTidyOptions EffectiveConfig::tidyOptions() const {
  using clang::tidy::ClangTidyOptions;
  ClangTidyOptions Options = ClangTidyOptions::getDefaults();
  // `-*` first: compiler warnings are the compiler's business, not ours.
  Options.Checks = "-*," + Checks;
  // Every non-system header passes clang-tidy's own filter: file names may
  // be relative to a unit's directory, so modlint filters headers afterwards
  // on absolute paths.
  Options.HeaderFilterRegex = ".*";
  Options.SystemHeaders = false;
  auto Set = [&](llvm::StringRef Name, std::string Value) {
    Options.CheckOptions.insert_or_assign(
        Name, ClangTidyOptions::ClangTidyValue(Value));
  };
  Set("ModuleBases", llvm::join(ModuleBases, ";"));
  Set("SafeTypes", llvm::join(SafeTypes, ";"));
  Set("InitMethods", llvm::join(InitMethods, ";"));
  Set("Strict", Strict ? "true" : "false");
  return Options;
}

std::string EffectiveConfig::dump() const {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  for (const std::string &Source : Sources)
    OS << "# from " << Source << "\n";
  llvm::yaml::Output Out(OS);
  EffectiveConfig Copy = *this;
  Out << Copy;
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
  auto Buffer = llvm::MemoryBuffer::getFile(File);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read config '" +
                                                          File + "': " +
                                                          Buffer.getError().message());
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
    if (!Layer->InheritParentConfig.value_or(false)) {
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
