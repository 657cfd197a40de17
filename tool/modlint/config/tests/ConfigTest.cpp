// .modlint.yaml: parsing, errors with file and line, discovery, merging.
#include "config/Config.h"

#include "gtest/gtest.h"

namespace modlint {
namespace {

const std::string Tree = MODLINT_TREE_DIR;

std::string errorOf(const std::string &Yaml) {
  auto Parsed = parseConfig(Yaml, "/p/.modlint.yaml");
  EXPECT_FALSE(static_cast<bool>(Parsed));
  return Parsed ? std::string() : llvm::toString(Parsed.takeError());
}

TEST(Config, ParsesEveryKey) {
  auto C = parseConfig("ModuleBases: [app::Handler, app::Service]\n"
                       "SafeTypes: [folly::ConcurrentHashMap]\n"
                       "InitMethods: [init]\n"
                       "Strict: true\n"
                       "Checks: 'modlint-*,-modlint-mutable-member'\n"
                       "HeaderFilter: '.*/include/.*'\n"
                       "InheritParentConfig: true\n",
                       "x.yaml");
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->ModuleBases, (std::vector<std::string>{"app::Handler", "app::Service"}));
  EXPECT_EQ(C->SafeTypes->front(), "folly::ConcurrentHashMap");
  EXPECT_EQ(C->InitMethods->front(), "init");
  EXPECT_EQ(C->Strict, true);
  EXPECT_EQ(*C->Checks, "modlint-*,-modlint-mutable-member");
  EXPECT_EQ(*C->HeaderFilter, ".*/include/.*");
  EXPECT_EQ(C->InheritParentConfig, true);
}

TEST(Config, EmptyFileIsEmptyConfig) {
  auto C = parseConfig("# nothing yet\n", "x.yaml");
  ASSERT_TRUE(static_cast<bool>(C));
  EXPECT_FALSE(C->ModuleBases.has_value());
}

TEST(Config, UnknownKeyNamesFileAndLine) {
  EXPECT_EQ(errorOf("Strict: false\nModuleBase: [a::B]\n"),
            "/p/.modlint.yaml:2:1: unknown key 'ModuleBase'");
}

TEST(Config, WrongTypesNameFileAndLine) {
  EXPECT_EQ(errorOf("Strict: maybe\n").rfind("/p/.modlint.yaml:1:9: ", 0), 0u);
  EXPECT_EQ(errorOf("\nModuleBases: app::Handler\n").rfind("/p/.modlint.yaml:2:14: ", 0), 0u);
  EXPECT_EQ(errorOf("Checks: [a, b]\n").rfind("/p/.modlint.yaml:1:", 0), 0u);
}

TEST(Config, TextThatIsNotUtf8NamesFileLineAndColumn) {
  // Found by the config fuzzer: such a value could not be dumped back.
  EXPECT_EQ(errorOf("Strict: true\nChecks: \"modlint\xc6*\"\n"),
            "/p/.modlint.yaml:2:17: not valid UTF-8 text");
}

TEST(Config, SyntaxErrorNamesFileAndLine) {
  EXPECT_EQ(errorOf("Strict: true\nChecks: 'unclosed\n").rfind("/p/.modlint.yaml:2:", 0), 0u);
}

TEST(Config, NearestFileWinsWithoutInheritance) {
  ConfigResolver Resolver(std::nullopt, {});
  auto Other = Resolver.resolve(Tree + "/other/service.cpp");
  ASSERT_TRUE(static_cast<bool>(Other));
  EXPECT_EQ(Other->ModuleBases, std::vector<std::string>{"other::Service"});
  ASSERT_EQ(Other->Sources.size(), 1u);
  EXPECT_EQ(Other->Sources[0], Tree + "/other/.modlint.yaml");
}

TEST(Config, InheritParentConfigMergesOverTheParent) {
  ConfigResolver Resolver(std::nullopt, {});
  auto Legacy = Resolver.resolve(Tree + "/bad/legacy/locked.cpp");
  ASSERT_TRUE(static_cast<bool>(Legacy));
  EXPECT_EQ(Legacy->ModuleBases, std::vector<std::string>{"svc::Handler"});
  EXPECT_TRUE(Legacy->Strict);
  EXPECT_EQ(Legacy->Sources,
            (std::vector<std::string>{Tree + "/.modlint.yaml",
                                      Tree + "/bad/legacy/.modlint.yaml"}));
  auto Plain = Resolver.resolve(Tree + "/bad/stats.cpp");
  ASSERT_TRUE(static_cast<bool>(Plain));
  EXPECT_FALSE(Plain->Strict);
}

TEST(Config, FlagsOverrideFilesAndExplicitFileReplacesDiscovery) {
  ConfigLayer Flags;
  Flags.Strict = false;
  Flags.Checks = "modlint-nonatomic-update";
  ConfigResolver Resolver(Tree + "/other/.modlint.yaml", Flags);
  auto C = Resolver.resolve(Tree + "/bad/legacy/locked.cpp");
  ASSERT_TRUE(static_cast<bool>(C));
  EXPECT_EQ(C->ModuleBases, std::vector<std::string>{"other::Service"});
  EXPECT_FALSE(C->Strict);
  EXPECT_EQ(C->Checks, "modlint-nonatomic-update");
}

TEST(Config, DefaultsWithoutAnyFile) {
  ConfigResolver Resolver(std::nullopt, {});
  auto C = Resolver.resolve("/");
  ASSERT_TRUE(static_cast<bool>(C));
  EXPECT_EQ(C->ModuleBases, std::vector<std::string>{"modrt::Module"});
  EXPECT_EQ(C->Checks, "modlint-*");
  EXPECT_FALSE(C->Strict);
}

TEST(Config, DumpParsesBackToTheSameConfiguration) {
  ConfigResolver Resolver(std::nullopt, {});
  auto C = Resolver.resolve(Tree + "/bad/legacy/locked.cpp");
  ASSERT_TRUE(static_cast<bool>(C));
  auto Again = parseConfig(C->dump(), "dump.yaml");
  ASSERT_TRUE(static_cast<bool>(Again)) << llvm::toString(Again.takeError());
  EffectiveConfig Round = EffectiveConfig::from(*Again);
  EXPECT_EQ(Round.ModuleBases, C->ModuleBases);
  EXPECT_EQ(Round.Strict, C->Strict);
  EXPECT_EQ(Round.Checks, C->Checks);
}

TEST(Config, OptionsReachTheChecksAsGlobalKeys) {
  EffectiveConfig C;
  C.ModuleBases = {"a::B", "c::D"};
  C.Strict = true;
  auto Options = C.tidyOptions();
  EXPECT_EQ(Options.CheckOptions.lookup("ModuleBases").Value, "a::B;c::D");
  EXPECT_EQ(Options.CheckOptions.lookup("Strict").Value, "true");
  EXPECT_EQ(*Options.Checks, "-*,modlint-*");
}

} // namespace
} // namespace modlint
