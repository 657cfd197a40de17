// The result cache on its own: an entry gives back exactly what was stored,
// every part of every finding, and only while its inputs are unchanged; an
// entry that does not prove itself (a poisoned one) is a miss.
#include "cache/CacheDirectory.h"
#include "cache/ResultCache.h"

#include "TempDirectory.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace modlint {
namespace {

using clang::tidy::ClangTidyError;
using clang::tooling::DiagnosticMessage;

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
  std::ofstream(Source) << "struct S { int n_ = 0; int m_ = 0; int k_ = 0; };\n";
  LintJob Job;
  Job.File = Source;
  Job.ProjectRoot = Dir;
  UnitResult Stored;
  Stored.Diagnostics.push_back(fullFinding(Source));
  Stored.Suppressed.push_back(fullFinding(Source));

  ASSERT_FALSE(static_cast<bool>(prepareCacheDirectory(Dir + "/cache")));
  ResultCache Cache(Dir + "/cache");
  EXPECT_FALSE(Cache.lookup(Job));
  Cache.store(Job, Stored, {Source});
  std::optional<UnitResult> Read = ResultCache(Dir + "/cache").lookup(Job);
  ASSERT_TRUE(Read);
  EXPECT_TRUE(Read->Compiled);
  ASSERT_EQ(Read->Diagnostics.size(), 1u);
  ASSERT_EQ(Read->Suppressed.size(), 1u);
  expectSame(Stored.Diagnostics[0], Read->Diagnostics[0]);
  expectSame(Stored.Suppressed[0], Read->Suppressed[0]);

  // A changed input: no longer the unit's result.
  std::ofstream(Source) << "struct S { const int n_ = 0; };\n";
  EXPECT_FALSE(ResultCache(Dir + "/cache").lookup(Job));
  llvm::sys::fs::remove_directories(Dir);
}

/// A cache holding one entry for one unit, to tamper with.
struct OneEntry {
  std::string Dir = tempDirectory();
  std::string Source = Dir + "/unit.cpp";
  std::string Other = Dir + "/other.h";
  LintJob Job;
  std::string EntryPath;
  std::string Text;

  OneEntry() {
    std::ofstream(Source) << "struct S { int n_ = 0; int m_ = 0; };\n";
    std::ofstream(Other) << "#pragma once\n";
    Job.File = Source;
    Job.ProjectRoot = Dir;
    UnitResult Stored;
    Stored.Diagnostics.push_back(fullFinding(Source));
    EXPECT_FALSE(static_cast<bool>(prepareCacheDirectory(Dir + "/cache")));
    ResultCache(Dir + "/cache").store(Job, Stored, {Source, Other});
    for (const auto &E : std::filesystem::recursive_directory_iterator(Dir + "/cache"))
      if (E.path().extension() == ".yaml")
        EntryPath = E.path().string();
    std::stringstream Read;
    Read << std::ifstream(EntryPath).rdbuf();
    Text = Read.str();
  }
  ~OneEntry() { llvm::sys::fs::remove_directories(Dir); }

  /// Whether the entry is used after `From` is replaced with `To` in it.
  bool usedWith(const std::string &From, const std::string &To) const {
    std::string Changed = Text;
    const size_t At = Changed.find(From);
    EXPECT_NE(At, std::string::npos) << From << " not in\n" << Text;
    if (At != std::string::npos)
      Changed.replace(At, From.size(), To);
    std::ofstream(EntryPath) << Changed;
    return ResultCache(Dir + "/cache").lookup(Job).has_value();
  }
};

TEST(ResultCache, AFailedParseIsNotKept) {
  // It may compile once a missing header appears, which no input records.
  OneEntry E;
  UnitResult Failed;
  Failed.Compiled = false;
  llvm::sys::fs::remove(E.EntryPath);
  ResultCache(E.Dir + "/cache").store(E.Job, Failed, {E.Source});
  EXPECT_FALSE(ResultCache(E.Dir + "/cache").lookup(E.Job));
}

TEST(ResultCache, AnEntryThatDoesNotProveItselfIsAMiss) {
  OneEntry E;
  ASSERT_FALSE(E.EntryPath.empty());
  EXPECT_TRUE(E.usedWith("Format:", "Format:")); // untouched: a hit
  // No inputs at all, or not the unit's main file among them.
  const size_t InputsBegin = E.Text.find("Inputs:");
  const size_t InputsEnd = E.Text.find("Diagnostics:");
  EXPECT_FALSE(E.usedWith(E.Text.substr(InputsBegin, InputsEnd - InputsBegin), "Inputs: []\n"));
  EXPECT_FALSE(E.usedWith("'" + E.Source + "'\n    Hash:", "'" + E.Other + "'\n    Hash:"));
  // A fix-it in a file the unit did not read, or outside the project root.
  EXPECT_FALSE(E.usedWith("- FilePath:        '" + E.Source, "- FilePath:        '/etc/passwd"));
  EXPECT_FALSE(E.usedWith("Offset:          12", "Offset:          4000"));
  // Values of the wrong type or out of range.
  EXPECT_FALSE(E.usedWith("Level:           Remark", "Level:           99"));
  EXPECT_FALSE(E.usedWith("FileOffset:      30", "FileOffset:      yes"));
  EXPECT_FALSE(E.usedWith("Format:          5", "Format:          4"));
  // Lock-order edges only at places inside the files the unit read.
  auto Edge = [](const std::string &File) {
    const std::string Place = "{ File: '" + File + "', Offset: 0 }";
    return "LockEdges:\n  - { OuterLock: a, OuterOwner: '', InnerLock: b, InnerOwner: '', "
           "Via: '', Outer: " + Place + ", Inner: " + Place + ", At: " + Place + " }\n";
  };
  EXPECT_TRUE(E.usedWith("LockEdges:       []\n", Edge(E.Source)));
  EXPECT_FALSE(E.usedWith("LockEdges:       []\n", Edge("/etc/passwd")));
  // Nested deeper than LLVM's recursive YAML parser could take.
  EXPECT_FALSE(E.usedWith("Suppressed:      []", "Suppressed: " + std::string(200000, '[')));
}

TEST(CacheDirectory, IsCreatedPrivateAndRefusedWhenOthersCanWrite) {
  const std::string Dir = tempDirectory();
  const std::string Cache = Dir + "/a/b/cache";
  ASSERT_FALSE(static_cast<bool>(prepareCacheDirectory(Cache)));
  for (const std::string &Made : {Dir + "/a", Dir + "/a/b", Cache}) {
    llvm::sys::fs::file_status Status;
    ASSERT_FALSE(llvm::sys::fs::status(Made, Status));
    EXPECT_EQ(Status.permissions(), llvm::sys::fs::owner_all) << Made;
  }
  llvm::sys::fs::setPermissions(Cache, llvm::sys::fs::all_all);
  llvm::Error Refused = prepareCacheDirectory(Cache);
  ASSERT_TRUE(static_cast<bool>(Refused));
  EXPECT_EQ(llvm::toString(std::move(Refused)),
            "'" + Cache + "' is writable by group or others (mode 0777)");
  llvm::sys::fs::remove_directories(Dir);
}

TEST(CacheDirectory, OneOwnedByAnotherUserIsRefused) {
  if (::geteuid() != 0)
    GTEST_SKIP() << "only root can give a directory to another user";
  const std::string Dir = tempDirectory();
  ASSERT_EQ(::chown(Dir.c_str(), 65534, 65534), 0);
  llvm::Error Refused = prepareCacheDirectory(Dir);
  ASSERT_TRUE(static_cast<bool>(Refused));
  EXPECT_EQ(llvm::toString(std::move(Refused)),
            "'" + Dir + "' belongs to another user (uid 65534)");
  llvm::sys::fs::remove_directories(Dir);
}

TEST(CacheDirectory, NeverASharedTemporaryDirectory) {
  const char *Home = std::getenv("HOME");
  const std::string SavedHome = Home ? Home : "";
  ::unsetenv("XDG_CACHE_HOME");
  ::unsetenv("HOME");
  EXPECT_EQ(defaultCacheDirectory(), std::nullopt);
  ::setenv("HOME", "relative/home", 1);
  EXPECT_EQ(defaultCacheDirectory(), std::nullopt);
  ::setenv("XDG_CACHE_HOME", "/x/cache", 1);
  EXPECT_EQ(defaultCacheDirectory(), "/x/cache/modlint");
  ::unsetenv("XDG_CACHE_HOME");
  ::setenv("HOME", "/home/u", 1);
  EXPECT_EQ(defaultCacheDirectory(), "/home/u/.cache/modlint");
  if (Home)
    ::setenv("HOME", SavedHome.c_str(), 1);
}

} // namespace
} // namespace modlint
