// The result cache on its own: an entry gives back exactly what was stored,
// every part of every finding, and only while its inputs are unchanged.
#include "cache/ResultCache.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <fstream>

namespace modlint {
namespace {

using clang::tidy::ClangTidyError;
using clang::tooling::DiagnosticMessage;

std::string tempDirectory() {
  llvm::SmallString<128> Dir;
  EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("modlint-cache-test", Dir));
  return std::string(Dir);
}

DiagnosticMessage message(const std::string &Text, const std::string &File, unsigned Offset) {
  DiagnosticMessage M(Text);
  M.FilePath = File;
  M.FileOffset = Offset;
  clang::tooling::FileByteRange Range;
  Range.FilePath = File;
  Range.FileOffset = Offset;
  Range.Length = 4;
  M.Ranges.push_back(Range);
  return M;
}

/// A finding with every part a finding can have.
ClangTidyError fullFinding(const std::string &File) {
  ClangTidyError E("modlint-mutable-member", clang::tooling::Diagnostic::Remark, "/build",
                   /*IsWarningAsError=*/false);
  E.Message = message("'n_' is never modified: it's \"safe\"", File, 12);
  llvm::consumeError(E.Message.Fix[File].add(clang::tooling::Replacement(File, 12, 0, "const ")));
  E.Notes.push_back(message("'n_' is declared here", File, 30));
  return E;
}

void expectSame(const ClangTidyError &A, const ClangTidyError &B) {
  EXPECT_EQ(A.DiagnosticName, B.DiagnosticName);
  EXPECT_EQ(A.DiagLevel, B.DiagLevel);
  EXPECT_EQ(A.BuildDirectory, B.BuildDirectory);
  for (const auto &[X, Y] : {std::pair{&A.Message, &B.Message}, {&A.Notes[0], &B.Notes[0]}}) {
    EXPECT_EQ(X->Message, Y->Message);
    EXPECT_EQ(X->FilePath, Y->FilePath);
    EXPECT_EQ(X->FileOffset, Y->FileOffset);
    ASSERT_EQ(X->Ranges.size(), 1u);
    EXPECT_EQ(X->Ranges[0].FileOffset, Y->Ranges[0].FileOffset);
    EXPECT_EQ(X->Ranges[0].Length, Y->Ranges[0].Length);
  }
  ASSERT_EQ(B.Notes.size(), A.Notes.size());
  ASSERT_EQ(B.Message.Fix.size(), 1u);
  const clang::tooling::Replacements &Fix = B.Message.Fix.begin()->second;
  ASSERT_EQ(Fix.size(), 1u);
  EXPECT_EQ(Fix.begin()->getReplacementText(), "const ");
  EXPECT_EQ(Fix.begin()->getOffset(), 12u);
}

TEST(ResultCache, AnEntryGivesBackEveryPartOfEveryFinding) {
  const std::string Dir = tempDirectory();
  const std::string Source = Dir + "/unit.cpp";
  std::ofstream(Source) << "struct S { int n_ = 0; };\n";
  LintJob Job;
  Job.File = Source;
  UnitResult Stored;
  Stored.Compiled = false;
  Stored.Diagnostics.push_back(fullFinding(Source));
  Stored.Suppressed.push_back(fullFinding(Source));

  ResultCache Cache(Dir + "/cache");
  EXPECT_FALSE(Cache.lookup(Job));
  Cache.store(Job, Stored, {Source});
  std::optional<UnitResult> Read = ResultCache(Dir + "/cache").lookup(Job);
  ASSERT_TRUE(Read);
  EXPECT_FALSE(Read->Compiled);
  ASSERT_EQ(Read->Diagnostics.size(), 1u);
  ASSERT_EQ(Read->Suppressed.size(), 1u);
  expectSame(Stored.Diagnostics[0], Read->Diagnostics[0]);
  expectSame(Stored.Suppressed[0], Read->Suppressed[0]);

  // A changed input: no longer the unit's result.
  std::ofstream(Source) << "struct S { const int n_ = 0; };\n";
  EXPECT_FALSE(ResultCache(Dir + "/cache").lookup(Job));
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
} // namespace modlint
