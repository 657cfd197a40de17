// The modlint command as a user runs it: database forms, PATH selection,
// exit codes, check selection, options, and one report per finding.
#include "Expectations.h"
#include "Subprocess.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"

#include <algorithm>
#include <filesystem>

namespace modlint::testing {
namespace {

const std::string Example = MODLINT_SOURCE_DIR "/examples/chat";

RunOutput modlint(std::vector<std::string> Args) {
  Args.insert(Args.begin(), "--color=never");
  return run(MODLINT_BINARY, Args);
}

TEST(Cli, ExampleTreeHasFindingsAndExitsOne) {
  RunOutput Out = modlint({"-p", Example, "--project-root=" + Example});
  EXPECT_EQ(Out.ExitCode, 1) << Out.Stderr;
  EXPECT_NE(Out.Stdout.find("[modlint-nonatomic-update]"), std::string::npos);
  EXPECT_NE(Out.Stdout.find("'++' on 'messageCounter_'"), std::string::npos);
  // Standard error holds only the summary (no progress line off a terminal).
  EXPECT_EQ(Out.Stderr.rfind("modlint: 2 files linted in ", 0), 0u) << Out.Stderr;
  EXPECT_NE(Out.Stderr.find("8 warnings on 4 members (modlint-container-mutation: 1, "
                            "modlint-field-assignment: 2, "
                            "modlint-mutable-member: 4, "
                            "modlint-nonatomic-update: 1), 0 suggestions"),
            std::string::npos)
      << Out.Stderr;
  EXPECT_EQ(std::count(Out.Stderr.begin(), Out.Stderr.end(), '\n'), 1);
}

TEST(Cli, HeaderIncludedByTwoUnitsIsReportedOnce) {
  RunOutput Out = modlint({"-p", Example, "--project-root=" + Example});
  EXPECT_EQ(countOccurrences(Out.Stdout, "warning: assignment to 'lastRoom_'"), 1u)
      << Out.Stdout;
  EXPECT_EQ(countOccurrences(Out.Stdout, "warning: 'lastRoom_' is mutable state"), 1u);
}

TEST(Cli, PathArgumentsSelectUnitsAndHeadersOutsideTheRootAreDropped) {
  // Only the good unit, with the project root on its src/ directory: the
  // header's finding (under include/) is outside the root.
  RunOutput Out = modlint({"-p", Example + "/compile_commands.json",
                           "--project-root=" + Example + "/src",
                           Example + "/src/presence_module.cpp"});
  EXPECT_EQ(Out.ExitCode, 0) << Out.Stdout << Out.Stderr;
  EXPECT_EQ(Out.Stdout, "");
}

TEST(Cli, ChecksGlobSelectsChecks) {
  RunOutput Out = modlint({"-p", Example, "--project-root=" + Example,
                           "--checks=-*,modlint-container-mutation"});
  EXPECT_EQ(Out.ExitCode, 1);
  auto Findings = parseFindings(Out.Stdout);
  ASSERT_FALSE(Findings.empty());
  for (const Finding &F : Findings)
    EXPECT_EQ(F.Check, "modlint-container-mutation") << F.str();
}

TEST(Cli, ListChecks) {
  RunOutput Out = modlint({"--list-checks", "--checks=modlint-*,-modlint-mutable-member"});
  EXPECT_EQ(Out.ExitCode, 0);
  EXPECT_EQ(Out.Stdout, "modlint-blocking-under-lock\nmodlint-callback-under-lock\n"
                        "modlint-check-then-act\n"
                        "modlint-container-mutation\nmodlint-escaping-reference\n"
                        "modlint-field-assignment\nmodlint-global-state\n"
                        "modlint-lock-across-await\n"
                        "modlint-lock-order\nmodlint-nonatomic-update\n");
}

// clang-tidy's one-dash spellings, as CI jobs copied from it write them:
// the same run as the two-dash flags, never the help and exit 0.
TEST(Cli, ClangTidysOneDashLongOptionsWork) {
  const std::string File = writeTempFile(
      "cpp", "#include <modrt/module.hpp>\n"
             "class C : public modrt::Module { int n_ = 0; public: void f() { ++n_; } };\n");
  const std::string Include = "-I" MODLINT_SOURCE_DIR "/include";
  RunOutput Two = modlint({"--checks=-*,modlint-nonatomic-update", "--header-filter=.*",
                           "--quiet", File, "--", "-std=c++20", Include});
  RunOutput One = modlint({"-checks=-*,modlint-nonatomic-update", "-header-filter=.*",
                           "-quiet", File, "--", "-std=c++20", Include});
  EXPECT_EQ(Two.ExitCode, 1) << Two.Stderr;
  EXPECT_EQ(One.ExitCode, 1) << One.Stderr;
  EXPECT_EQ(One.Stdout, Two.Stdout);
  EXPECT_EQ(countOccurrences(One.Stdout, "[modlint-nonatomic-update]"), 1u);
  RunOutput Typo = modlint({"-header-filtr=.*", File, "--", "-std=c++20"});
  EXPECT_EQ(Typo.ExitCode, 2);
  EXPECT_NE(Typo.Stderr.find("modlint: error: unknown option '-header-filtr=.*'; modlint's "
                             "long options take two dashes"),
            std::string::npos)
      << Typo.Stderr;
  // `-p=DIR`: the short option with clang-tidy's `=`.
  RunOutput Build = modlint({"-p=/nonexistent-build-dir", "--quiet"});
  EXPECT_EQ(Build.ExitCode, 2);
  EXPECT_NE(Build.Stderr.find("/nonexistent-build-dir"), std::string::npos) << Build.Stderr;
  llvm::sys::fs::remove(File);
}

// The parser's mistakes are said in modlint's words, and a choice is a
// name, never a number that happens to convert.
TEST(Cli, FlagErrorsAreModlintsSentences) {
  auto Error = [](std::vector<std::string> Args) {
    RunOutput Out = modlint(Args);
    EXPECT_EQ(Out.ExitCode, 2) << Out.Stderr;
    return Out.Stderr.substr(0, Out.Stderr.find('\n'));
  };
  EXPECT_EQ(Error({"--color=sometimes", "x.cpp", "--"}),
            "modlint: error: --color: 'sometimes' is not one of auto, always, never");
  EXPECT_EQ(Error({"--format", "2", "x.cpp", "--"}),
            "modlint: error: --format: '2' is not one of text, json, sarif, github");
  EXPECT_EQ(Error({"--fail-on=note", "x.cpp", "--"}),
            "modlint: error: --fail-on: 'note' is not one of error, warning, suggestion, none");
  EXPECT_EQ(Error({"x.cpp", "--format"}), "modlint: error: --format needs a value");
  EXPECT_EQ(Error({"--global-state-scope=some", "x.cpp", "--"}),
            "modlint: error: --global-state-scope: GlobalStateScope is one of all, modules, "
            "not 'some'");
  EXPECT_EQ(Error({"--config-file", "/nonexistent.yaml", "x.cpp", "--"}),
            "modlint: error: --config-file: no such file '/nonexistent.yaml'");
  // A modlint flag among the compiler's arguments would be passed to clang.
  EXPECT_EQ(Error({"x.cpp", "--", "-std=c++20", "--checks=modlint-*"}),
            "modlint: error: '--checks=modlint-*' is one of modlint's flags, given after "
            "'--' where the compiler's arguments go; put it before '--'");
}

TEST(Cli, HelpNamesTheDocumentationThatExists) {
  RunOutput Out = modlint({"--help"});
  EXPECT_EQ(Out.ExitCode, 0);
  const size_t At = Out.Stdout.find("Documentation: ");
  ASSERT_NE(At, std::string::npos) << Out.Stdout;
  const std::string Place =
      Out.Stdout.substr(At + 15, Out.Stdout.find('\n', At) - At - 15);
  EXPECT_TRUE(llvm::sys::fs::is_regular_file(Place)) << Place;
}

// A checks setting that enables nothing would lint nothing and pass CI.
TEST(Cli, ChecksThatEnableNothingAreRefused) {
  const std::string File = writeTempFile("cpp", "int f() { return 1; }\n");
  RunOutput Out = modlint({"--checks=-*,modlint-nosuch", File, "--", "-std=c++20"});
  EXPECT_EQ(Out.ExitCode, 2);
  EXPECT_NE(Out.Stderr.find("modlint: error: the checks '-*,modlint-nosuch' enable none of "
                            "modlint's checks, so nothing would be linted; the checks are:"),
            std::string::npos)
      << Out.Stderr;
  EXPECT_NE(Out.Stderr.find("\n  modlint-nonatomic-update"), std::string::npos) << Out.Stderr;
  RunOutput One = modlint({"--checks=-*,modlint-global-state", File, "--", "-std=c++20"});
  EXPECT_EQ(One.ExitCode, 0) << One.Stderr;
  llvm::sys::fs::remove(File);
}

TEST(Cli, FixedArgumentsFormAndModuleBaseFlag) {
  const std::string File = writeTempFile(
      "cpp", "namespace app { struct Handler {}; }\n"
             "struct H : app::Handler { int n = 0; void f() { ++n; } };\n");
  RunOutput Default = modlint({File, "--", "-std=c++20"});
  EXPECT_EQ(Default.ExitCode, 0) << Default.Stdout << Default.Stderr;
  RunOutput Configured =
      modlint({"--module-base", "app::Handler", File, "--", "-std=c++20"});
  EXPECT_EQ(Configured.ExitCode, 1) << Configured.Stderr;
  EXPECT_EQ(countOccurrences(Configured.Stdout, "[modlint-nonatomic-update]"), 1u);
  llvm::sys::fs::remove(File);
}

TEST(Cli, NotesDoNotFailTheRun) {
  const std::string File = writeTempFile(
      "cpp", "#include <modrt/module.hpp>\n"
             "class C : public modrt::Module { int n_ = 1; public: int g() "
             "const { return n_; } };\n");
  RunOutput Out = modlint({File, "--", "-std=c++20", "-I" MODLINT_SOURCE_DIR "/include"});
  EXPECT_EQ(Out.ExitCode, 0);
  EXPECT_NE(Out.Stdout.find("remark: 'n_' of shared module 'C' is never modified"),
            std::string::npos)
      << Out.Stdout;
  llvm::sys::fs::remove(File);
}

TEST(Cli, InputErrorsExitTwoWithAMessage) {
  const std::string BadJson = writeTempFile("json", "{not json");
  const std::string Empty = writeTempFile("json", "[]");
  const std::string Broken = writeTempFile("cpp", "int f() { return nope; }\n");
  struct Case {
    std::vector<std::string> Args;
    std::string Message;
  } Cases[] = {
      {{"-p", "/nonexistent/build"}, "cannot read compilation database"},
      {{"-p", BadJson}, "is not valid JSON"},
      {{"-p", Empty}, "has no entries"},
      {{"-p", Example, "/nonexistent/path"}, "no such file or directory"},
      {{"-p", Example, MODLINT_SOURCE_DIR "/docs"}, "no compilation database entry"},
      {{"--no-such-flag"}, "unexpected argument '--no-such-flag'"},
      {{"--color=sometimes", "x.cpp", "--"}, "color"},
      {{}, "no compilation database"},
      {{Broken, "--", "-std=c++20"}, "use of undeclared identifier 'nope'"},
  };
  for (const Case &C : Cases) {
    RunOutput Out = modlint(C.Args);
    EXPECT_EQ(Out.ExitCode, 2) << C.Message;
    EXPECT_NE((Out.Stderr + Out.Stdout).find(C.Message), std::string::npos)
        << "expected '" << C.Message << "' in:\n" << Out.Stderr << Out.Stdout;
  }
  for (const std::string &F : {BadJson, Empty, Broken})
    llvm::sys::fs::remove(F);
}

TEST(Cli, RepositoryRuntimeTreeHasExactlyTheBadExamplesFindings) {
  // The repository's own build, linted with defaults, as a team would:
  // the runtime, its tests and the good patterns are clean; the
  // anti-patterns have exactly the findings written in them.
  RunOutput Out = run(MODLINT_BINARY,
                      {"--color=never", "--quiet", "--project-root=" MODLINT_SOURCE_DIR,
                       "-p", MODLINT_BUILD_DIR, MODLINT_SOURCE_DIR "/include/modrt"});
  EXPECT_EQ(Out.ExitCode, 1) << Out.Stderr;
  // The anti-patterns' headers, each with its expected findings.
  std::vector<Expectation> Expected;
  for (const char *Name : {"bad_modules.hpp", "bad_locking_modules.hpp", "quote_modules.hpp"}) {
    const std::string Bad = MODLINT_SOURCE_DIR "/include/modrt/examples/" + std::string(Name);
    std::vector<std::string> Problems;
    auto InFile = parseExpectations(Bad, readFile(Bad), Problems);
    ASSERT_TRUE(Problems.empty()) << Bad;
    ASSERT_FALSE(InFile.empty()) << Bad;
    Expected.insert(Expected.end(), InFile.begin(), InFile.end());
  }
  std::vector<Finding> Found = parseFindings(Out.Stdout);
  // Shown relative to the working directory when under it.
  for (Finding &F : Found)
    F.File = std::filesystem::absolute(F.File).lexically_normal().string();
  for (const std::string &Problem : compare(Expected, Found))
    ADD_FAILURE() << Problem;
}

TEST(Cli, VersionNamesToolAndLlvm) {
  RunOutput Out = run(MODLINT_BINARY, {"--version"});
  EXPECT_EQ(Out.ExitCode, 0);
  EXPECT_NE(Out.Stdout.find("modlint "), std::string::npos);
  EXPECT_NE(Out.Stdout.find("LLVM 19"), std::string::npos);
}

} // namespace
} // namespace modlint::testing

namespace modlint::testing {
namespace {

// --profile: every enabled check's time from clang-tidy's profiling, with
// its share, whatever the cache holds (it implies --no-cache).
TEST(Cli, ProfileTimesEveryCheckOfTheRun) {
  const std::string Cache = tempDirectory();
  ASSERT_EQ(modlint({"-p", Example, "--project-root=" + Example, "--cache-dir", Cache}).ExitCode,
            1);
  RunOutput Out = modlint({"-p", Example, "--project-root=" + Example, "--cache-dir", Cache,
                           "--profile", "-j", "1", "--no-shared-prefix"});
  EXPECT_EQ(Out.ExitCode, 1);
  EXPECT_NE(Out.Stderr.find("modlint: profile: each check's own time (its matchers and "
                            "callbacks) over 2 parses, and its share of the workers' "),
            std::string::npos)
      << Out.Stderr;
  for (const char *Check : {"modlint-mutable-member", "modlint-nonatomic-update",
                            "modlint-lock-order", "all checks", "parsing, and the rest"})
    EXPECT_NE(Out.Stderr.find(std::string("\n  ") + Check + " "), std::string::npos) << Check;
}

} // namespace
} // namespace modlint::testing
