// modlint over a multi-directory tree with its own database and config
// files at two levels (tests/trees/service).
#include "Expectations.h"
#include "Subprocess.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <fstream>

namespace modlint::testing {
namespace {

const std::string Tree = MODLINT_TREE_DIR;

/// Runs modlint with the tree as working directory, as a user would.
RunOutput inTree(std::vector<std::string> Args) {
  Args.insert(Args.begin(), "--color=never");
  return runIn(Tree, MODLINT_BINARY, Args);
}

TEST(Tree, GoodDirectoryIsCleanWithOnlyTheSummary) {
  RunOutput Out = inTree({"-p", ".", "good"});
  EXPECT_EQ(Out.ExitCode, 0);
  EXPECT_EQ(Out.Stdout, "");
  EXPECT_EQ(Out.Stderr.rfind("modlint: 2 files linted in ", 0), 0u) << Out.Stderr;
  EXPECT_NE(Out.Stderr.find(": 0 warnings, 0 suggestions\n"), std::string::npos);
}

TEST(Tree, BadDirectoryFailsAndSharedHeaderFindingsAppearOnce) {
  RunOutput Out = inTree({"-p", ".", "bad"});
  EXPECT_EQ(Out.ExitCode, 1) << Out.Stderr;
  auto Findings = parseFindings(Out.Stdout);
  size_t InHeader = 0;
  for (const Finding &F : Findings)
    if (F.File == "include/svc/shared_cache.hpp")
      ++InHeader;
  // entries_: the member, and the operator[] insertion (one finding with
  // the assignment through it).
  EXPECT_EQ(InHeader, 2u) << Out.Stdout;
  EXPECT_EQ(countOccurrences(Out.Stdout, "'operator[]' mutates container 'entries_'"), 1u);
}

TEST(Tree, ConfigFilesAtTwoLevels) {
  // bad/legacy inherits the base and adds Strict: the locked write counts.
  RunOutput Legacy = inTree({"-p", ".", "bad/legacy"});
  EXPECT_EQ(Legacy.ExitCode, 1);
  EXPECT_NE(Legacy.Stdout.find("Strict mode allows no mutable instance state"),
            std::string::npos);
  EXPECT_EQ(countOccurrences(Legacy.Stdout, "[modlint-nonatomic-update]"), 1u);
  // --no-strict on the command line overrides the file.
  RunOutput Relaxed = inTree({"-p", ".", "--no-strict", "bad/legacy"});
  EXPECT_EQ(Relaxed.ExitCode, 0) << Relaxed.Stdout;
  // other/ has its own base and does not inherit svc::Handler.
  RunOutput Other = inTree({"-p", ".", "other"});
  EXPECT_EQ(Other.ExitCode, 1);
  EXPECT_EQ(Other.Stdout.find("NotAModuleHere"), std::string::npos);
  EXPECT_NE(Other.Stdout.find("shared module 'Job'"), std::string::npos);
}

TEST(Tree, DistinctCommandsForOneFileAreMergedAndDuplicatesRunOnce) {
  RunOutput Out = inTree({"-p", ".", "bad/stats.cpp", "bad/sessions.cpp"});
  // sessions.cpp's two identical entries are one unit; stats.cpp's are two.
  EXPECT_EQ(Out.Stderr.rfind("modlint: 2 files (3 units) linted in ", 0), 0u)
      << Out.Stderr;
  // -DVARIANT compiles `hits_ += 2`, the other command `++hits_`.
  EXPECT_EQ(countOccurrences(Out.Stdout, "warning: '+=' on 'hits_'"), 1u) << Out.Stdout;
  EXPECT_EQ(countOccurrences(Out.Stdout, "warning: '++' on 'hits_'"), 1u);
  EXPECT_EQ(countOccurrences(Out.Stdout, "warning: assignment to 'currentUser_'"), 1u);
}

TEST(Tree, ResultsAreTheSameForAnyNumberOfJobs) {
  for (const char *Format : {"text", "json"}) {
    RunOutput One = inTree({"-p", ".", "-j", "1", "--format", Format, "-q"});
    RunOutput Four = inTree({"-p", ".", "-j", "4", "--format", Format, "-q"});
    EXPECT_EQ(One.ExitCode, 1);
    EXPECT_EQ(Four.ExitCode, 1);
    EXPECT_FALSE(One.Stdout.empty());
    EXPECT_EQ(One.Stdout, Four.Stdout) << Format;
  }
}

TEST(Tree, JsonListsEveryFindingWithPositionsRelativeToTheRoot) {
  RunOutput Out = inTree({"-p", ".", "bad", "--format=json", "-q"});
  EXPECT_EQ(Out.ExitCode, 1);
  auto Parsed = llvm::json::parse(Out.Stdout);
  ASSERT_TRUE(static_cast<bool>(Parsed)) << llvm::toString(Parsed.takeError());
  const llvm::json::Object *Root = Parsed->getAsObject();
  ASSERT_NE(Root, nullptr);
  EXPECT_EQ(Root->getInteger("version"), 1);
  const llvm::json::Array *Findings = Root->getArray("findings");
  ASSERT_NE(Findings, nullptr);
  EXPECT_EQ(Findings->size(), parseFindings(inTree({"-p", ".", "bad", "-q"}).Stdout).size());
  bool SawSessions = false;
  for (const llvm::json::Value &V : *Findings) {
    const llvm::json::Object *F = V.getAsObject();
    ASSERT_NE(F, nullptr);
    for (const char *Key : {"check", "level", "message", "file"})
      EXPECT_TRUE(F->getString(Key).has_value()) << Key;
    for (const char *Key : {"line", "column", "endLine", "endColumn"})
      EXPECT_GT(F->getInteger(Key).value_or(0), 0) << Key;
    EXPECT_NE(F->getArray("notes"), nullptr);
    EXPECT_NE(F->getArray("fixes"), nullptr);
    EXPECT_FALSE(llvm::StringRef(*F->getString("file")).starts_with("/"));
    if (*F->getString("file") == "bad/sessions.cpp" &&
        *F->getString("check") == "modlint-field-assignment") {
      SawSessions = true;
      EXPECT_EQ(F->getInteger("line"), 9);
      EXPECT_EQ(F->getInteger("column"), 41);
      EXPECT_EQ(F->getInteger("endLine"), 9);
      // One past the last character, as in SARIF.
      EXPECT_EQ(F->getInteger("endColumn"), 60);
      const llvm::json::Object *Note = (*F->getArray("notes"))[0].getAsObject();
      EXPECT_EQ(Note->getString("message"), "'currentUser_' is declared here");
      EXPECT_EQ(Note->getInteger("line"), 6);
    }
  }
  EXPECT_TRUE(SawSessions);
  const llvm::json::Object *Summary = Root->getObject("summary");
  ASSERT_NE(Summary, nullptr);
  EXPECT_EQ(Summary->getInteger("units"), 3);
}

TEST(Tree, OutputFileAndQuiet) {
  const std::string Report = tempFilePath("json");
  RunOutput Out = inTree({"-p", ".", "bad", "--format", "json", "-o", Report, "--quiet"});
  EXPECT_EQ(Out.ExitCode, 1);
  EXPECT_EQ(Out.Stdout, "");
  EXPECT_EQ(Out.Stderr, "");
  EXPECT_TRUE(static_cast<bool>(llvm::json::parse(readFile(Report))));
  llvm::sys::fs::remove(Report);
  // An output that cannot be written is refused before anything is
  // linted, not after a long run: no summary, one line with the reason.
  for (const std::vector<std::string> &Flags :
       {std::vector<std::string>{"-o", "/nonexistent/dir/r.txt"},
        {"--export-fixes", "/nonexistent/dir/fixes.yaml"},
        {"-o", "include"}}) {
    std::vector<std::string> Args{"-p", ".", "bad"};
    Args.insert(Args.end(), Flags.begin(), Flags.end());
    RunOutput Unwritable = inTree(Args);
    EXPECT_EQ(Unwritable.ExitCode, 2) << Flags.back();
    EXPECT_EQ(Unwritable.Stderr.rfind("modlint: error: cannot write '" + Flags.back() + "': ", 0),
              0u)
        << Unwritable.Stderr;
    EXPECT_EQ(std::count(Unwritable.Stderr.begin(), Unwritable.Stderr.end(), '\n'), 1)
        << Unwritable.Stderr;
    EXPECT_EQ(Unwritable.Stdout, "");
  }
}

TEST(Tree, DumpConfigShowsTheMergedConfiguration) {
  RunOutput Out = inTree({"--dump-config", "bad/legacy/locked.cpp"});
  EXPECT_EQ(Out.ExitCode, 0);
  EXPECT_NE(Out.Stdout.find("# from " + Tree + "/.modlint.yaml"), std::string::npos);
  EXPECT_NE(Out.Stdout.find("# from " + Tree + "/bad/legacy/.modlint.yaml"),
            std::string::npos);
  EXPECT_NE(Out.Stdout.find("'svc::Handler'"), std::string::npos) << Out.Stdout;
  EXPECT_NE(Out.Stdout.find("Strict:          true"), std::string::npos);
}

TEST(Tree, BadConfigFileIsAnInputError) {
  const std::string Config =
      writeTempFile("yaml", "ModuleBases: [svc::Handler]\nStrictMode: true\n");
  RunOutput Out = inTree({"-p", ".", "--config-file", Config, "good"});
  EXPECT_EQ(Out.ExitCode, 2);
  EXPECT_NE(Out.Stderr.find(Config + ":2:1: unknown key 'StrictMode'"),
            std::string::npos)
      << Out.Stderr;
  RunOutput BadRegex = inTree({"-p", ".", "--header-filter", "([", "good"});
  EXPECT_EQ(BadRegex.ExitCode, 2);
  EXPECT_NE(BadRegex.Stderr.find("invalid HeaderFilter"), std::string::npos);
  llvm::sys::fs::remove(Config);
}

TEST(Tree, HeaderFilterChoosesReportedHeaders) {
  RunOutput None = inTree({"-p", ".", "bad/stats.cpp", "--header-filter", "^$"});
  EXPECT_EQ(None.Stdout.find("shared_cache.hpp"), std::string::npos);
  RunOutput Some = inTree({"-p", ".", "bad/stats.cpp", "--header-filter", ".*/svc/.*"});
  EXPECT_NE(Some.Stdout.find("shared_cache.hpp"), std::string::npos);
}

/// Runs a shell command in the tree on a pseudo-terminal (util-linux
/// `script`), where modlint shows progress and colours. Standard output and
/// error both arrive in the captured text.
std::string onTerminal(const std::string &Command) {
  RunOutput Out = run("/usr/bin/script",
                      {"-qec", "cd '" + Tree + "' && " + Command, "/dev/null"});
  return Out.Stdout;
}

TEST(Tree, TerminalGetsProgressAndColoursUnlessAskedNot) {
  const std::string Modlint = std::string(MODLINT_BINARY) + " -p . -j 1 bad";
  const std::string Plain = onTerminal(Modlint);
  EXPECT_NE(Plain.find("\r[1/4] "), std::string::npos) << Plain; // 3 files, 4 units
  EXPECT_NE(Plain.find("\r\x1b[K"), std::string::npos); // the line is erased
  EXPECT_NE(Plain.find("\x1b[0m"), std::string::npos);   // coloured findings
  EXPECT_NE(Plain.find("modlint: 3 files (4 units) linted"), std::string::npos);

  const std::string NoColor = onTerminal("NO_COLOR=1 " + Modlint);
  EXPECT_EQ(NoColor.find("\x1b[0m"), std::string::npos) << NoColor;
  EXPECT_NE(NoColor.find("warning: "), std::string::npos);

  const std::string Quiet = onTerminal(Modlint + " --quiet");
  EXPECT_EQ(Quiet.find("[1/4]"), std::string::npos) << Quiet;
  EXPECT_EQ(Quiet.find("files linted"), std::string::npos);
}

// On a 40-column terminal every progress line fits in 39 columns (a full
// last column would wrap and leave a stale line behind), the file's name
// cut from the left.
TEST(Tree, ProgressLineFitsANarrowTerminal) {
  const std::string Long = tempDirectory() + "/a-directory-with-a-rather-long-name";
  llvm::sys::fs::create_directories(Long);
  const std::string File = Long + "/handler_with_a_long_name.cpp";
  std::ofstream(File) << "int f() { return 1; }\n";
  const std::string Out = onTerminal("stty cols 40; " + std::string(MODLINT_BINARY) +
                                     " --no-cache " + File + " -- -std=c++20");
  size_t Lines = 0;
  for (size_t At = Out.find("\r["); At != std::string::npos; At = Out.find("\r[", At + 1)) {
    const size_t End = Out.find("\x1b[K", At);
    ASSERT_NE(End, std::string::npos) << Out;
    const std::string Line = Out.substr(At + 1, End - At - 1);
    EXPECT_LE(Line.size(), 39u) << Line;
    EXPECT_EQ(Line.rfind("[1/1] ...", 0), 0u) << Line;
    EXPECT_EQ(Line.substr(Line.size() - 28), "handler_with_a_long_name.cpp") << Line;
    ++Lines;
  }
  EXPECT_EQ(Lines, 1u) << Out;
  llvm::sys::fs::remove_directories(llvm::sys::path::parent_path(Long));
}

/// Findings in `Out`, each as one string, in the order printed.
std::vector<std::string> findingOrder(const std::string &Out) {
  std::vector<std::string> Order;
  for (const Finding &F : parseFindings(Out))
    Order.push_back(F.str());
  return Order;
}

// Text findings are shown as each unit finishes (in the database's order),
// the progress line erased before them and drawn again after; --sort keeps
// them until the end, sorted by file. Both show the same findings.
TEST(Tree, FindingsStreamAsUnitsFinishUnlessSorted) {
  const std::string Modlint = std::string(MODLINT_BINARY) + " --no-cache -p . -j 1 bad";
  const std::string Streamed = onTerminal(Modlint);
  // Units: bad/legacy/locked.cpp, bad/sessions.cpp, bad/stats.cpp twice.
  const size_t Second = Streamed.find("\r[2/4] bad/sessions.cpp");
  const size_t Third = Streamed.find("\r[3/4] bad/stats.cpp");
  const size_t Sessions = Streamed.find("bad/sessions.cpp:9:");
  const size_t Stats = Streamed.find("bad/stats.cpp:");
  ASSERT_NE(Third, std::string::npos) << Streamed;
  EXPECT_LT(Streamed.find("bad/legacy/locked.cpp:"), Second) << Streamed;
  EXPECT_LT(Sessions, Second) << Streamed;
  EXPECT_GT(Stats, Second) << Streamed;
  EXPECT_LT(Stats, Third) << Streamed;
  // The progress line is erased before a unit's findings, never cut by them.
  EXPECT_EQ(Streamed.rfind("\r\x1b[K", Sessions), Streamed.rfind("\x1b[K", Sessions) - 1);

  const std::string Sorted = onTerminal(Modlint + " --sort");
  EXPECT_GT(Sorted.find("bad/legacy/locked.cpp:"), Sorted.find("\r[4/4] ")) << Sorted;

  // Off a terminal: the same findings; streamed, the shared header's come
  // with the first unit that includes it, sorted, after every source file's.
  const RunOutput Plain = inTree({"--no-cache", "-p", ".", "-j", "2", "bad"});
  const RunOutput InOrder = inTree({"--no-cache", "-p", ".", "bad", "--sort"});
  std::vector<std::string> A = findingOrder(Plain.Stdout), B = findingOrder(InOrder.Stdout);
  EXPECT_LT(Plain.Stdout.find("shared_cache.hpp:"), Plain.Stdout.find("bad/stats.cpp:"));
  EXPECT_GT(InOrder.Stdout.find("shared_cache.hpp:"), InOrder.Stdout.find("bad/stats.cpp:"));
  EXPECT_NE(A, B);
  llvm::sort(A);
  llvm::sort(B);
  EXPECT_EQ(A, B);
  EXPECT_EQ(Plain.ExitCode, InOrder.ExitCode);

  // Against a baseline holding them all, the stream shows none.
  const std::string Baseline = tempDirectory() + "/bad.sarif";
  ASSERT_EQ(inTree({"-p", ".", "bad", "--format", "sarif", "-o", Baseline}).ExitCode, 1);
  const RunOutput Known = inTree({"-p", ".", "bad", "--baseline", Baseline});
  EXPECT_EQ(Known.ExitCode, 0) << Known.Stdout;
  EXPECT_EQ(Known.Stdout, "");
}

TEST(Tree, ExplainPrintsTheRule) {
  RunOutput Out = run(MODLINT_BINARY, {"explain", "modlint-container-mutation"});
  EXPECT_EQ(Out.ExitCode, 0);
  EXPECT_EQ(Out.Stdout.rfind("modlint-container-mutation (warning)\n", 0), 0u);
  EXPECT_NE(Out.Stdout.find("Why it hurts:"), std::string::npos);
  EXPECT_NE(Out.Stdout.find("    class TrackerModule"), std::string::npos);
  RunOutput Unknown = run(MODLINT_BINARY, {"explain", "modlint-nothing"});
  EXPECT_EQ(Unknown.ExitCode, 2);
  EXPECT_NE(Unknown.Stderr.find("modlint-field-assignment"), std::string::npos);
}

} // namespace
} // namespace modlint::testing

namespace modlint::testing {
namespace {

/// The same run from the tree's top, from a subdirectory and from outside
/// the tree: the root is found (the top's .modlint.yaml), so the shared
/// header's findings, the paths and the fingerprints are the same.
TEST(Tree, SameReportFromAnyWorkingDirectory) {
  const std::string Outside = tempDirectory();
  const std::vector<std::pair<std::string, std::vector<std::string>>> Runs{
      {Tree, {"-p", ".", "bad"}},
      {Tree + "/bad", {"-p", "..", "."}},
      {Outside, {"-p", Tree, Tree + "/bad"}}};
  std::optional<llvm::json::Value> First;
  for (const auto &[Directory, Args] : Runs) {
    std::vector<std::string> Full{"--no-cache", "--format=json"};
    Full.insert(Full.end(), Args.begin(), Args.end());
    RunOutput Out = runIn(Directory, MODLINT_BINARY, Full);
    EXPECT_EQ(Out.ExitCode, 1) << Directory << "\n" << Out.Stderr;
    auto Parsed = llvm::json::parse(Out.Stdout);
    ASSERT_TRUE(static_cast<bool>(Parsed)) << Directory;
    const llvm::json::Array *Findings = Parsed->getAsObject()->getArray("findings");
    ASSERT_NE(Findings, nullptr);
    EXPECT_NE(Out.Stdout.find("\"include/svc/shared_cache.hpp\""), std::string::npos) << Directory;
    if (!First)
      First = llvm::json::Value(llvm::json::Array(*Findings));
    else
      EXPECT_EQ(llvm::json::Value(llvm::json::Array(*Findings)), *First) << Directory;
  }
  llvm::sys::fs::remove_directories(Outside);
}

} // namespace
} // namespace modlint::testing
