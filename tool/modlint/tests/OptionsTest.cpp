// Every surface an option has agrees with the option table: the command's
// flags and --dump-config, and the plugin's CheckOptions in clang-tidy.
// (The config file reader, the docs and the checks' reading are tested
// against the same table in config_tests, docgen_tests and testdata/.)
#include "config/Options.h"
#include "Subprocess.h"

#include "gtest/gtest.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/YAMLParser.h"

#include <map>

namespace modlint::testing {
namespace {

TEST(Options, EveryFlagIsInTheHelpWithItsHelpLine) {
  RunOutput Help = run(MODLINT_BINARY, {"--help"});
  ASSERT_EQ(Help.ExitCode, 0) << Help.Stderr;
  for (const OptionSpec &Option : OptionTable) {
    if (Option.Flag.empty())
      continue;
    const size_t At = Help.Stdout.find("  " + Option.Flag.str());
    ASSERT_NE(At, std::string::npos) << Option.Flag.str();
    const char After = Help.Stdout[At + 2 + Option.Flag.size()];
    EXPECT_TRUE(After == ' ' || After == ',') << Option.Flag.str();
    EXPECT_NE(Help.Stdout.find(Option.Help.str()), std::string::npos) << Option.Key.str();
  }
  EXPECT_NE(Help.Stdout.find("--no-strict"), std::string::npos);
}

TEST(Options, DumpConfigPrintsEveryOptionButTheFileOnlyOnes) {
  RunOutput Dump = run(MODLINT_BINARY, {"--dump-config"});
  ASSERT_EQ(Dump.ExitCode, 0) << Dump.Stderr;
  for (const OptionSpec &Option : OptionTable) {
    const bool Printed = Dump.Stdout.find("\n" + Option.Key.str() + ":") != std::string::npos;
    EXPECT_EQ(Printed, Option.Scope != OptionScope::File) << Option.Key.str();
  }
}

/// clang-tidy's --dump-config with the plugin: the check options, as
/// `check.Key` -> value.
std::map<std::string, std::string> pluginCheckOptions() {
  RunOutput Dump = run(MODLINT_CLANG_TIDY, {"--load=" MODLINT_PLUGIN, "--checks=-*,modlint-*",
                                            "--dump-config"});
  EXPECT_EQ(Dump.ExitCode, 0) << Dump.Stderr;
  std::map<std::string, std::string> Options;
  llvm::SourceMgr Sources;
  llvm::yaml::Stream Stream(Dump.Stdout, Sources);
  auto *Root = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(Stream.begin()->getRoot());
  if (!Root)
    return Options;
  llvm::SmallString<64> Key, Value;
  for (llvm::yaml::KeyValueNode &Entry : *Root) {
    auto *Name = llvm::dyn_cast<llvm::yaml::ScalarNode>(Entry.getKey());
    auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(Entry.getValue());
    if (!Name || Name->getValue(Key) != "CheckOptions" || !Map)
      continue;
    for (llvm::yaml::KeyValueNode &Option : *Map) {
      auto *K = llvm::dyn_cast<llvm::yaml::ScalarNode>(Option.getKey());
      auto *V = llvm::dyn_cast<llvm::yaml::ScalarNode>(Option.getValue());
      if (K && V)
        Options[K->getValue(Key).str()] = V->getValue(Value).str();
    }
  }
  return Options;
}

TEST(Options, ThePluginStoresEveryCheckOptionWithTheTablesDefault) {
  const std::map<std::string, std::string> Options = pluginCheckOptions();
  RunOutput Checks = run(MODLINT_BINARY, {"--list-checks"});
  size_t Seen = 0;
  for (llvm::StringRef Check : llvm::split(llvm::StringRef(Checks.Stdout).trim(), '\n')) {
    for (const OptionSpec &Option : CheckOptionTable) {
      auto Found = Options.find(Check.str() + "." + Option.Key.str());
      ASSERT_NE(Found, Options.end()) << Check.str() << "." << Option.Key.str();
      EXPECT_EQ(Found->second, Option.Default) << Found->first;
      ++Seen;
    }
  }
  EXPECT_GT(Seen, 0u);
  // Nothing but the table's options, for modlint's checks.
  for (const auto &[Key, Value] : Options)
    if (llvm::StringRef(Key).starts_with("modlint-"))
      EXPECT_TRUE(findOption(llvm::StringRef(Key).split('.').second)) << Key;
}

} // namespace
} // namespace modlint::testing
