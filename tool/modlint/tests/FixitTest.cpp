// Fix-its through both front-ends: `modlint --fix` and `clang-tidy --fix`
// with the plugin turn each input into its golden `.fixed` file, and the
// result lints clean. Where const would not compile, nothing changes.
#include "Subprocess.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace modlint::testing {
namespace {

const std::string Cases = MODLINT_FIXIT_DIR;
const std::vector<std::string> CompilerArgs{"--", "-std=c++20",
                                            "-I" MODLINT_SOURCE_DIR "/include"};

/// A copy of a case in a fresh directory, so fixing it leaves the original.
std::string copyCase(const std::string &Name) {
  const std::string Path = tempDirectory() + "/" + Name;
  llvm::sys::fs::copy_file(Cases + "/" + Name, Path);
  return Path;
}

std::vector<std::string> with(std::vector<std::string> Args, const std::string &File) {
  Args.push_back(File);
  Args.insert(Args.end(), CompilerArgs.begin(), CompilerArgs.end());
  return Args;
}

RunOutput modlint(std::vector<std::string> Flags, const std::string &File) {
  return run(MODLINT_BINARY, with(std::move(Flags), File));
}

TEST(Fixits, ModlintFixMatchesGoldenAndRelintsClean) {
  const std::string File = copyCase("never_modified.cpp");
  RunOutput Fix = modlint({"--fix", "--quiet"}, File);
  EXPECT_EQ(Fix.ExitCode, 0) << Fix.Stderr;
  EXPECT_EQ(readFile(File), readFile(Cases + "/never_modified.cpp.fixed"));
  RunOutput Again = modlint({"--quiet"}, File);
  EXPECT_EQ(Again.ExitCode, 0) << Again.Stdout << Again.Stderr;
  EXPECT_EQ(Again.Stdout, "");
}

TEST(Fixits, ClangTidyFixWithThePluginMatchesTheSameGolden) {
  const std::string File = copyCase("never_modified.cpp");
  RunOutput Fix = run(MODLINT_CLANG_TIDY,
                      with({"--load=" MODLINT_PLUGIN, "--checks=-*,modlint-*",
                            "--fix", "--quiet"},
                           File));
  EXPECT_EQ(Fix.ExitCode, 0) << Fix.Stdout << Fix.Stderr;
  EXPECT_EQ(readFile(File), readFile(Cases + "/never_modified.cpp.fixed"));
}

TEST(Fixits, ExportedFixesAreClangApplyReplacementsYaml) {
  const std::string File = copyCase("never_modified.cpp");
  const std::string Yaml = File + ".fixes.yaml";
  RunOutput Out = modlint({"--export-fixes", Yaml, "--quiet"}, File);
  EXPECT_EQ(Out.ExitCode, 0);
  const std::string Text = readFile(Yaml);
  EXPECT_NE(Text.find("Diagnostics:"), std::string::npos) << Text;
  EXPECT_NE(Text.find("DiagnosticName:  modlint-mutable-member"), std::string::npos);
  EXPECT_EQ(countOccurrences(Text, "ReplacementText: 'const '"), 9u) << Text;
  // Exporting does not touch the source.
  EXPECT_EQ(readFile(File), readFile(Cases + "/never_modified.cpp"));
}

TEST(Fixits, NoFixWhereConstWouldNotCompile) {
  const std::string File = copyCase("no_safe_fix.cpp");
  RunOutput Fix = modlint({"--fix", "--quiet"}, File);
  EXPECT_EQ(Fix.ExitCode, 0) << Fix.Stderr;
  // Where const would compile the note is still given...
  EXPECT_EQ(countOccurrences(Fix.Stdout, "remark: "), 4u) << Fix.Stdout;
  for (const char *Member : {"'first_'", "'second_'", "'outOfLine_'", "'count_'"})
    EXPECT_NE(Fix.Stdout.find(Member), std::string::npos) << Member << "\n" << Fix.Stdout;
  // ...and where it would not (written in the constructor's body, never
  // initialised, mutable), the note would be wrong advice.
  for (const char *Member : {"'hosts_'", "'uninitialised_'", "'cache_'"})
    EXPECT_EQ(Fix.Stdout.find(Member), std::string::npos) << Member << "\n" << Fix.Stdout;
  // ...but none has a fix, so the file is unchanged.
  EXPECT_EQ(readFile(File), readFile(Cases + "/no_safe_fix.cpp"));
}

} // namespace
} // namespace modlint::testing
