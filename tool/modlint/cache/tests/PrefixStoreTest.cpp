// Kept prefixes on their own: a kept prefix is found again, with its
// findings and inputs, only while every file it read is unchanged and
// only under the same name; the store stays bounded, cleans up after runs
// that ended abruptly, and an entry that does not prove itself is a miss.
#include "cache/CacheDirectory.h"
#include "cache/PrefixStore.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"

#include <filesystem>
#include <fstream>

namespace modlint {
namespace {

namespace fs = std::filesystem;

struct Store : ::testing::Test {
  std::string Cache, Header;
  LintJob Build;
  InputFacts Facts;

  void SetUp() override {
    llvm::SmallString<128> Dir;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("modlint-prefix-store-test", Dir));
    Cache = std::string(Dir) + "/cache";
    ASSERT_FALSE(static_cast<bool>(prepareCacheDirectory(Cache)));
    Header = std::string(Dir) + "/lib.hpp";
    std::ofstream(Header) << "#pragma once\nint lib();\n";
    Build.File = std::string(Dir) + "/.modlint-kept-prefix.hpp";
    Build.ProjectRoot = std::string(Dir);
    Build.Command = clang::tooling::CompileCommand(std::string(Dir), Build.File,
                                                   {"clang++", "-x", "c++-header", Build.File},
                                                   "");
  }

  /// A finding at the start of `File`.
  UnitFindings findingIn(const std::string &File) const {
    UnitFindings Found;
    clang::tidy::ClangTidyError E("modlint-mutable-member", clang::tooling::Diagnostic::Warning,
                                  "/build", /*IsWarningAsError=*/false);
    E.Message = clang::tooling::DiagnosticMessage("'n_' is mutable state");
    E.Message.FilePath = File;
    Found.Diagnostics.push_back(E);
    return Found;
  }

  /// Precompiles (pretends to) and keeps a prefix of `Text`.
  std::string keepOne(PrefixStore &Store, const std::string &Text, const UnitFindings &Found) {
    const std::string File = Store.newFile(Build, Text);
    EXPECT_FALSE(File.empty());
    std::ofstream(File) << "precompiled " << Text;
    return Store.keep(Build, Text, File, Found, {Header});
  }

  size_t filesEndingWith(const std::string &Extension) const {
    size_t Count = 0;
    for (const auto &Entry : fs::directory_iterator(Cache + "/prefixes"))
      Count += Entry.path().extension() == Extension;
    return Count;
  }
};

TEST_F(Store, FindsAKeptPrefixWhileItsInputsAreUnchanged) {
  InputFacts WriterFacts, ReaderFacts, LaterFacts;
  PrefixStore Writer(Cache, WriterFacts);
  EXPECT_FALSE(Writer.lookup(Build, "#include <lib.hpp>\n"));
  const std::string File = Writer.newFile(Build, "#include <lib.hpp>\n");
  EXPECT_EQ(fs::path(File).parent_path(), fs::path(Cache + "/prefixes"));
  std::ofstream(File) << "precompiled";
  const std::string Pch = Writer.keep(Build, "#include <lib.hpp>\n", File, findingIn(Header), {Header});
  EXPECT_NE(Pch, File);
  EXPECT_FALSE(fs::exists(File));
  EXPECT_TRUE(fs::exists(Pch));

  PrefixStore Reader(Cache, ReaderFacts);
  std::optional<KeptPrefix> Kept = Reader.lookup(Build, "#include <lib.hpp>\n");
  ASSERT_TRUE(Kept);
  EXPECT_EQ(Kept->PchPath, Pch);
  EXPECT_EQ(Kept->Inputs, std::vector<std::string>{Header});
  ASSERT_EQ(Kept->Findings.Diagnostics.size(), 1u);
  EXPECT_EQ(Kept->Findings.Diagnostics[0].Message.Message, "'n_' is mutable state");
  // Another header text, or another command, is another prefix.
  EXPECT_FALSE(Reader.lookup(Build, "#include <other.hpp>\n"));
  LintJob Other = Build;
  Other.Command.CommandLine.push_back("-DNDEBUG");
  EXPECT_FALSE(Reader.lookup(Other, "#include <lib.hpp>\n"));

  std::ofstream(Header, std::ios::app) << "int more();\n";
  // A later run (its own hashes) sees the change.
  EXPECT_FALSE(PrefixStore(Cache, LaterFacts).lookup(Build, "#include <lib.hpp>\n"));
}

TEST_F(Store, ForgetsAPrefixOnRequest) {
  PrefixStore Store(Cache, Facts);
  keepOne(Store, "#include <lib.hpp>\n", {});
  ASSERT_TRUE(Store.lookup(Build, "#include <lib.hpp>\n"));
  Store.forget(Build, "#include <lib.hpp>\n");
  EXPECT_FALSE(Store.lookup(Build, "#include <lib.hpp>\n"));
  EXPECT_EQ(filesEndingWith(".pch"), 0u);
}

TEST_F(Store, AFindingOutsideItsInputsIsAMiss) {
  PrefixStore Store(Cache, Facts);
  keepOne(Store, "#include <lib.hpp>\n", findingIn("/etc/passwd"));
  EXPECT_FALSE(Store.lookup(Build, "#include <lib.hpp>\n"));
}

TEST_F(Store, KeepsTheMostRecentlyUsedWithinItsBound) {
  PrefixStore Store(Cache, Facts);
  for (size_t I = 0; I < MaxKeptPrefixes + 3; ++I)
    keepOne(Store, "#include <lib.hpp>\n// " + std::to_string(I) + "\n", {});
  EXPECT_EQ(filesEndingWith(".yaml"), MaxKeptPrefixes);
  EXPECT_EQ(filesEndingWith(".pch"), MaxKeptPrefixes);
  EXPECT_TRUE(Store.lookup(Build, "#include <lib.hpp>\n// " +
                                      std::to_string(MaxKeptPrefixes + 2) + "\n"));
}

TEST_F(Store, RemovesWhatRunsThatEndedAbruptlyLeft) {
  fs::create_directories(Cache + "/prefixes");
  const std::string OldTemporary = Cache + "/prefixes/abc-12345678.tmp";
  const std::string OldOrphan = Cache + "/prefixes/abc-def.pch";
  const std::string Fresh = Cache + "/prefixes/abc-87654321.tmp";
  for (const std::string &File : {OldTemporary, OldOrphan, Fresh})
    std::ofstream(File) << "partial";
  for (const std::string &File : {OldTemporary, OldOrphan})
    fs::last_write_time(File, fs::file_time_type::clock::now() - std::chrono::hours(2));
  PrefixStore Store(Cache, Facts);
  keepOne(Store, "#include <lib.hpp>\n", {});
  EXPECT_FALSE(fs::exists(OldTemporary));
  EXPECT_FALSE(fs::exists(OldOrphan));
  EXPECT_TRUE(fs::exists(Fresh)); // perhaps another run's, still being written
  EXPECT_TRUE(Store.lookup(Build, "#include <lib.hpp>\n"));
}

} // namespace
} // namespace modlint
