// Units that start with the same includes are parsed on one precompiled
// prefix: the findings, in every format, are those of parsing each unit on
// its own; a header in the prefix is still a cached unit's input; a prefix
// that does not compile falls back to plain parses.
#include "Subprocess.h"

#include "gtest/gtest.h"

#include <filesystem>
#include <fstream>

namespace modlint::testing {
namespace {

namespace fs = std::filesystem;

const char *const Registry = R"(#pragma once
#include <map>
#include <modrt/module.hpp>
#include <mutex>
#include <string>
namespace app {
class Registry : public modrt::Module {
  std::mutex mu_;
  std::map<std::string, int> entries_;
  int version_ = 0;
  int ignored_ = 0; // NOLINT(modlint-*)
public:
  void put(const std::string &k, int v) { std::lock_guard<std::mutex> g(mu_); entries_[k] = v; }
  void bump() { ++version_; }
  void skip() { ++ignored_; } // NOLINT(modlint-*)
};
template <typename T> class Queue : public modrt::Module {
  std::map<int, T> items_;
public:
  void push(int k, const T &t) { items_[k] = t; }
};
class Stats : public modrt::Module {
  int hits_ = 0;
public:
  void hit();
};
}
)";

/// Three units with the same first includes, one of them after a licence
/// comment, each with a race of its own.
std::string prefixTree(const std::string &FirstInclude = "<map>") {
  const std::string Root = tempDirectory() + "/tree";
  fs::create_directories(Root + "/include/app");
  fs::create_directories(Root + "/src");
  std::ofstream(Root + "/include/app/registry.hpp") << Registry;
  std::ofstream(Root + "/include/app/counter.hpp") << "#pragma once\n#define APP_COUNTER int\n";
  std::ofstream Db(Root + "/compile_commands.json");
  Db << "[\n";
  for (int I = 0; I < 3; ++I) {
    const std::string Name = "unit" + std::to_string(I);
    std::ofstream(Root + "/src/" + Name + ".cpp")
        << (I == 1 ? "/* Licence text\n   over two lines. */\n" : "")
        << "#include " << FirstInclude << "\n#include <app/counter.hpp>\n#include <app/registry.hpp>\n\n"
        << "class Handler" << I << " : public modrt::Module {\n"
        << "  APP_COUNTER served_ = 0;\n"
        << "public:\n"
        << "  void serve() { ++served_; }\n"
        << "};\n"
        << (I == 2 ? "void app::Stats::hit() { ++hits_; }\n" : "");
    Db << (I ? ",\n" : "") << "{\"directory\": \"" << Root << "\", \"file\": \"src/" << Name
       << ".cpp\", \"arguments\": [\"c++\", \"-std=c++20\", \"-Iinclude\", \"-I"
       << MODLINT_SOURCE_DIR << "/include\", \"-c\", \"src/" << Name << ".cpp\"]}";
  }
  Db << "\n]\n";
  return Root;
}

RunOutput lint(const std::string &Root, std::vector<std::string> Extra) {
  Extra.insert(Extra.begin(), {"--color=never", "-q", "-p", "."});
  return runIn(Root, MODLINT_BINARY, Extra);
}

TEST(SharedPrefix, FindingsAreThoseOfPlainParsesInEveryFormat) {
  const std::string Root = prefixTree();
  for (const char *Format : {"text", "json", "sarif"}) {
    RunOutput Shared = lint(Root, {"--no-cache", "--stats", "--format", Format});
    RunOutput Plain = lint(Root, {"--no-cache", "--stats", "--no-shared-prefix", "--format", Format});
    EXPECT_EQ(Shared.ExitCode, 1) << Format;
    EXPECT_EQ(Shared.Stdout, Plain.Stdout) << Format;
    EXPECT_NE(Shared.Stderr.find("3 of them on 1 shared precompiled prefix,"), std::string::npos)
        << Shared.Stderr;
    EXPECT_NE(Plain.Stderr.find("0 of them on 0 shared precompiled prefixes"), std::string::npos)
        << Plain.Stderr;
    // bump() and skip() were checked once, in the prefix; the template and
    // the members' verdicts were not (see PrefixFindingsTest.cpp).
    EXPECT_NE(Shared.Stderr.find("; 2 findings in the prefixes' bodies worked out once"),
              std::string::npos)
        << Shared.Stderr;
    EXPECT_NE(Plain.Stderr.find("; 0 findings in the prefixes' bodies"), std::string::npos)
        << Plain.Stderr;
  }
  // The header's findings (from the prefix, from the units, and from the one
  // unit that defines Stats::hit) and every unit's own are there; the NOLINT
  // in the header still holds.
  RunOutput Text = lint(Root, {"--no-cache"});
  for (const char *Finding :
       {"include/app/registry.hpp:14:17: warning: '++' on 'version_'",
        "include/app/registry.hpp:20:34: warning: 'operator[]' mutates container 'items_'",
        "include/app/registry.hpp:18:20: warning: 'items_' is mutable state",
        "include/app/registry.hpp:23:7: warning: 'hits_' is mutable state",
        "src/unit2.cpp:10:26: warning: '++' on 'hits_'"})
    EXPECT_NE(Text.Stdout.find(Finding), std::string::npos) << Finding << "\n" << Text.Stdout;
  EXPECT_EQ(Text.Stdout.find("ignored_"), std::string::npos);
  for (const char *Unit : {"src/unit0.cpp:8:", "src/unit1.cpp:10:", "src/unit2.cpp:8:"})
    EXPECT_NE(Text.Stdout.find(std::string(Unit) + "18: warning: '++' on 'served_'"),
              std::string::npos)
        << Unit << "\n" << Text.Stdout;
}

TEST(SharedPrefix, AHeaderInThePrefixIsAnInputOfEveryCachedUnit) {
  const std::string Root = prefixTree();
  const std::string Cache = tempDirectory();
  RunOutput Cold = lint(Root, {"--cache-dir", Cache, "--stats"});
  EXPECT_NE(Cold.Stderr.find("3 of them on 1 shared"), std::string::npos) << Cold.Stderr;
  RunOutput Warm = lint(Root, {"--cache-dir", Cache, "--stats"});
  EXPECT_NE(Warm.Stderr.find("3 units: 3 from the cache"), std::string::npos) << Warm.Stderr;
  EXPECT_EQ(Warm.Stdout, Cold.Stdout);

  // Fix the header's race: every unit is linted again and the finding goes.
  std::string Fixed = Registry;
  Fixed.replace(Fixed.find("int version_"), 3, "std::atomic<int>");
  Fixed.insert(0, "#include <atomic>\n");
  std::ofstream(Root + "/include/app/registry.hpp") << Fixed;
  RunOutput After = lint(Root, {"--cache-dir", Cache, "--stats"});
  EXPECT_NE(After.Stderr.find("3 units: 0 from the cache"), std::string::npos) << After.Stderr;
  EXPECT_EQ(After.Stdout.find("version_"), std::string::npos) << After.Stdout;
  EXPECT_EQ(After.Stdout, lint(Root, {"--no-cache", "--no-shared-prefix"}).Stdout);

  // A header that only defines a macro the units use is an input too.
  std::ofstream(Root + "/include/app/counter.hpp")
      << "#pragma once\n#include <atomic>\n#define APP_COUNTER std::atomic<int>\n";
  RunOutput Atomic = lint(Root, {"--cache-dir", Cache, "--stats"});
  EXPECT_NE(Atomic.Stderr.find("3 units: 0 from the cache"), std::string::npos) << Atomic.Stderr;
  EXPECT_EQ(Atomic.Stdout.find("served_"), std::string::npos) << Atomic.Stdout;
}

TEST(SharedPrefix, APrefixThatDoesNotCompileFallsBackToPlainParses) {
  const std::string Root = prefixTree("<app/missing.hpp>");
  RunOutput Shared = lint(Root, {"--no-cache", "--stats"});
  RunOutput Plain = lint(Root, {"--no-cache", "--no-shared-prefix"});
  EXPECT_EQ(Shared.ExitCode, 2);
  EXPECT_EQ(Shared.Stdout, Plain.Stdout);
  EXPECT_NE(Shared.Stdout.find("src/unit1.cpp:3:10: error: 'app/missing.hpp' file not found"),
            std::string::npos)
      << Shared.Stdout;
  EXPECT_NE(Shared.Stderr.find("0 of them on 0 shared"), std::string::npos) << Shared.Stderr;
}

} // namespace
} // namespace modlint::testing
