// modlint-lock-order across the units of a run (DESIGN): the ledger tree
// takes its two locks in one order in close.cpp and post.cpp and in the
// other in audit.cpp, a deadlock no unit shows alone. The command line
// searches every unit's edges together, the same with workers, from the
// cache, and over shards merged (`modlint merge` searches the shards'
// edges together).
#include "Expectations.h"
#include "SarifValidation.h"
#include "Subprocess.h"

#include "gtest/gtest.h"
#include "llvm/Support/JSON.h"

#include <filesystem>

namespace modlint::testing {
namespace {

namespace fs = std::filesystem;

struct LedgerTree {
  std::string Root;
  std::string Cache;
  LedgerTree() {
    const std::string Dir = tempDirectory();
    Root = Dir + "/ledger";
    Cache = Dir + "/cache";
    fs::copy(MODLINT_LEDGER_TREE_DIR, Root, fs::copy_options::recursive);
  }
  RunOutput lint(std::vector<std::string> Extra) const {
    Extra.insert(Extra.begin(), {"--color=never", "--quiet", "-p", "."});
    return runIn(Root, MODLINT_BINARY, Extra);
  }
};

std::vector<Finding> lockOrderFindings(const std::string &Stdout) {
  std::vector<Finding> Found;
  for (Finding &F : parseFindings(Stdout))
    if (F.Check == "modlint-lock-order")
      Found.push_back(std::move(F));
  return Found;
}

TEST(LockOrderAcrossUnits, TheRunReportsTheCycleNoUnitShowsOnce) {
  const LedgerTree T;
  RunOutput Out = T.lint({"--no-cache"});
  EXPECT_EQ(Out.ExitCode, 1) << Out.Stderr;
  std::vector<Finding> Found = lockOrderFindings(Out.Stdout);
  ASSERT_EQ(Found.size(), 2u) << Out.Stdout;
  // close.cpp's own cycle of two globals, from its unit's check (once).
  EXPECT_EQ(Found[0].File, "src/close.cpp");
  EXPECT_EQ(Found[0].Line, 16u);
  EXPECT_NE(Found[0].Message.find("'acme::routesMu -> acme::configMu -> acme::routesMu'"),
            std::string::npos)
      << Found[0].Message;
  // The ledger's cycle, where it closes latest: close.cpp's acquisition of
  // journalMu_ (close.cpp stands for the order it shares with post.cpp);
  // the notes name audit.cpp's path.
  const Finding &Across = Found[1];
  EXPECT_EQ(Across.File, "src/close.cpp");
  EXPECT_EQ(Across.Line, 21u);
  EXPECT_EQ(Across.Message,
            "'acme::Ledger::journalMu_' is acquired while 'acme::Ledger::accountsMu_' is held, "
            "which closes the lock-order cycle 'acme::Ledger::accountsMu_ -> "
            "acme::Ledger::journalMu_ -> acme::Ledger::accountsMu_': two threads that take "
            "these locks in opposite orders deadlock, each holding the lock the other waits "
            "for; take them in one order everywhere (and state it in LockOrder), or together "
            "with std::scoped_lock");
  ASSERT_EQ(Across.Notes.size(), 3u);
  EXPECT_EQ(Across.Notes[0].rfind("src/close.cpp:20:", 0), 0u) << Across.Notes[0];
  EXPECT_EQ(Across.Notes[1].rfind("src/audit.cpp:6:", 0), 0u) << Across.Notes[1];
  EXPECT_EQ(Across.Notes[2].rfind("src/audit.cpp:7:", 0), 0u) << Across.Notes[2];
}

TEST(LockOrderAcrossUnits, OneUnitAloneShowsNoCycle) {
  const LedgerTree T;
  for (const char *Unit : {"src/audit.cpp", "src/post.cpp"}) {
    RunOutput Out = T.lint({"--no-cache", Unit});
    EXPECT_EQ(Out.ExitCode, 0) << Unit << "\n" << Out.Stdout;
    EXPECT_TRUE(lockOrderFindings(Out.Stdout).empty()) << Out.Stdout;
  }
}

TEST(LockOrderAcrossUnits, TheSameWithWorkersAndFromTheCache) {
  const LedgerTree T;
  const std::string Expected = T.lint({"--no-cache"}).Stdout;
  EXPECT_EQ(T.lint({"--no-cache", "-j", "2"}).Stdout, Expected);
  EXPECT_EQ(T.lint({"--cache-dir", T.Cache}).Stdout, Expected); // cold
  RunOutput Warm = T.lint({"--cache-dir", T.Cache, "--stats"});
  EXPECT_EQ(lockOrderFindings(Warm.Stdout).size(), 2u) << Warm.Stdout;
  EXPECT_NE(Warm.Stderr.find("3 from the cache"), std::string::npos) << Warm.Stderr;
}

TEST(LockOrderAcrossUnits, SarifValidatesWithTheOtherPathAsRelatedLocations) {
  const LedgerTree T;
  const std::string Report = T.Root + "/report.sarif";
  RunOutput Out = T.lint({"--no-cache", "--format=sarif", "-o", Report});
  EXPECT_EQ(Out.ExitCode, 1) << Out.Stderr;
  for (const std::string &Problem : validateSarif(Report))
    ADD_FAILURE() << Problem;
  auto Log = llvm::json::parse(readFile(Report));
  ASSERT_TRUE(static_cast<bool>(Log)) << llvm::toString(Log.takeError());
  const auto &Results = *(*Log->getAsObject()->getArray("runs"))[0].getAsObject()->getArray("results");
  size_t AcrossUnits = 0;
  for (const llvm::json::Value &R : Results) {
    const llvm::json::Object &Result = *R.getAsObject();
    const std::optional<llvm::StringRef> Text = Result.getObject("message")->getString("text");
    if (Result.getString("ruleId") != "modlint-lock-order" || !Text->contains("journalMu_"))
      continue;
    ++AcrossUnits;
    const llvm::json::Array *Related = Result.getArray("relatedLocations");
    ASSERT_NE(Related, nullptr);
    EXPECT_EQ(Related->size(), 3u); // close.cpp's outer lock, audit.cpp's two acquisitions
  }
  EXPECT_EQ(AcrossUnits, 1u);
}

/// The run's results and properties (its lock graph), which a merge of its
/// shards must reproduce.
std::pair<llvm::json::Value, llvm::json::Value> resultsAndProperties(const std::string &Path) {
  auto Log = llvm::json::parse(readFile(Path));
  if (!Log) {
    ADD_FAILURE() << llvm::toString(Log.takeError());
    return {nullptr, nullptr};
  }
  llvm::json::Object &Run = *(*Log->getAsObject()->getArray("runs"))[0].getAsObject();
  return {*Run.get("results"), *Run.get("properties")};
}

TEST(LockOrderAcrossUnits, ShardsMergedReportWhatOneRunReports) {
  const LedgerTree T;
  const std::string Whole = T.Root + "/whole.sarif";
  T.lint({"--no-cache", "--format=sarif", "-o", Whole});
  std::vector<std::string> Merge{"merge", "-o", T.Root + "/merged.sarif"};
  for (int K = 1; K <= 3; ++K) {
    Merge.push_back(T.Root + "/shard" + std::to_string(K) + ".sarif");
    T.lint({"--no-cache", "--format=sarif", "--fail-on=none", "-o", Merge.back(), "--shard",
            std::to_string(K) + "/3"});
  }
  // No shard holds both paths of the ledger's cycle (each unit is its own
  // shard), yet the merge reports it, as the whole run does.
  RunOutput Out = run(MODLINT_BINARY, Merge);
  EXPECT_EQ(Out.ExitCode, 1) << Out.Stderr;
  EXPECT_EQ(resultsAndProperties(T.Root + "/merged.sarif"), resultsAndProperties(Whole));
  EXPECT_NE(readFile(T.Root + "/merged.sarif").find("journalMu_"), std::string::npos);
  for (const std::string &Problem : validateSarif(T.Root + "/merged.sarif"))
    ADD_FAILURE() << Problem;
}

TEST(LockOrderAcrossUnits, JsonShardsMergedToo) {
  const LedgerTree T;
  auto Whole = llvm::json::parse(T.lint({"--no-cache", "--format=json"}).Stdout);
  ASSERT_TRUE(static_cast<bool>(Whole)) << llvm::toString(Whole.takeError());
  std::vector<std::string> Merge{"merge"};
  for (int K = 1; K <= 2; ++K) {
    Merge.push_back(T.Root + "/shard" + std::to_string(K) + ".json");
    T.lint({"--no-cache", "--format=json", "--fail-on=none", "-o", Merge.back(), "--shard",
            std::to_string(K) + "/2"});
  }
  RunOutput Out = run(MODLINT_BINARY, Merge);
  auto Merged = llvm::json::parse(Out.Stdout);
  ASSERT_TRUE(static_cast<bool>(Merged)) << Out.Stderr;
  for (const char *Key : {"findings", "summary", "lockGraph"})
    EXPECT_EQ(*Merged->getAsObject()->get(Key), *Whole->getAsObject()->get(Key)) << Key;
}

TEST(LockOrderAcrossUnits, MergeElsewhereNeedsTheCheckout) {
  const LedgerTree T;
  std::vector<std::string> Shards;
  for (int K = 1; K <= 3; ++K) {
    Shards.push_back(T.Root + "/shard" + std::to_string(K) + ".json");
    T.lint({"--no-cache", "--format=json", "--fail-on=none", "-o", Shards.back(), "--shard",
            std::to_string(K) + "/3"});
  }
  // The gate's checkout is somewhere else: the shards' root is gone.
  const std::string Moved = tempDirectory() + "/checkout";
  fs::rename(T.Root, Moved);
  for (std::string &Shard : Shards)
    Shard.replace(0, T.Root.size(), Moved);
  std::vector<std::string> Merge{"merge"};
  llvm::append_range(Merge, Shards);
  RunOutput Lost = run(MODLINT_BINARY, Merge);
  EXPECT_EQ(Lost.ExitCode, 2);
  EXPECT_NE(Lost.Stderr.find("run merge in a checkout of the linted sources, or give "
                             "--project-root"),
            std::string::npos)
      << Lost.Stderr;
  Merge.insert(Merge.begin() + 1, {"--project-root", Moved});
  RunOutput Found = run(MODLINT_BINARY, Merge);
  EXPECT_EQ(Found.ExitCode, 1) << Found.Stderr;
  EXPECT_NE(Found.Stdout.find("\"acrossUnits\": true"), std::string::npos) << Found.Stdout;
}

} // namespace
} // namespace modlint::testing
