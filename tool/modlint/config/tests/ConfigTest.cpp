// .modlint.yaml: parsing, errors with file and line, discovery, merging.
#include "config/Config.h"
#include "config/ConfigSyntax.h"

#include "gtest/gtest.h"

namespace modlint {
namespace {

const std::string Tree = MODLINT_TREE_DIR;
const OptionSpec &ModuleBases = spec(CheckOption::ModuleBases);
const OptionSpec &SafeTypes = spec(CheckOption::SafeTypes);
const OptionSpec &InitMethods = spec(CheckOption::InitMethods);
const OptionSpec &Strict = spec(CheckOption::Strict);
const OptionSpec &Checks = spec(RunOption::Checks);
const OptionSpec &HeaderFilter = spec(RunOption::HeaderFilter);

std::string errorOf(const std::string &Yaml) {
  auto Parsed = parseConfig(Yaml, "/p/.modlint.yaml");
  EXPECT_FALSE(static_cast<bool>(Parsed));
  return Parsed ? std::string() : llvm::toString(Parsed.takeError());
}

TEST(Config, ParsesEveryKey) {
  auto C = parseConfig("ModuleBases: [app::Handler, app::Service]\n"
                       "SafeTypes: [folly::ConcurrentHashMap]\n"
                       "InitMethods: [init]\n"
                       "MutexTypes: [app::SpinLock]\n"
                       "ScopedLockTypes: [app::Hold]\n"
                       "SharedScopedLockTypes: [app::ReadHold, app::Peek]\n"
                       "AwaitSafeLockTypes: [app::AsyncMutex]\n"
                       "BlockingFunctions: ['app::Db::query*']\n"
                       "CallbackFunctions: ['app::Bus::publish*']\n"
                       "LockOrder: [app::Ledger::accountsMu_, app::Ledger::journalMu_]\n"
                       "GlobalStateScope: modules\n"
                       "Strict: true\n"
                       "Checks: 'modlint-*,-modlint-mutable-member'\n"
                       "HeaderFilter: '.*/include/.*'\n"
                       "InheritParentConfig: true\n",
                       "x.yaml");
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->get(ModuleBases), "app::Handler;app::Service");
  EXPECT_EQ(C->get(SafeTypes), "folly::ConcurrentHashMap");
  EXPECT_EQ(C->get(InitMethods), "init");
  EXPECT_EQ(C->get(spec(CheckOption::MutexTypes)), "app::SpinLock");
  EXPECT_EQ(C->get(spec(CheckOption::ScopedLockTypes)), "app::Hold");
  EXPECT_EQ(C->get(spec(CheckOption::SharedScopedLockTypes)), "app::ReadHold;app::Peek");
  EXPECT_EQ(C->get(spec(CheckOption::AwaitSafeLockTypes)), "app::AsyncMutex");
  EXPECT_EQ(C->get(spec(CheckOption::BlockingFunctions)), "app::Db::query*");
  EXPECT_EQ(C->get(spec(CheckOption::CallbackFunctions)), "app::Bus::publish*");
  EXPECT_EQ(C->get(spec(CheckOption::LockOrder)),
            "app::Ledger::accountsMu_;app::Ledger::journalMu_");
  EXPECT_EQ(C->get(spec(CheckOption::GlobalStateScope)), "modules");
  EXPECT_EQ(C->get(Strict), "true");
  EXPECT_EQ(C->get(Checks), "modlint-*,-modlint-mutable-member");
  EXPECT_EQ(C->get(HeaderFilter), ".*/include/.*");
  EXPECT_EQ(C->get(spec(RunOption::InheritParentConfig)), "true");
  // Every option of the table was read: one key each.
  EXPECT_EQ(C->Values.size(), std::size(OptionTable));
}

TEST(Config, ListsHaveOneSpellingHoweverWritten) {
  auto C = parseConfig("ModuleBases: [' ::app::Handler ', 'app::Service,x::Y']\n", "x.yaml");
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->get(ModuleBases), "app::Handler;app::Service;x::Y");
}

TEST(Config, EmptyFileIsEmptyConfig) {
  auto C = parseConfig("# nothing yet\n", "x.yaml");
  ASSERT_TRUE(static_cast<bool>(C));
  EXPECT_TRUE(C->Values.empty());
}

TEST(Config, UnknownKeyNamesFileLineAndTheKeyMeant) {
  EXPECT_EQ(errorOf("Strict: false\nModuleBase: [a::B]\n"),
            "/p/.modlint.yaml:2:1: unknown key 'ModuleBase'; did you mean 'ModuleBases'?");
  EXPECT_EQ(errorOf("HeaderFilterRegx: x\n"),
            "/p/.modlint.yaml:1:1: unknown key 'HeaderFilterRegx'; did you mean 'HeaderFilterRegex'?");
  // Nothing close: no guess.
  EXPECT_EQ(errorOf("Colour: blue\n"), "/p/.modlint.yaml:1:1: unknown key 'Colour'");
}

TEST(Config, ClangTidysSpellingsAreAccepted) {
  // A name list as one string, as in .clang-tidy; HeaderFilterRegex.
  auto C = parseConfig("ModuleBases: 'app::Handler;app::Service'\n"
                       "HeaderFilterRegex: '.*/include/.*'\n",
                       "x.yaml");
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->get(ModuleBases), "app::Handler;app::Service");
  EXPECT_EQ(C->get(HeaderFilter), ".*/include/.*");
  // CheckOptions as a mapping and as clang-tidy 14's list; global keys and
  // one check's keys; other tools' options are left to them.
  for (const char *Block : {"CheckOptions:\n  SafeTypes: 'a::Pool'\n"
                            "  modlint-mutable-member.Strict: 'true'\n"
                            "  readability-identifier-naming.ClassCase: CamelCase\n",
                            "CheckOptions:\n  - key: SafeTypes\n    value: 'a::Pool'\n"
                            "  - key: modlint-mutable-member.Strict\n    value: 'true'\n"
                            "  - key: readability-identifier-naming.ClassCase\n"
                            "    value: CamelCase\n"}) {
    auto Checks = parseConfig(Block, "x.yaml");
    ASSERT_TRUE(static_cast<bool>(Checks)) << llvm::toString(Checks.takeError());
    EXPECT_EQ(Checks->get(SafeTypes), "a::Pool");
    EXPECT_EQ(Checks->Local, (std::map<std::string, std::string>{
                                 {"modlint-mutable-member.Strict", "true"}}));
  }
  EXPECT_NE(errorOf("CheckOptions:\n  modlint-mutable-member.ModuleBase: x\n")
                .find("unknown option 'modlint-mutable-member.ModuleBase' of "
                      "modlint-mutable-member; did you mean "
                      "'modlint-mutable-member.ModuleBases'?"),
            std::string::npos);
  EXPECT_NE(errorOf("CheckOptions:\n  Strict: sometimes\n")
                .find("option 'Strict' is true or false, not 'sometimes'"),
            std::string::npos);
  EXPECT_NE(errorOf("HeaderFilter: a\nHeaderFilterRegex: b\n").find("not both"),
            std::string::npos);
  // A word an option does not take is refused here, not warned about later.
  EXPECT_NE(errorOf("GlobalStateScope: everything\n")
                .find("GlobalStateScope is one of all, modules, not 'everything'"),
            std::string::npos);
  EXPECT_NE(errorOf("CheckOptions:\n  GlobalStateScope: none\n")
                .find("GlobalStateScope is one of all, modules, not 'none'"),
            std::string::npos);
}

TEST(Config, OneChecksKeysReachOnlyThatCheckAndNearerGlobalsWin) {
  auto Parent = parseConfig("CheckOptions:\n  modlint-mutable-member.Strict: 'true'\n", "p.yaml");
  ASSERT_TRUE(static_cast<bool>(Parent));
  EffectiveConfig Inherited = EffectiveConfig::from(*Parent);
  EXPECT_EQ(Inherited.tidyOptions().CheckOptions.lookup("modlint-mutable-member.Strict").Value,
            "true");
  EXPECT_EQ(Inherited.value(Strict), "false");
  ConfigLayer Flags;
  Flags.set(Strict, "false"); // --no-strict overrides every file
  Parent->overrideWith(Flags);
  EXPECT_TRUE(Parent->Local.empty());
}

TEST(Config, ClangTidyFileGivesItsCheckOptions) {
  auto C = parseClangTidyConfig("Checks: '-*,bugprone-*'\nInheritParentConfig: true\n"
                                "HeaderFilterRegex: 'src/.*'\n"
                                "CheckOptions:\n  - key: ModuleBases\n"
                                "    value: 'app::Handler;app::Service'\n",
                                "/p/.clang-tidy");
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->get(ModuleBases), "app::Handler;app::Service");
  EXPECT_EQ(C->get(HeaderFilter), "src/.*");
  EXPECT_TRUE(inheritsParent(*C));
  // Its Checks select clang-tidy's checks, not modlint's.
  EXPECT_FALSE(C->get(Checks).has_value());
  auto Bad = parseClangTidyConfig("CheckOptions: [\n", "/p/.clang-tidy");
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_EQ(llvm::toString(Bad.takeError()).rfind("/p/.clang-tidy:", 0), 0u);
}

TEST(Config, WrongTypesNameFileAndLine) {
  EXPECT_EQ(errorOf("Strict: maybe\n").rfind("/p/.modlint.yaml:1:9: ", 0), 0u);
  EXPECT_EQ(errorOf("\nModuleBases: {a: b}\n").rfind("/p/.modlint.yaml:2:", 0), 0u);
  EXPECT_NE(errorOf("\nModuleBases: {a: b}\n").find(": expected a list of names"), std::string::npos);
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
  EXPECT_EQ(Other->names(ModuleBases), std::vector<std::string>{"other::Service"});
  ASSERT_EQ(Other->Sources.size(), 1u);
  EXPECT_EQ(Other->Sources[0], Tree + "/other/.modlint.yaml");
}

TEST(Config, InheritParentConfigMergesOverTheParent) {
  ConfigResolver Resolver(std::nullopt, {});
  auto Legacy = Resolver.resolve(Tree + "/bad/legacy/locked.cpp");
  ASSERT_TRUE(static_cast<bool>(Legacy));
  EXPECT_EQ(Legacy->names(ModuleBases), std::vector<std::string>{"svc::Handler"});
  EXPECT_EQ(Legacy->value(Strict), "true");
  EXPECT_EQ(Legacy->Sources,
            (std::vector<std::string>{Tree + "/.modlint.yaml",
                                      Tree + "/bad/legacy/.modlint.yaml"}));
  auto Plain = Resolver.resolve(Tree + "/bad/stats.cpp");
  ASSERT_TRUE(static_cast<bool>(Plain));
  EXPECT_EQ(Plain->value(Strict), "false");
}

TEST(Config, FlagsOverrideFilesAndExplicitFileReplacesDiscovery) {
  ConfigLayer Flags;
  Flags.set(Strict, "false");
  Flags.set(Checks, "modlint-nonatomic-update");
  ConfigResolver Resolver(ExplicitConfig{Tree + "/other/.modlint.yaml"}, Flags);
  auto C = Resolver.resolve(Tree + "/bad/legacy/locked.cpp");
  ASSERT_TRUE(static_cast<bool>(C));
  EXPECT_EQ(C->names(ModuleBases), std::vector<std::string>{"other::Service"});
  EXPECT_EQ(C->value(Strict), "false");
  EXPECT_EQ(C->value(Checks), "modlint-nonatomic-update");
}

TEST(Config, DefaultsWithoutAnyFile) {
  ConfigResolver Resolver(std::nullopt, {});
  auto C = Resolver.resolve("/");
  ASSERT_TRUE(static_cast<bool>(C));
  // Every option the table has, at the table's default.
  for (const OptionSpec &Option : OptionTable)
    if (Option.Scope != OptionScope::File)
      EXPECT_EQ(C->value(Option), Option.Default) << Option.Key.str();
  EXPECT_EQ(C->names(ModuleBases), std::vector<std::string>{"modrt::Module"});
  EXPECT_EQ(C->value(Checks), "modlint-*");
}

TEST(Config, DumpParsesBackToTheSameConfiguration) {
  ConfigResolver Resolver(std::nullopt, {});
  auto C = Resolver.resolve(Tree + "/bad/legacy/locked.cpp");
  ASSERT_TRUE(static_cast<bool>(C));
  auto Again = parseConfig(C->dump(), "dump.yaml");
  ASSERT_TRUE(static_cast<bool>(Again)) << llvm::toString(Again.takeError());
  EffectiveConfig Round = EffectiveConfig::from(*Again);
  EXPECT_EQ(Round.Values, C->Values);
  EXPECT_NE(C->value(Strict), Strict.Default) << "the case should differ from the defaults";
}

TEST(Config, OptionsReachTheChecksAsGlobalKeys) {
  ConfigLayer Layer;
  Layer.set(ModuleBases, "a::B;::c::D");
  Layer.set(Strict, "true");
  auto Options = EffectiveConfig::from(Layer).tidyOptions();
  EXPECT_EQ(Options.CheckOptions.lookup("ModuleBases").Value, "a::B;c::D");
  EXPECT_EQ(Options.CheckOptions.lookup("Strict").Value, "true");
  EXPECT_EQ(*Options.Checks, "-*,modlint-*");
  // Exactly the checks' options, every one of them: nothing of the command's.
  EXPECT_EQ(Options.CheckOptions.size(), std::size(CheckOptionTable));
  for (const OptionSpec &Option : CheckOptionTable)
    EXPECT_EQ(Options.CheckOptions.count(Option.Key), 1u) << Option.Key.str();
}

} // namespace
} // namespace modlint
