// Bad input and bad luck: a unit that does not compile, a database entry
// whose file is gone, a crash inside the analysis, an interrupt, huge and
// odd files, a huge database. Each is reported clearly, and the rest of the
// run completes.
#include "SarifValidation.h"
#include "Subprocess.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"

#include <filesystem>
#include <fstream>

namespace modlint::testing {
namespace {

namespace fs = std::filesystem;

/// The service tree, plus a unit that does not compile and an entry whose
/// file does not exist.
std::string brokenTree() {
  const std::string Root = tempDirectory() + "/tree";
  fs::copy(MODLINT_TREE_DIR, Root, fs::copy_options::recursive);
  std::ofstream(Root + "/bad/broken.cpp") << "#include <svc/handler.hpp>\nint f() { return nope; }\n";
  std::string Db = readFile(Root + "/compile_commands.json");
  Db.insert(Db.rfind(']'),
            ",\n  {\"directory\": \".\", \"file\": \"bad/broken.cpp\", \"command\": \"c++ -std=c++20 -Iinclude -c bad/broken.cpp\"},\n"
            "  {\"directory\": \".\", \"file\": \"gone/missing.cpp\", \"command\": \"c++ -std=c++20 -Iinclude -c gone/missing.cpp\"}\n");
  std::ofstream(Root + "/compile_commands.json") << Db;
  return Root;
}

RunOutput modlintIn(const std::string &Dir, std::vector<std::string> Args,
                    const std::vector<std::string> &Environment = {}) {
  Args.insert(Args.begin(), {"--color=never", "--no-cache"});
  return runIn(Dir, MODLINT_BINARY, Args, Environment);
}

size_t modlintResults(const llvm::json::Value &Log) {
  size_t N = 0;
  for (const auto &R : *(*Log.getAsObject()->getArray("runs"))[0].getAsObject()->getArray("results"))
    N += R.getAsObject()->getString("ruleId")->starts_with("modlint-");
  return N;
}

TEST(Robustness, BrokenUnitAndMissingFileDoNotSinkTheRun) {
  const std::string Root = brokenTree();
  RunOutput Clean = modlintIn(MODLINT_TREE_DIR, {"-p", ".", "--format=sarif", "-q"});
  auto CleanLog = llvm::json::parse(Clean.Stdout);
  ASSERT_TRUE(static_cast<bool>(CleanLog));

  RunOutput Out = modlintIn(Root, {"-p", ".", "--format", "sarif", "-o", "r.sarif"});
  EXPECT_EQ(Out.ExitCode, 2);
  EXPECT_NE(Out.Stderr.find("the compilation database names '" + Root +
                            "/gone/missing.cpp', which does not exist"),
            std::string::npos)
      << Out.Stderr;
  EXPECT_NE(Out.Stderr.find("bad/broken.cpp did not compile"), std::string::npos);
  for (const std::string &Problem : validateSarif(Root + "/r.sarif"))
    ADD_FAILURE() << Problem;
  auto Log = llvm::json::parse(readFile(Root + "/r.sarif"));
  ASSERT_TRUE(static_cast<bool>(Log));
  // Every other unit's findings are there.
  EXPECT_EQ(modlintResults(*Log), modlintResults(*CleanLog));
  const auto *Invocation = (*(*Log->getAsObject()->getArray("runs"))[0].getAsObject()
                                 ->getArray("invocations"))[0].getAsObject();
  EXPECT_EQ(Invocation->getBoolean("executionSuccessful"), false);
  EXPECT_EQ(Invocation->getArray("toolExecutionNotifications")->size(), 2u);

  // --allow-compile-errors: reported, but the exit code is the findings'.
  EXPECT_EQ(modlintIn(Root, {"-p", ".", "-q", "--allow-compile-errors"}).ExitCode, 1);
}

/// The crashed unit is named, its findings are gone, every other unit's are
/// there, and the exit code says the run is incomplete.
void expectOnlyUnitCrashed(const RunOutput &Out, const std::string &Unit,
                           const std::string &Label) {
  EXPECT_EQ(Out.ExitCode, 2) << Label;
  EXPECT_NE(Out.Stderr.find("the analysis of " + Unit + " crashed; the other units were linted"),
            std::string::npos)
      << Label << "\n" << Out.Stderr;
  EXPECT_NE(Out.Stdout.find("bad/stats.cpp"), std::string::npos) << Label;
  EXPECT_NE(Out.Stdout.find("other/service.cpp"), std::string::npos) << Label;
  EXPECT_EQ(Out.Stdout.find(Unit + ":"), std::string::npos) << Label;
}

/// A crashed unit's memory is abandoned on purpose (the recovery jumps out
/// of Clang), which LeakSanitizer would report in the sanitizer build.
const char *const AbandonedMemoryIsExpected = "ASAN_OPTIONS=detect_leaks=0";

TEST(Robustness, ACrashInOneUnitIsIsolated) {
  // A segfault as a broken check would cause, and an abort as a failed
  // assertion would, from the test-only check that the test build of the
  // command carries (CrashCheck.cpp).
  for (const char *Kind : {"segfault", "abort"})
    for (const char *Jobs : {"1", "2"})
      expectOnlyUnitCrashed(
          runIn(MODLINT_TREE_DIR, MODLINT_CRASHTEST_BINARY,
                {"--color=never", "--no-cache", "--checks=modlint-*,test-crash", "-p", ".",
                 "-j", Jobs},
                {std::string("MODLINT_TEST_CRASH=") + Kind + ":sessions.cpp",
                 AbandonedMemoryIsExpected}),
          "bad/sessions.cpp", std::string(Kind) + " -j " + Jobs);
}

TEST(Robustness, QuietStillSaysWhichUnitCrashed) {
  RunOutput Out = runIn(MODLINT_TREE_DIR, MODLINT_CRASHTEST_BINARY,
                        {"--color=never", "--no-cache", "-q", "--checks=modlint-*,test-crash", "-p",
                         "."},
                        {"MODLINT_TEST_CRASH=segfault:sessions.cpp", AbandonedMemoryIsExpected});
  EXPECT_EQ(Out.ExitCode, 2);
  EXPECT_NE(Out.Stderr.find("modlint: error: the analysis of bad/sessions.cpp crashed"),
            std::string::npos)
      << Out.Stderr;
}

TEST(Robustness, TheCommandItselfHasNoCrashSwitch) {
  RunOutput Out = modlintIn(MODLINT_TREE_DIR, {"-p", ".", "-q", "--checks=modlint-*,test-crash"},
                            {"MODLINT_TEST_CRASH=sessions.cpp"});
  EXPECT_EQ(Out.ExitCode, 1) << Out.Stderr;
  EXPECT_EQ(Out.Stderr.find("crashed"), std::string::npos) << Out.Stderr;
}

TEST(Robustness, AStackOverflowInsideClangIsIsolated) {
  // A class template derived from itself 10,000 levels deep: Clang's own
  // recursion through the bases (looking up the default constructor)
  // overflows the stack; `clang++ -fsyntax-only` dies of it with SIGSEGV.
  const std::string Root = tempDirectory() + "/tree";
  fs::copy(MODLINT_TREE_DIR, Root, fs::copy_options::recursive);
  std::ofstream(Root + "/bad/deep.cpp")
      << "template <int N> struct Deep : Deep<N - 1> { int level = N; };\n"
         "template <> struct Deep<0> {};\n"
         "Deep<10000> deep;\n";
  std::string Db = readFile(Root + "/compile_commands.json");
  Db.insert(Db.rfind(']'),
            ",\n  {\"directory\": \".\", \"file\": \"bad/deep.cpp\", "
            "\"command\": \"c++ -std=c++17 -ftemplate-depth=100000 -c bad/deep.cpp\"}\n");
  std::ofstream(Root + "/compile_commands.json") << Db;
  for (const char *Jobs : {"1", "2"})
    expectOnlyUnitCrashed(modlintIn(Root, {"-p", ".", "-j", Jobs}, {AbandonedMemoryIsExpected}),
                          "bad/deep.cpp",
                          std::string("-j ") + Jobs);
}

TEST(Robustness, InterruptStopsPromptlyAndLeavesNoPartialReport) {
  const std::string Out = tempDirectory();
  // Ctrl-C a third of a second into a run that takes seconds.
  RunOutput Shell = run("/bin/sh", {"-c",
      "cd \"$1\" && \"$2\" --no-cache -j 1 -q -p . --format sarif -o \"$3/r.sarif\" & pid=$!; "
      "sleep 0.3; kill -INT $pid; wait $pid; echo \"exit=$?\"",
      "sh", MODLINT_TREE_DIR, MODLINT_BINARY, Out});
  EXPECT_NE(Shell.Stdout.find("exit=130"), std::string::npos) << Shell.Stdout << Shell.Stderr;
  EXPECT_NE(Shell.Stderr.find("modlint: interrupted"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(Out)) << "a report or temporary file was left behind";
}

TEST(Robustness, LongLinesAndBytesThatAreNotUtf8) {
  const std::string Dir = tempDirectory();
  {
    std::ofstream File(Dir + "/odd.cpp", std::ios::binary);
    File << "#include <modrt/module.hpp>\n#include <map>\n#include <string>\n"
         << "// " << std::string(200000, 'x') << "\n"
         << "// Latin-1: caf\xe9, broken UTF-8: \xc3\x28 \xff\xfe\n"
         << "class Odd : public modrt::Module {\n"
         << "  std::map<std::string, int> m_;\n"
         << "public:\n"
         << "  void f() { const char *s = \"\xe9\xff\"; m_[s] = 1; }"
         << " /* " << std::string(100000, 'y') << " */ void g() { m_.clear(); }\n"
         << "};\n";
  }
  for (const char *Format : {"text", "json", "sarif"}) {
    RunOutput Out = modlintIn(Dir, {"--format", Format, "-q", "odd.cpp", "--", "-std=c++20",
                                    "-I" MODLINT_SOURCE_DIR "/include"});
    EXPECT_EQ(Out.ExitCode, 1) << Format << Out.Stderr;
    if (std::string(Format) != "text")
      EXPECT_TRUE(static_cast<bool>(llvm::json::parse(Out.Stdout))) << Format;
  }
  RunOutput Text = modlintIn(Dir, {"-q", "odd.cpp", "--", "-std=c++20", "-I" MODLINT_SOURCE_DIR "/include"});
  EXPECT_NE(Text.Stdout.find("odd.cpp:9:"), std::string::npos) << Text.Stdout.substr(0, 2000);
  EXPECT_EQ(countOccurrences(Text.Stdout, "[modlint-container-mutation]"), 2u);
}

TEST(Robustness, FiftyThousandLineFile) {
  const std::string Dir = tempDirectory();
  {
    std::ofstream File(Dir + "/huge.cpp");
    File << "#include <modrt/module.hpp>\nclass Huge : public modrt::Module {\n  long n_ = 0;\npublic:\n";
    for (int I = 0; I < 12500; ++I)
      File << "  void m" << I << "() {\n    ++n_;\n  }\n\n";
    File << "};\n";
  }
  RunOutput Out = modlintIn(Dir, {"--format=json", "-q", "huge.cpp", "--", "-std=c++20",
                                  "-I" MODLINT_SOURCE_DIR "/include"});
  EXPECT_EQ(Out.ExitCode, 1);
  auto Report = llvm::json::parse(Out.Stdout);
  ASSERT_TRUE(static_cast<bool>(Report));
  const auto *Counts = Report->getAsObject()->getObject("summary")->getObject("findingsPerCheck");
  EXPECT_EQ(Counts->getInteger("modlint-nonatomic-update"), 12500);
  EXPECT_EQ(Counts->getInteger("modlint-mutable-member"), 1);
}

TEST(Robustness, TenThousandEntryDatabase) {
  const std::string Dir = tempDirectory();
  std::ofstream Db(Dir + "/compile_commands.json");
  Db << "[\n";
  for (int I = 0; I < 10000; ++I) {
    const std::string Name = "u" + std::to_string(I) + ".cpp";
    std::ofstream(Dir + "/" + Name) << "int f" << I << "() { return " << I << "; }\n";
    Db << (I ? ",\n" : "") << "{\"directory\": \".\", \"file\": \"" << Name
       << "\", \"command\": \"c++ -c " << Name << "\"}";
  }
  Db << "\n]\n";
  Db.close();
  // One unit picked out of ten thousand, and a slice of a hundred or so.
  RunOutput One = modlintIn(Dir, {"-p", ".", "u4242.cpp"});
  EXPECT_EQ(One.ExitCode, 0) << One.Stderr;
  EXPECT_NE(One.Stderr.find("modlint: 1 file linted"), std::string::npos) << One.Stderr;
  RunOutput Slice = modlintIn(Dir, {"-p", ".", "--shard", "7/100"});
  EXPECT_EQ(Slice.ExitCode, 0) << Slice.Stderr;
  EXPECT_NE(Slice.Stderr.find(" files linted"), std::string::npos);
}

} // namespace
} // namespace modlint::testing
