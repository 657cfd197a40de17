// modlint_add_target (tool/cmake/ModlintTargets.cmake): each unit linted
// as a build step (`modlint --unit ... --depfile ...`), its reports merged.
// On the ledger tree, whose lock-order cycle spans two units, the merged
// report is the whole run's; a header read by one unit re-lints that unit
// alone when it changes; an unchanged tree re-lints nothing.
#include "Subprocess.h"

#include "gtest/gtest.h"
#include "llvm/Support/JSON.h"

#include <filesystem>
#include <fstream>

namespace modlint::testing {
namespace {

namespace fs = std::filesystem;

/// The ledger tree as a CMake project whose target is linted by rules;
/// audit.cpp alone also reads acme/audit_only.hpp.
std::string ledgerProject() {
  // A blank in the path: the rules quote it (a quote would not do: Ninja's
  // depfile reader cannot read one).
  const std::string Root = tempDirectory() + "/ledger tree";
  fs::copy(MODLINT_LEDGER_TREE_DIR, Root, fs::copy_options::recursive);
  fs::remove(Root + "/compile_commands.json");
  std::ofstream(Root + "/include/acme/audit_only.hpp") << "#pragma once\n";
  std::ofstream(Root + "/src/audit.cpp", std::ios::app) << "#include \"acme/audit_only.hpp\"\n";
  // A source outside the project's tree, as a target may list one, linted
  // with the same checks.
  const fs::path Outside = fs::path(Root).parent_path();
  std::ofstream(Outside / "outside.cpp") << "int outside();\n";
  fs::copy_file(Root + "/.modlint.yaml", Outside / ".modlint.yaml");
  std::ofstream(Root + "/CMakeLists.txt")
      << "cmake_minimum_required(VERSION 3.20)\nproject(ledger CXX)\n"
         "set(CMAKE_EXPORT_COMPILE_COMMANDS ON)\n"
         "add_library(ledger STATIC src/audit.cpp src/close.cpp src/post.cpp ../outside.cpp)\n"
         "target_include_directories(ledger PRIVATE include)\n"
         "target_compile_features(ledger PRIVATE cxx_std_20)\n"
         "include(" MODLINT_TARGETS_CMAKE ")\nmodlint_add_target(ledger)\n";
  return Root;
}

RunOutput configure(const std::string &Root, const std::string &Build, const char *Generator) {
  return run("/usr/bin/cmake",
             {"-S", Root, "-B", Build, "-G", Generator, "-DCMAKE_CXX_COMPILER=clang++-19",
              "-DMODLINT_EXECUTABLE=" MODLINT_BINARY});
}

RunOutput build(const std::string &Build) {
  return run("/usr/bin/cmake", {"--build", Build, "--target", "ledger_modlint"});
}

/// The findings of a JSON report, each as its text, sorted.
std::vector<std::string> findingsOf(const std::string &Report) {
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Report);
  EXPECT_TRUE(static_cast<bool>(Parsed)) << Report;
  std::vector<std::string> Texts;
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return Texts;
  }
  if (const llvm::json::Array *Findings = Parsed->getAsObject()->getArray("findings"))
    for (const llvm::json::Value &F : *Findings)
      Texts.push_back(llvm::formatv("{0}", F).str());
  llvm::sort(Texts);
  return Texts;
}

/// Nothing changed: no unit is linted again; a header only audit.cpp
/// reads changed: that unit alone.
void expectIncrementalBuilds(const std::string &Root, const std::string &Build) {
  const RunOutput Again = build(Build);
  EXPECT_EQ(Again.Stdout.find("modlint src/"), std::string::npos) << Again.Stdout;
  std::ofstream(Root + "/include/acme/audit_only.hpp") << "#pragma once\n// changed\n";
  const RunOutput Changed = build(Build);
  EXPECT_NE(Changed.Stdout.find("modlint src/audit.cpp"), std::string::npos) << Changed.Stdout;
  EXPECT_EQ(Changed.Stdout.find("modlint src/close.cpp"), std::string::npos) << Changed.Stdout;
}

TEST(BuildRules, UnitsLintedAsBuildStepsMergeIntoTheWholeRunsReport) {
  const std::string Root = ledgerProject(), Build = Root + "/build";
  const RunOutput Configured = configure(Root, Build, "Ninja");
  ASSERT_EQ(Configured.ExitCode, 0) << Configured.Stdout << Configured.Stderr;

  // The merge step takes the reports from a response file (so does the
  // prefix step its sources): no command line grows with the target.
  const std::string Reports = readFile(Build + "/CMakeFiles/modlint/ledger.reports");
  for (const char *Unit : {"audit.cpp", "close.cpp", "post.cpp"})
    EXPECT_NE(Reports.find("/modlint/ledger/src/" + std::string(Unit) + ".json'\n"),
              std::string::npos)
        << Reports;
  const std::string Rules = readFile(Build + "/build.ninja");
  EXPECT_NE(Rules.find("merge \"@" + Build + "/CMakeFiles/modlint/ledger.reports\""),
            std::string::npos);
  // The depfile modlint writes is the one Ninja reads: no process per step
  // to transform it (and the unchanged tree below re-lints nothing).
  EXPECT_EQ(Rules.find("cmake_transform_depfile"), std::string::npos);
  EXPECT_NE(Rules.find("-o modlint/ledger/src/audit.cpp.json --depfile "
                       "modlint/ledger/src/audit.cpp.json.d"),
            std::string::npos);
  // ../outside.cpp's report stays inside the target's directory.
  EXPECT_NE(Rules.find("-o modlint/ledger/__/outside.cpp.json "), std::string::npos);

  // The cycle across units fails the target, found by the merge.
  const RunOutput First = build(Build);
  EXPECT_NE(First.ExitCode, 0);
  // The library headers first, in a step of its own (kept prefixes).
  EXPECT_LT(First.Stdout.find("modlint: precompiling the library headers the units start with"),
            First.Stdout.find("modlint src/"))
      << First.Stdout;
  for (const char *Unit : {"audit.cpp", "close.cpp", "post.cpp"})
    EXPECT_NE(First.Stdout.find(std::string("modlint src/") + Unit), std::string::npos)
        << First.Stdout;
  EXPECT_NE(First.Stdout.find("which closes the lock-order cycle 'acme::Ledger::accountsMu_ "
                              "-> acme::Ledger::journalMu_"),
            std::string::npos)
      << First.Stdout;
  const RunOutput Whole = runIn(Root, MODLINT_BINARY,
                                {"-p", Build, "--format", "json", "--no-cache", "-q"});
  EXPECT_EQ(Whole.ExitCode, 1) << Whole.Stderr;
  const std::vector<std::string> Expected = findingsOf(Whole.Stdout);
  EXPECT_EQ(Expected.size(), 2u);
  EXPECT_EQ(findingsOf(readFile(Build + "/modlint/ledger.json")), Expected);

  // Each unit's depfile names what it read.
  const std::string Depfile = readFile(Build + "/modlint/ledger/src/audit.cpp.json.d");
  EXPECT_NE(Depfile.find("/include/acme/ledger.hpp"), std::string::npos) << Depfile;
  EXPECT_NE(Depfile.find("/include/acme/audit_only.hpp"), std::string::npos) << Depfile;

  expectIncrementalBuilds(Root, Build);
  EXPECT_EQ(findingsOf(readFile(Build + "/modlint/ledger.json")), Expected);
  // The reports deleted to lint afresh: the lists the steps read survive.
  fs::remove_all(Build + "/modlint");
  const RunOutput Afresh = build(Build);
  EXPECT_NE(Afresh.Stdout.find("modlint src/close.cpp"), std::string::npos) << Afresh.Stdout;
  EXPECT_EQ(findingsOf(readFile(Build + "/modlint/ledger.json")), Expected) << Afresh.Stdout;
  // The merged report alone is a target of its own (a CI matrix job's).
  EXPECT_EQ(run("/usr/bin/cmake", {"--build", Build, "--target", "modlint/ledger.json"}).ExitCode,
            0);

  // Without a database, the command after `--` (a Bazel aspect's action).
  const std::string Report = Build + "/post.json";
  const RunOutput Fixed = run(MODLINT_BINARY, {"--unit", Root + "/src/post.cpp", "-o", Report,
                                               "--", "-std=c++20", "-I" + Root + "/include"});
  EXPECT_EQ(Fixed.ExitCode, 0) << Fixed.Stderr;
  EXPECT_EQ(Fixed.Stderr, "");
  EXPECT_TRUE(findingsOf(readFile(Report)).empty()); // no cycle within one unit
}

// The same rules under Make, whose generator reads the depfiles itself:
// the same merged report, nothing linted again on an unchanged tree, and
// one unit after a header only it reads changed.
TEST(BuildRules, MakeRunsTheSameSteps) {
  const std::string Root = ledgerProject(), Build = Root + "/build-make";
  const RunOutput Configured = configure(Root, Build, "Unix Makefiles");
  ASSERT_EQ(Configured.ExitCode, 0) << Configured.Stdout << Configured.Stderr;
  const RunOutput First = build(Build);
  EXPECT_NE(First.ExitCode, 0) << "the cycle across units fails the target";
  EXPECT_NE(First.Stdout.find("modlint src/close.cpp"), std::string::npos) << First.Stdout;
  const RunOutput Whole =
      runIn(Root, MODLINT_BINARY, {"-p", Build, "--format", "json", "--no-cache", "-q"});
  EXPECT_EQ(findingsOf(readFile(Build + "/modlint/ledger.json")), findingsOf(Whole.Stdout));
  expectIncrementalBuilds(Root, Build);
}

// `@FILE` stands for FILE's arguments (GNU quoting, nested files too), as
// for GCC and Clang, among modlint's arguments and the compiler's after
// `--`; a missing or unreadable one is a usage error.
TEST(BuildRules, ResponseFilesStandForTheirArguments) {
  const std::string Root = ledgerProject();
  fs::rename(Root + "/src/close.cpp", Root + "/src/close it.cpp");
  std::ofstream(Root + "/compile_commands.json")
      << "[{\"directory\": \"" << Root << "\", \"file\": \"src/close it.cpp\", "
      << "\"arguments\": [\"clang++\", \"-std=c++20\", \"-Iinclude\", \"-c\", "
      << "\"src/close it.cpp\"]}]";
  std::ofstream(Root + "/format.args") << "--format json\n";
  std::ofstream(Root + "/lint.args") << "'src/close it.cpp'\n'@" << Root << "/format.args'\n";
  const std::vector<std::string> Plain = {"-p", ".", "--no-cache", "-q", "src/close it.cpp",
                                          "--format", "json"};
  const RunOutput Direct = runIn(Root, MODLINT_BINARY, Plain);
  const RunOutput Expanded =
      runIn(Root, MODLINT_BINARY, {"-p", ".", "--no-cache", "-q", "@" + Root + "/lint.args"});
  EXPECT_EQ(Direct.ExitCode, 1) << Direct.Stderr;
  EXPECT_EQ(Expanded.ExitCode, 1) << Expanded.Stderr;
  EXPECT_EQ(findingsOf(Expanded.Stdout), findingsOf(Direct.Stdout));
  EXPECT_EQ(findingsOf(Direct.Stdout).size(), 1u) << Direct.Stdout;
  // The compiler's arguments after `--` too.
  std::ofstream(Root + "/compiler.args") << "-std=c++20 -Iinclude\n";
  const RunOutput Compiler =
      runIn(Root, MODLINT_BINARY,
            {"--no-cache", "-q", "@" + Root + "/lint.args", "--", "@" + Root + "/compiler.args"});
  EXPECT_EQ(Compiler.ExitCode, 1) << Compiler.Stderr;
  EXPECT_EQ(findingsOf(Compiler.Stdout), findingsOf(Direct.Stdout));

  const RunOutput Missing = runIn(Root, MODLINT_BINARY, {"-p", ".", "@" + Root + "/none.args"});
  EXPECT_EQ(Missing.ExitCode, 2);
  EXPECT_NE(Missing.Stderr.find("no such file or directory: '@" + Root + "/none.args'"),
            std::string::npos)
      << Missing.Stderr;
  const RunOutput Directory = runIn(Root, MODLINT_BINARY, {"-p", ".", "@" + Root + "/src"});
  EXPECT_EQ(Directory.ExitCode, 2);
  EXPECT_NE(Directory.Stderr.find("a response file must be a file, not a directory"),
            std::string::npos)
      << Directory.Stderr;
}

// --unit is one file's run: it refuses other paths, and --depfile needs -o.
TEST(BuildRules, UnitFlagsRefuseWhatCannotWork) {
  const RunOutput TwoFiles = run(MODLINT_BINARY, {"--unit", "a.cpp", "b.cpp", "-p", "."});
  EXPECT_EQ(TwoFiles.ExitCode, 2);
  EXPECT_NE(TwoFiles.Stderr.find("--unit lints one file; give no other PATH (got 'b.cpp')"),
            std::string::npos)
      << TwoFiles.Stderr;
  const RunOutput NoOutput = run(MODLINT_BINARY, {"--depfile", "x.d", "-p", "."});
  EXPECT_EQ(NoOutput.ExitCode, 2);
  EXPECT_NE(NoOutput.Stderr.find("--depfile names what the report depends on, so it needs -o"),
            std::string::npos)
      << NoOutput.Stderr;
  // A report's missing directory is made (Make does not), unless a file
  // stands where it would be.
  const std::string Root = tempDirectory();
  std::ofstream(Root + "/a.cpp") << "int a();\n";
  std::ofstream(Root + "/taken") << "";
  const RunOutput Made = runIn(Root, MODLINT_BINARY,
                               {"--unit", "a.cpp", "-o", "out/a.json", "--depfile", "deps/a.d",
                                "--no-cache", "--", "-std=c++20"});
  EXPECT_EQ(Made.ExitCode, 0) << Made.Stderr;
  EXPECT_TRUE(fs::is_regular_file(Root + "/out/a.json"));
  EXPECT_TRUE(fs::is_regular_file(Root + "/deps/a.d"));
  const RunOutput Blocked =
      runIn(Root, MODLINT_BINARY,
            {"--unit", "a.cpp", "-o", "taken/a.json", "--no-cache", "--", "-std=c++20"});
  EXPECT_EQ(Blocked.ExitCode, 2);
  EXPECT_NE(Blocked.Stderr.find("modlint: error: cannot write 'taken/a.json': Not a directory"),
            std::string::npos)
      << Blocked.Stderr;
}

} // namespace
} // namespace modlint::testing
