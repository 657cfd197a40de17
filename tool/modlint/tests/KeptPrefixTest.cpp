// Units linted one per run (build steps) share their library headers
// through prefixes kept in the cache (cache/PrefixStore.h): the first run
// precompiles them, later runs parse on top of them, and every run reports
// exactly what a plain parse does, including the findings in a library
// header's bodies, which only the run that precompiled them worked out. A
// header touched but unchanged keeps the prefix; a changed one rebuilds it.
#include "Subprocess.h"

#include "gtest/gtest.h"
#include "llvm/ADT/STLExtras.h"

#include <filesystem>
#include <fstream>

namespace modlint::testing {
namespace {

namespace fs = std::filesystem;

/// A library header of the project, included in angle brackets, with a
/// finding in an inline body; units that start with it and <string>.
const char *const BaseHeader = R"(#pragma once
#include <map>
#include <mutex>
#include <string>

namespace lib {
class Module {};
class Tally : public Module {
  int hits_ = 0;
public:
  void hit() { ++hits_; }
};
} // namespace lib
)";

std::string unitText(const std::string &Name) {
  return "#include <lib/base.hpp>\n#include <string>\n\nclass " + Name +
         " : public lib::Module {\n  std::string last_;\npublic:\n"
         "  void seen(const std::string &s) { last_ = s; }\n};\n";
}

struct KeptTree {
  std::string Root, Cache;
  KeptTree() : Root(tempDirectory()), Cache(tempDirectory() + "/cache") {
    fs::create_directories(Root + "/include/lib");
    fs::create_directories(Root + "/src");
    std::ofstream(Root + "/include/lib/base.hpp") << BaseHeader;
    for (const char *Name : {"a", "b", "c", "d"})
      std::ofstream(Root + "/src/" + Name + ".cpp") << unitText(std::string("Unit_") + Name);
    std::ofstream(Root + "/.modlint.yaml") << "ModuleBases: [lib::Module]\n";
  }
  std::vector<std::string> command() const {
    return {"--", "-std=c++20", "-I" + Root + "/include", "-I" MODLINT_SOURCE_DIR "/include"};
  }
  /// `--unit` on one unit with the cache; text findings and --stats.
  RunOutput unit(const std::string &Name) const {
    std::vector<std::string> Args{"--unit", Root + "/src/" + Name + ".cpp", "--format", "text",
                                  "--stats", "--cache-dir", Cache};
    llvm::append_range(Args, command());
    return runIn(Root, MODLINT_BINARY, Args);
  }
  /// The same unit parsed plainly, as the reference.
  RunOutput plain(const std::string &Name) const {
    std::vector<std::string> Args{"--unit", Root + "/src/" + Name + ".cpp", "--format", "text",
                                  "--no-cache", "--no-shared-prefix"};
    llvm::append_range(Args, command());
    return runIn(Root, MODLINT_BINARY, Args);
  }
  size_t keptEntries() const {
    size_t Count = 0;
    for (const auto &Entry : fs::directory_iterator(Cache + "/prefixes"))
      Count += Entry.path().extension() == ".yaml";
    return Count;
  }
};

void expectSameFindings(const RunOutput &Kept, const RunOutput &Plain) {
  EXPECT_EQ(Kept.ExitCode, Plain.ExitCode) << Kept.Stderr;
  EXPECT_EQ(Kept.Stdout, Plain.Stdout);
  EXPECT_NE(Kept.Stderr.find(", 0 parsed again"), std::string::npos) << Kept.Stderr;
}

/// The unit was parsed on one prefix, whose one finding (in base.hpp) came
/// with it, precompiled by this run or kept from an earlier one.
void expectOnOnePrefix(const RunOutput &Run, bool FromEarlierRun) {
  const std::string Stats = std::string("1 of them on 1 shared precompiled prefix, 0 parsed again "
                                        "without; 1 finding in the prefixes' bodies worked out "
                                        "once; ") +
                            (FromEarlierRun ? "1 prefix" : "0 prefixes") +
                            " kept from an earlier run";
  EXPECT_NE(Run.Stderr.find(Stats), std::string::npos) << Run.Stderr;
}

TEST(KeptPrefix, IsBuiltByTheFirstUnitRunAndReusedByTheNext) {
  const KeptTree Tree;
  const RunOutput First = Tree.unit("a");
  expectOnOnePrefix(First, /*FromEarlierRun=*/false);
  expectSameFindings(First, Tree.plain("a"));
  // The library header's finding, worked out while precompiling, is in
  // the plain parse's findings and the prefix's.
  EXPECT_NE(First.Stdout.find("base.hpp:11:16: warning: '++' on 'hits_'"), std::string::npos)
      << First.Stdout;
  EXPECT_EQ(Tree.keptEntries(), 1u);

  const RunOutput Second = Tree.unit("b");
  expectOnOnePrefix(Second, /*FromEarlierRun=*/true);
  expectSameFindings(Second, Tree.plain("b"));
  EXPECT_NE(Second.Stdout.find("'++' on 'hits_'"), std::string::npos) << Second.Stdout;
  EXPECT_EQ(Tree.keptEntries(), 1u);
}

TEST(KeptPrefix, SurvivesATouchAndIsRebuiltWhenAHeaderChanges) {
  const KeptTree Tree;
  ASSERT_NE(Tree.unit("a").Stdout.find("'++' on 'hits_'"), std::string::npos);
  // Touched, same content (a branch switched and back): still used.
  const std::string Header = Tree.Root + "/include/lib/base.hpp";
  fs::last_write_time(Header, fs::last_write_time(Header) + std::chrono::hours(1));
  const RunOutput Touched = Tree.unit("b");
  EXPECT_NE(Touched.Stderr.find("; 1 prefix kept from an earlier run"),
            std::string::npos)
      << Touched.Stderr;
  expectSameFindings(Touched, Tree.plain("b"));

  // Changed: the kept prefix no longer stands for it, and a new one is.
  std::ofstream(Header, std::ios::app) << "namespace lib {\nclass Extra : public Module {\n  int n_ = 0;\n"
                                      "public:\n  void bump() { n_ += 2; }\n};\n}\n";
  const RunOutput Changed = Tree.unit("c");
  EXPECT_NE(Changed.Stderr.find("; 0 prefixes kept from an earlier run"),
            std::string::npos)
      << Changed.Stderr;
  expectSameFindings(Changed, Tree.plain("c"));
  EXPECT_NE(Changed.Stdout.find("on 'n_'"), std::string::npos) << Changed.Stdout;
  const RunOutput Next = Tree.unit("d");
  EXPECT_NE(Next.Stderr.find("; 1 prefix kept from an earlier run"), std::string::npos) << Next.Stderr;
  expectSameFindings(Next, Tree.plain("d"));
}

TEST(KeptPrefix, IsNotUsedWithoutTheCacheOrOutsideUnitRuns) {
  const KeptTree Tree;
  std::vector<std::string> Args{"--unit", Tree.Root + "/src/a.cpp", "--stats", "--no-cache"};
  llvm::append_range(Args, Tree.command());
  const RunOutput NoCache = runIn(Tree.Root, MODLINT_BINARY, Args);
  EXPECT_NE(NoCache.Stderr.find("0 of them on 0 shared precompiled prefixes"), std::string::npos)
      << NoCache.Stderr;
  Args = {Tree.Root + "/src/a.cpp", "--stats", "--cache-dir", Tree.Cache};
  llvm::append_range(Args, Tree.command());
  const RunOutput WholeRun = runIn(Tree.Root, MODLINT_BINARY, Args);
  EXPECT_NE(WholeRun.Stderr.find("0 of them on 0 shared precompiled prefixes"), std::string::npos)
      << WholeRun.Stderr;
  EXPECT_FALSE(fs::exists(Tree.Cache + "/prefixes")) << "only --unit runs keep prefixes";
}

// The build rule before the units' steps: each distinct prefix of the
// units precompiled once, nothing linted, and the steps parse on it.
TEST(KeptPrefix, KeepPrefixesPrecompilesOnceForAllItsUnitsAndLintsNothing) {
  const KeptTree Tree;
  std::vector<std::string> Args{"--keep-prefixes", Tree.Root + "/src/a.cpp",
                                Tree.Root + "/src/b.cpp", Tree.Root + "/src/c.cpp",
                                "--stats", "--cache-dir", Tree.Cache};
  llvm::append_range(Args, Tree.command());
  const RunOutput Kept = runIn(Tree.Root, MODLINT_BINARY, Args);
  EXPECT_EQ(Kept.ExitCode, 0) << Kept.Stderr;
  EXPECT_EQ(Kept.Stdout, "");
  EXPECT_EQ(Kept.Stderr, "modlint: stats: 3 units: 0 from the cache; the others start with 1 "
                         "kept prefix: 1 precompiled now, 0 kept from an earlier run; 0 units "
                         "linted ahead into the cache while the last prefixes were built\n");
  EXPECT_EQ(Tree.keptEntries(), 1u);

  const RunOutput Step = Tree.unit("b");
  EXPECT_NE(Step.Stderr.find("; 1 prefix kept from an earlier run"), std::string::npos)
      << Step.Stderr;
  expectSameFindings(Step, Tree.plain("b"));
  const RunOutput Again = runIn(Tree.Root, MODLINT_BINARY, Args);
  EXPECT_EQ(Again.Stdout, "") << "b.cpp's result came from the cache, and is not reported";
  EXPECT_NE(Again.Stderr.find("3 units: 1 from the cache; the others start with 1 kept prefix: "
                              "0 precompiled now, 1 kept from an earlier run"),
            std::string::npos)
      << Again.Stderr;

  for (const std::vector<std::string> &Refused :
       {std::vector<std::string>{"--keep-prefixes", "src/a.cpp", "--no-cache"},
        {"--keep-prefixes", "src/a.cpp", "-o", "report.json"},
        {"--keep-prefixes", "--unit", "src/a.cpp"}}) {
    const RunOutput Out = runIn(Tree.Root, MODLINT_BINARY, Refused);
    EXPECT_EQ(Out.ExitCode, 2) << Refused.back();
    EXPECT_NE(Out.Stderr.find("modlint: error: --keep-prefixes "), std::string::npos) << Out.Stderr;
  }
}

// The prefix step's workers do not wait for its slowest prefix: one with
// no prefix left to build lints units of a prefix already built into the
// cache, for as long as another prefix is still being built; their steps
// then take the result from the cache. One worker never waits: it lints
// nothing.
TEST(KeptPrefix, KeepPrefixesLintsAheadWhileItsLastPrefixIsBuilt) {
  const KeptTree Tree;
  // A prefix that takes many times as long as base.hpp's and its units.
  std::ofstream(Tree.Root + "/include/lib/net.hpp") << "#pragma once\n#include <boost/asio.hpp>\n";
  std::ofstream(Tree.Root + "/src/net.cpp")
      << "#include <lib/net.hpp>\n\nint port() { return 80; }\n";
  auto KeepPrefixes = [&](const std::string &Threads,
                          std::vector<std::string> Names = {"net", "a", "b", "c"}) {
    std::vector<std::string> Args{"--keep-prefixes", "-j",          Threads,
                                  "--stats",         "--cache-dir", Tree.Cache};
    for (const std::string &Name : Names)
      Args.push_back(Tree.Root + "/src/" + Name + ".cpp");
    llvm::append_range(Args, Tree.command());
    return runIn(Tree.Root, MODLINT_BINARY, Args);
  };
  // base.hpp's prefix kept by an earlier run, between two to build: its
  // units could start at once, yet the one worker builds both prefixes
  // first, and then has nothing left to wait for.
  std::ofstream(Tree.Root + "/include/lib/json.hpp")
      << "#pragma once\n#include <nlohmann/json.hpp>\n";
  std::ofstream(Tree.Root + "/src/0json.cpp") << "#include <lib/json.hpp>\n\nint json();\n";
  EXPECT_EQ(KeepPrefixes("1", {"a", "b", "c"}).ExitCode, 0);
  const RunOutput One = KeepPrefixes("1", {"0json", "a", "b", "c", "net"});
  EXPECT_EQ(One.ExitCode, 0) << One.Stderr;
  EXPECT_NE(One.Stderr.find("2 precompiled now, 1 kept from an earlier run; 0 units linted "
                            "ahead"),
            std::string::npos)
      << One.Stderr;
  fs::remove_all(Tree.Cache);

  const RunOutput Two = KeepPrefixes("2");
  EXPECT_EQ(Two.ExitCode, 0) << Two.Stderr;
  EXPECT_EQ(Two.Stdout, "");
  EXPECT_NE(Two.Stderr.find("2 precompiled now, 0 kept from an earlier run; 3 units linted "
                            "ahead"),
            std::string::npos)
      << Two.Stderr;
  for (const char *Name : {"a", "b", "c"}) {
    const RunOutput Step = Tree.unit(Name);
    EXPECT_NE(Step.Stderr.find("1 units: 1 from the cache"), std::string::npos) << Step.Stderr;
    expectSameFindings(Step, Tree.plain(Name));
  }
  const RunOutput Net = Tree.unit("net");
  EXPECT_NE(Net.Stderr.find("1 units: 0 from the cache"), std::string::npos) << Net.Stderr;
  expectSameFindings(Net, Tree.plain("net"));
}

} // namespace
} // namespace modlint::testing
