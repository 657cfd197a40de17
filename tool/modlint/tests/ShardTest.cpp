// --shard K/N and `modlint merge`: shards partition the units, and their
// merged report equals the report of one unsharded run.
#include "SarifValidation.h"
#include "Subprocess.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"

#include <set>

namespace modlint::testing {
namespace {

RunOutput inTree(std::vector<std::string> Args) {
  Args.insert(Args.begin(), {"--color=never", "--quiet", "--no-cache"});
  return runIn(MODLINT_TREE_DIR, MODLINT_BINARY, Args);
}

/// Fingerprints of a SARIF log's results.
std::multiset<std::string> fingerprints(const std::string &Path) {
  std::multiset<std::string> Out;
  auto Log = llvm::json::parse(readFile(Path));
  if (!Log) {
    ADD_FAILURE() << llvm::toString(Log.takeError());
    return Out;
  }
  for (const auto &R : *(*Log->getAsObject()->getArray("runs"))[0].getAsObject()->getArray("results"))
    Out.insert(R.getAsObject()->getString("ruleId")->str() + "/" +
               R.getAsObject()->getObject("partialFingerprints")->getString("modlint/v1")->str());
  return Out;
}

TEST(Shards, PartitionTheUnits) {
  std::set<std::string> All;
  size_t Total = 0;
  for (int K = 1; K <= 3; ++K) {
    RunOutput Out = inTree({"-p", ".", "--format=json", "--shard", std::to_string(K) + "/3"});
    auto Report = llvm::json::parse(Out.Stdout);
    ASSERT_TRUE(static_cast<bool>(Report)) << Out.Stderr;
    const int64_t Units = *Report->getAsObject()->getObject("summary")->getInteger("units");
    Total += Units;
  }
  // Six files in the tree, each in exactly one shard.
  EXPECT_EQ(Total, 6u);
}

TEST(Shards, MergedSarifEqualsOneRunAndIsValid) {
  const std::string Whole = tempFilePath("sarif");
  inTree({"-p", ".", "--format=sarif", "-o", Whole});
  std::vector<std::string> Parts;
  for (int K = 1; K <= 3; ++K) {
    Parts.push_back(tempFilePath("sarif"));
    inTree({"-p", ".", "--format=sarif", "-o", Parts.back(), "--shard", std::to_string(K) + "/3"});
  }
  const std::string Merged = tempFilePath("sarif");
  std::vector<std::string> Args{"merge", "-o", Merged};
  Args.insert(Args.end(), Parts.begin(), Parts.end());
  RunOutput Out = run(MODLINT_BINARY, Args);
  EXPECT_EQ(Out.ExitCode, 1) << Out.Stderr; // the tree has warnings
  EXPECT_EQ(fingerprints(Merged), fingerprints(Whole));
  EXPECT_FALSE(fingerprints(Merged).empty());
  for (const std::string &Problem : validateSarif(Merged))
    ADD_FAILURE() << Problem;
}

TEST(Shards, MergedJsonEqualsOneRun) {
  RunOutput Whole = inTree({"-p", ".", "--format=json"});
  std::vector<std::string> Parts;
  for (int K = 1; K <= 2; ++K) {
    Parts.push_back(tempFilePath("json"));
    inTree({"-p", ".", "--format=json", "-o", Parts.back(), "--shard", std::to_string(K) + "/2"});
  }
  std::vector<std::string> Args{"merge", "--fail-on=none"};
  Args.insert(Args.end(), Parts.begin(), Parts.end());
  RunOutput Merged = run(MODLINT_BINARY, Args);
  EXPECT_EQ(Merged.ExitCode, 0);
  auto A = llvm::json::parse(Whole.Stdout);
  auto B = llvm::json::parse(Merged.Stdout);
  ASSERT_TRUE(static_cast<bool>(A) && static_cast<bool>(B));
  EXPECT_EQ(*A->getAsObject()->get("findings"), *B->getAsObject()->get("findings"));
  EXPECT_EQ(*A->getAsObject()->get("summary"), *B->getAsObject()->get("summary"));
}

TEST(Shards, BadShardSpecAndBadMergeInputsAreErrors) {
  for (const char *Spec : {"4/3", "0/3", "a/b", "3", "1/2/3", "/3", "-1/3", "1/0", ""}) {
    RunOutput Out = inTree({"--shard", Spec, "-p", "."});
    EXPECT_EQ(Out.ExitCode, 2) << Spec;
    EXPECT_NE(Out.Stderr.find("--shard"), std::string::npos) << Spec << ": " << Out.Stderr;
  }
  const std::string Json = tempFilePath("json");
  const std::string Sarif = tempFilePath("sarif");
  inTree({"-p", ".", "good", "--format=json", "-o", Json});
  inTree({"-p", ".", "good", "--format=sarif", "-o", Sarif});
  RunOutput Mixed = run(MODLINT_BINARY, {"merge", Json, Sarif});
  EXPECT_EQ(Mixed.ExitCode, 2);
  EXPECT_NE(Mixed.Stderr.find("cannot merge SARIF with JSON"), std::string::npos);
  const std::string Other = writeTempFile("json", "{\"hello\": 1}");
  RunOutput Foreign = run(MODLINT_BINARY, {"merge", Other});
  EXPECT_EQ(Foreign.ExitCode, 2);
  EXPECT_NE(Foreign.Stderr.find("neither a SARIF log nor a JSON report"), std::string::npos);
  EXPECT_EQ(run(MODLINT_BINARY, {"merge", "/nonexistent.sarif"}).ExitCode, 2);
  // Clean shards merge to a clean report.
  RunOutput Clean = run(MODLINT_BINARY, {"merge", Sarif, Sarif});
  EXPECT_EQ(Clean.ExitCode, 0) << Clean.Stderr;
}

// The gate step of a matrix: the merged findings as text or GitHub
// annotations, and the same summary as a run, so an exit 1 is never
// silent.
TEST(Shards, MergeShowsTextOrAnnotationsAndTheRunsSummary) {
  std::vector<std::string> Parts;
  for (int K = 1; K <= 2; ++K) {
    Parts.push_back(tempFilePath("sarif"));
    inTree({"-p", ".", "bad", "--format=sarif", "-o", Parts.back(), "--shard",
            std::to_string(K) + "/2"});
  }
  RunOutput Whole = runIn(MODLINT_TREE_DIR, MODLINT_BINARY,
                          {"--color=never", "--no-cache", "-p", ".", "bad"});
  auto Merge = [&](std::vector<std::string> Flags) {
    std::vector<std::string> Args{"merge"};
    Args.insert(Args.end(), Flags.begin(), Flags.end());
    Args.insert(Args.end(), Parts.begin(), Parts.end());
    return run(MODLINT_BINARY, Args);
  };
  RunOutput Text = Merge({"--format", "text"});
  EXPECT_EQ(Text.ExitCode, 1) << Text.Stderr;
  EXPECT_NE(Text.Stdout.find("bad/sessions.cpp:9:41: warning: assignment to 'currentUser_'"),
            std::string::npos)
      << Text.Stdout;
  EXPECT_NE(Text.Stdout.find(": note: 'currentUser_' is declared here\n"), std::string::npos);
  // The counts of one run over the same units, in the same words.
  const std::string Counts = Whole.Stderr.substr(Whole.Stderr.find("s: ") + 3);
  EXPECT_EQ(Text.Stderr, "modlint: 2 reports merged: " + Counts) << Whole.Stderr;

  RunOutput Github = Merge({"--format=github", "--quiet"});
  EXPECT_EQ(Github.ExitCode, 1);
  EXPECT_EQ(Github.Stderr, "");
  EXPECT_NE(Github.Stdout.find("::warning file=bad/sessions.cpp,line=9,col=41,"), std::string::npos)
      << Github.Stdout;
  RunOutput Json = Merge({"--format", "json"});
  EXPECT_EQ(Json.ExitCode, 2);
  EXPECT_NE(Json.Stderr.find("the reports are SARIF, so the merged report is too"),
            std::string::npos)
      << Json.Stderr;
}

} // namespace
} // namespace modlint::testing
