// The committed baseline: --write-baseline and `modlint baseline update`
// write the accepted findings in a stable, diff-friendly SARIF log, and a
// run against it fails on new findings only.
#include "Subprocess.h"

#include "gtest/gtest.h"

#include <filesystem>
#include <fstream>

namespace modlint::testing {
namespace {

namespace fs = std::filesystem;

/// A copy of the service tree, free to edit and to write a baseline into.
struct TreeCopy {
  TreeCopy() : Root(tempDirectory() + "/tree") {
    fs::copy(MODLINT_TREE_DIR, Root, fs::copy_options::recursive);
  }
  ~TreeCopy() { fs::remove_all(fs::path(Root).parent_path()); }
  /// Runs modlint in the copy; a subcommand stays the first word.
  RunOutput lint(std::vector<std::string> Args) const {
    Args.insert(Args.end(), {"--color=never", "--no-cache"});
    return runIn(Root, MODLINT_BINARY, Args);
  }
  std::string Root;
};

TEST(BaselineFile, UpdateWritesAStableLogThatTheGateReads) {
  TreeCopy T;
  RunOutput Update = T.lint({"baseline", "update", "-p", ".", "bad"});
  EXPECT_EQ(Update.ExitCode, 0) << Update.Stderr; // the findings are accepted
  const std::string Committed = T.Root + "/.modlint-baseline.sarif";
  ASSERT_TRUE(fs::exists(Committed)) << Update.Stderr;
  EXPECT_NE(Update.Stderr.find("modlint: wrote the baseline " + Committed + ": "), std::string::npos)
      << Update.Stderr;
  // A SARIF 2.1.0 log that --baseline reads (below); not one to upload to
  // code scanning, which wants regions and rules: that is the run's report.
  const std::string First = readFile(Committed);
  EXPECT_NE(First.find("\"version\": \"2.1.0\""), std::string::npos) << First;
  // Diff-friendly: no line numbers, no absolute paths, no tool version.
  EXPECT_EQ(First.find("startLine"), std::string::npos);
  EXPECT_EQ(First.find(T.Root), std::string::npos);
  EXPECT_EQ(First.find(MODLINT_VERSION), std::string::npos);

  // The gate: nothing new against the committed file.
  RunOutput Gate = T.lint({"-p", ".", "bad", "--baseline", ".modlint-baseline.sarif"});
  EXPECT_EQ(Gate.ExitCode, 0) << Gate.Stdout << Gate.Stderr;
  EXPECT_EQ(Gate.Stdout, "");

  // Lines added above every finding: the same baseline, byte for byte.
  for (const char *File : {"bad/sessions.cpp", "include/svc/shared_cache.hpp"}) {
    const std::string Path = T.Root + "/" + File;
    const std::string Text = readFile(Path);
    std::ofstream(Path) << "// a comment\n\n" << Text;
  }
  RunOutput Again = T.lint({"baseline", "update", "-p", ".", "bad"});
  EXPECT_EQ(Again.ExitCode, 0) << Again.Stderr;
  EXPECT_EQ(readFile(Committed), First);
  // The update compares with the file it replaces.
  EXPECT_NE(Again.Stderr.find("against the baseline: 0 new, "), std::string::npos) << Again.Stderr;

  // A new race fails the gate, and only it is shown.
  const std::string Sessions = T.Root + "/bad/sessions.cpp";
  std::ofstream(Sessions, std::ios::app)
      << "struct Late : svc::Handler { int n_ = 0; void f() { ++n_; } };\n";
  RunOutput Red = T.lint({"-p", ".", "bad", "--baseline", ".modlint-baseline.sarif"});
  EXPECT_EQ(Red.ExitCode, 1) << Red.Stderr;
  EXPECT_NE(Red.Stdout.find("'++' on 'n_'"), std::string::npos) << Red.Stdout;
  EXPECT_EQ(Red.Stdout.find("currentUser_"), std::string::npos) << Red.Stdout;
}

TEST(BaselineFile, WriteBaselineNamesAnyFileAndBaselineTakesOnlyUpdate) {
  TreeCopy T;
  RunOutput Out = T.lint({"-p", ".", "bad", "--write-baseline", "accepted.sarif", "--quiet"});
  EXPECT_EQ(Out.ExitCode, 0) << Out.Stderr;
  EXPECT_TRUE(fs::exists(T.Root + "/accepted.sarif"));
  RunOutput Wrong = T.lint({"baseline", "show"});
  EXPECT_EQ(Wrong.ExitCode, 2);
  EXPECT_NE(Wrong.Stderr.find("'modlint baseline' takes 'update'"), std::string::npos);
  // Not over an input of the run.
  RunOutput OverSource = T.lint({"-p", ".", "bad", "--write-baseline", "bad/sessions.cpp"});
  EXPECT_EQ(OverSource.ExitCode, 2);
}

} // namespace
} // namespace modlint::testing
