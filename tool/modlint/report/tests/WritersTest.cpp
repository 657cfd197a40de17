// The report writers on findings made by hand: nothing is parsed, the
// writers see only what the core's data model holds.
#include "report/DiagnosticPrinter.h"
#include "report/JsonReport.h"
#include "report/Report.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

#include <fstream>

namespace modlint {
namespace {

using clang::tidy::ClangTidyError;

class WritersTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("modlint-writers", Root));
    File = std::string(Root) + "/src/m.cpp";
    ASSERT_FALSE(llvm::sys::fs::create_directories(std::string(Root) + "/src"));
    std::ofstream(File) << "class M {\n  int n_;\n  void f() { ++n_; }\n};\n";
    // `++n_` at line 3, column 14 (byte 33), four bytes long; `n_` at 2:7.
    ClangTidyError E("modlint-nonatomic-update", clang::tooling::Diagnostic::Warning,
                     std::string(Root), /*IsWarningAsError=*/false);
    E.Message = clang::tooling::DiagnosticMessage("'++' on 'n_' races");
    E.Message.FilePath = File;
    E.Message.FileOffset = 33;
    clang::tooling::FileByteRange Range;
    Range.FilePath = File;
    Range.FileOffset = 33;
    Range.Length = 4;
    E.Message.Ranges.push_back(Range);
    clang::tooling::DiagnosticMessage Note("'n_' is declared here");
    Note.FilePath = File;
    Note.FileOffset = 16;
    E.Notes.push_back(Note);
    Result.Diagnostics.push_back(std::move(E));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }

  llvm::SmallString<128> Root;
  std::string File;
  LintResult Result;
  SourcePositions Positions;
};

TEST_F(WritersTest, TextIsClangsFormatWithTheSourceLineAndNotes) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  DiagnosticPrinter(OS, /*Colors=*/false).print(Result.Diagnostics[0]);
  OS.flush();
  EXPECT_NE(Text.find(File + ":3:14: warning: '++' on 'n_' races [modlint-nonatomic-update]\n"),
            std::string::npos)
      << Text;
  EXPECT_NE(Text.find("    3 |   void f() { ++n_; }\n"), std::string::npos) << Text;
  EXPECT_NE(Text.find("^~~~"), std::string::npos) << Text;
  EXPECT_NE(Text.find(File + ":2:7: note: 'n_' is declared here"), std::string::npos) << Text;
}

TEST_F(WritersTest, JsonHasPlacesRelativeToTheRootAndAFingerprint) {
  Report R = buildReport(Result, std::string(Root), Positions);
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeJsonReport(Result, R, {std::string(Root), 1}, Positions, OS);
  OS.flush();
  auto Parsed = llvm::json::parse(Text);
  ASSERT_TRUE(static_cast<bool>(Parsed)) << llvm::toString(Parsed.takeError());
  const llvm::json::Object &Finding =
      *(*Parsed->getAsObject()->getArray("findings"))[0].getAsObject();
  EXPECT_EQ(Finding.getString("file"), "src/m.cpp");
  EXPECT_EQ(Finding.getInteger("line"), 3);
  EXPECT_EQ(Finding.getInteger("column"), 14);
  EXPECT_EQ(Finding.getInteger("endColumn"), 18);
  EXPECT_EQ(Finding.getString("level"), "warning");
  EXPECT_EQ(Finding.getString("fingerprint"), R.Entries[0].Fingerprint);
  EXPECT_EQ((*Finding.getArray("notes"))[0].getAsObject()->getInteger("line"), 2);
}

TEST_F(WritersTest, AFingerprintSurvivesLinesAddedAbove) {
  const std::string Before = buildReport(Result, std::string(Root), Positions).Entries[0].Fingerprint;
  std::ofstream(File) << "// a new first line\nclass M {\n  int n_;\n  void f() { ++n_; }\n};\n";
  Result.Diagnostics[0].Message.FileOffset += 20;
  SourcePositions Fresh;
  EXPECT_EQ(buildReport(Result, std::string(Root), Fresh).Entries[0].Fingerprint, Before);
}

} // namespace
} // namespace modlint
