#include "config/ConfigSyntax.h"

#include "core/InputLimits.h"
#include "core/YamlInput.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

namespace modlint {
namespace {
/// The effective configuration, in the config file's format.
struct ConfigDump {
  const EffectiveConfig &Config;
};

/// A YAML node where only a list or a string may stand.
struct NotAMapping {
  const char *Expected;
};

/// A name list as written: a YAML list, or one string ('a::B;c::D').
struct NameListInput {
  std::string Joined;
  std::vector<std::string> Names;
  NotAMapping Mapping{"a list of names, or one string of them separated by ';'"};
  std::string spelled() const { return Names.empty() ? Joined : joinNameList(Names); }
};

/// One entry of clang-tidy 14's CheckOptions list.
struct KeyValue {
  std::string Key;
  std::string Value;
};

/// CheckOptions as written: a mapping, or a list of {key, value}.
struct CheckOptionsInput {
  std::map<std::string, std::string> Mapping;
  std::vector<KeyValue> Listed;
  std::string Scalar;
};

/// A .modlint.yaml as read, before its clang-tidy spellings are applied.
struct ParsedConfig {
  ConfigLayer Layer;
  std::optional<std::string> HeaderFilterRegex;
  std::optional<CheckOptionsInput> CheckOptions;
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

/// Every key a `.modlint.yaml` may hold.
std::vector<llvm::StringRef> topLevelKeys() {
  std::vector<llvm::StringRef> Keys{"CheckOptions", "HeaderFilterRegex"};
  for (const OptionSpec &Option : OptionTable)
    Keys.push_back(Option.Key);
  return Keys;
}

llvm::Error configError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}
} // namespace
} // namespace modlint

using modlint::CheckOptionsInput;
using modlint::KeyValue;
using modlint::NameListInput;
using modlint::NotAMapping;
using modlint::ParsedConfig;

LLVM_YAML_IS_SEQUENCE_VECTOR(KeyValue)
LLVM_YAML_IS_STRING_MAP(std::string)

namespace llvm::yaml {
template <> struct MappingTraits<NotAMapping> {
  static void mapping(IO &IO, NotAMapping &Node) {
    IO.setError(Twine("expected ") + Node.Expected + ", not a mapping");
  }
};

template <> struct PolymorphicTraits<NameListInput> {
  static NodeKind getKind(const NameListInput &) { return NodeKind::Sequence; }
  static std::string &getAsScalar(NameListInput &V) { return V.Joined; }
  static NotAMapping &getAsMap(NameListInput &V) { return V.Mapping; }
  static std::vector<std::string> &getAsSequence(NameListInput &V) { return V.Names; }
};

template <> struct MappingTraits<KeyValue> {
  static void mapping(IO &IO, KeyValue &Entry) {
    IO.mapRequired("key", Entry.Key);
    IO.mapRequired("value", Entry.Value);
  }
};

template <> struct PolymorphicTraits<CheckOptionsInput> {
  static NodeKind getKind(const CheckOptionsInput &) { return NodeKind::Map; }
  static std::string &getAsScalar(CheckOptionsInput &V) { return V.Scalar; }
  static std::map<std::string, std::string> &getAsMap(CheckOptionsInput &V) { return V.Mapping; }
  static std::vector<KeyValue> &getAsSequence(CheckOptionsInput &V) { return V.Listed; }
};

template <> struct MappingTraits<modlint::ParsedConfig> {
  // Only reads: a value's meaning is judged once the whole file parsed
  // (parseConfig), because after a first error LLVM's reader hands the
  // remaining optional keys back as empty values, on no node to blame.
  static void mapping(IO &IO, modlint::ParsedConfig &Parsed) {
    using namespace modlint;
    for (const OptionSpec &Option : OptionTable) {
      if (Option.Type != OptionType::NameList) {
        mapOption(
            IO, Option, [](auto Empty) { return Empty; },
            [&](const auto &Value) { Parsed.Layer.set(Option, spelled(Value)); });
        continue;
      }
      std::optional<NameListInput> Names;
      IO.mapOptional(Option.Key.data(), Names);
      if (Names)
        Parsed.Layer.set(Option, Names->spelled());
    }
    IO.mapOptional("HeaderFilterRegex", Parsed.HeaderFilterRegex);
    IO.mapOptional("CheckOptions", Parsed.CheckOptions);
  }
};

template <> struct MappingTraits<modlint::ConfigDump> {
  static void mapping(IO &IO, modlint::ConfigDump &Dump) {
    using namespace modlint;
    for (const OptionSpec &Option : OptionTable)
      if (Option.Scope != OptionScope::File)
        mapOption(
            IO, Option,
            [&](auto Empty) { return asTyped(Dump.Config.value(Option), Empty); },
            [](const auto &) {});
    std::map<std::string, std::string> Local = Dump.Config.Local;
    if (!Local.empty())
      IO.mapRequired("CheckOptions", Local);
  }
};
} // namespace llvm::yaml

namespace modlint {

std::string closestKey(llvm::StringRef Key, llvm::ArrayRef<llvm::StringRef> Known) {
  std::string Best;
  unsigned BestDistance = std::max<unsigned>(2, Key.size() / 3) + 1;
  for (llvm::StringRef Candidate : Known) {
    const unsigned Distance =
        Key.edit_distance(Candidate, /*AllowReplacements=*/true, BestDistance);
    if (Distance < BestDistance) {
      BestDistance = Distance;
      Best = Candidate.str();
    }
  }
  return Best;
}

llvm::Error applyCheckOption(ConfigLayer &Layer, llvm::StringRef Key, llvm::StringRef Value) {
  auto [Check, Name] = Key.contains('.') ? Key.rsplit('.') : std::pair{llvm::StringRef(), Key};
  if (!Check.empty() && !Check.starts_with("modlint-"))
    return llvm::Error::success(); // another tool's check
  const OptionSpec *Option = findCheckOption(Name);
  if (!Option) {
    if (Check.empty())
      return llvm::Error::success(); // a global key of another tool
    std::vector<llvm::StringRef> Names;
    for (const OptionSpec &Known : CheckOptionTable)
      Names.push_back(Known.Key);
    const std::string Meant = closestKey(Name, Names);
    return configError("unknown option '" + Key + "' of " + Check +
                       (Meant.empty() ? "" : "; did you mean '" + Check + "." + Meant + "'?"));
  }
  std::string Canonical = Value.str();
  if (const std::string Problem = choiceProblem(*Option, Value); !Problem.empty())
    return configError("option '" + Key + "': " + Problem);
  if (Option->Type == OptionType::Boolean) {
    std::optional<bool> Parsed = llvm::yaml::parseBool(Value);
    if (!Parsed)
      return configError("option '" + Key + "' is true or false, not '" + Value + "'");
    Canonical = *Parsed ? "true" : "false";
  }
  if (Check.empty())
    Layer.set(*Option, Canonical);
  else
    Layer.setLocal(Check, *Option, Canonical);
  return llvm::Error::success();
}

namespace {
/// What the file's values mean: the clang-tidy spellings applied, each
/// Text option's word checked. Errors name the file.
llvm::Expected<ConfigLayer> applied(ParsedConfig Parsed, llvm::StringRef FileName) {
  ConfigLayer &Layer = Parsed.Layer;
  const OptionSpec &HeaderFilter = spec(RunOption::HeaderFilter);
  if (Parsed.HeaderFilterRegex && Layer.get(HeaderFilter))
    return configError(FileName + ": give HeaderFilter or HeaderFilterRegex (its name in "
                                  ".clang-tidy), not both");
  if (Parsed.HeaderFilterRegex)
    Layer.set(HeaderFilter, *Parsed.HeaderFilterRegex);
  for (const OptionSpec &Option : OptionTable)
    if (std::optional<std::string> Value = Layer.get(Option))
      if (const std::string Problem = choiceProblem(Option, *Value); !Problem.empty())
        return configError(FileName + ": " + Problem);
  if (!Parsed.CheckOptions)
    return std::move(Layer);
  CheckOptionsInput &Checks = *Parsed.CheckOptions;
  if (!Checks.Scalar.empty())
    return configError(FileName + ": CheckOptions is a mapping, or a list of {key, value}");
  for (const KeyValue &Entry : Checks.Listed)
    Checks.Mapping.insert({Entry.Key, Entry.Value});
  for (const auto &[Key, Value] : Checks.Mapping)
    if (llvm::Error Err = applyCheckOption(Layer, Key, Value))
      return configError(FileName + ": " + llvm::toString(std::move(Err)));
  return std::move(Layer);
}
} // namespace

llvm::Expected<ConfigLayer> parseConfig(llvm::StringRef Yaml, llvm::StringRef FileName) {
  // An empty file is an empty configuration.
  if (Yaml.trim().empty())
    return ConfigLayer();
  const std::vector<llvm::StringRef> Known = topLevelKeys();
  ParsedConfig Parsed;
  if (llvm::Error Err = readYaml(Yaml, FileName, Parsed, [&](llvm::StringRef Key) {
        return closestKey(Key, Known);
      }))
    return std::move(Err);
  return applied(std::move(Parsed), FileName);
}

llvm::Expected<ConfigLayer> parseClangTidyConfig(llvm::StringRef Yaml, llvm::StringRef FileName) {
  ConfigLayer Layer;
  size_t Bad = 0;
  if (!llvm::json::isUTF8(Yaml, &Bad))
    return configError(FileName + ": not valid UTF-8 text");
  if (llvm::Error Err = checkYamlNesting(Yaml))
    return configError(FileName + ":" + llvm::toString(std::move(Err)));
  std::string First;
  auto Options = clang::tidy::parseConfigurationWithDiags(
      llvm::MemoryBufferRef(Yaml, FileName), [&](const llvm::SMDiagnostic &D) {
        if (First.empty())
          First = (FileName + ":" + llvm::Twine(D.getLineNo()) + ":" +
                   llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                      .str();
      });
  if (!Options)
    return configError(First.empty() ? (FileName + ": " + Options.getError().message()).str()
                                     : First);
  if (Options->InheritParentConfig.value_or(false))
    Layer.set(spec(RunOption::InheritParentConfig), "true");
  if (Options->HeaderFilterRegex)
    Layer.set(spec(RunOption::HeaderFilter), *Options->HeaderFilterRegex);
  for (const auto &[Key, Value] : Options->CheckOptions)
    if (llvm::Error Err = applyCheckOption(Layer, Key, Value.Value))
      return configError(FileName + ": " + llvm::toString(std::move(Err)));
  return Layer;
}

llvm::Expected<ConfigLayer> loadConfigFile(const std::string &File) {
  auto Buffer = readInputFile(File, MaxConfigBytes);
  if (!Buffer)
    return configError("cannot read config '" + File + "': " + llvm::toString(Buffer.takeError()));
  if (llvm::sys::path::filename(File) == ClangTidyFileName)
    return parseClangTidyConfig((*Buffer)->getBuffer(), File);
  return parseConfig((*Buffer)->getBuffer(), File);
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

} // namespace modlint
