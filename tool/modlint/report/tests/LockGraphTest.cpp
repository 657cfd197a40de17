// The run's lock graph in its reports, and `merge` completing it: each
// shard's report holds its units' edges and marks the cycles it found over
// them alone; merge drops those and renders the union's cycles as a run
// renders its own. The search itself is the engine's: here a stand-in
// reports one cycle per graph whose edges come from two units or more.
#include "report/JsonReport.h"
#include "report/LockGraph.h"
#include "report/Merge.h"
#include "report/SarifReport.h"
#include "catalog/RuleCatalog.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <fstream>

namespace modlint {
namespace {

using clang::tidy::ClangTidyError;
using llvm::json::Object;
using llvm::json::Value;

/// The stand-in search: one finding at the first edge's place when the
/// graph has two units, as if their edges closed a cycle.
std::vector<ClangTidyError> twoUnitsMakeACycle(const std::vector<std::vector<LockEdge>> &Units,
                                               const std::vector<std::string> &) {
  if (Units.size() < 2)
    return {};
  ClangTidyError E("modlint-lock-order", clang::tooling::Diagnostic::Warning, "", false);
  E.Message = clang::tooling::DiagnosticMessage("cycle of 'a' and 'b'");
  E.Message.FilePath = Units[1][0].At.File;
  E.Message.FileOffset = static_cast<unsigned>(Units[1][0].At.Offset);
  clang::tooling::DiagnosticMessage Note("'b' acquired here");
  Note.FilePath = Units[0][0].At.File;
  Note.FileOffset = static_cast<unsigned>(Units[0][0].At.Offset);
  E.Notes.push_back(Note);
  return {E};
}

class LockGraphTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("modlint-lockgraph", Root));
    ASSERT_FALSE(llvm::sys::fs::create_directories(std::string(Root) + "/src"));
    for (const char *Name : {"a.cpp", "b.cpp"})
      std::ofstream(std::string(Root) + "/src/" + Name) << "void f() {\n  lock();\n}\n";
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }

  std::string file(llvm::StringRef Name) const { return (Root + "/src/" + Name).str(); }

  /// An edge a -> b (or b -> a) in `Name`, at line 2.
  LockEdge edge(llvm::StringRef Name, bool Reversed) const {
    LockEdge E;
    E.OuterLock = Reversed ? "b" : "a";
    E.InnerLock = Reversed ? "a" : "b";
    E.Outer = {file(Name), 11};
    E.Inner = E.At = {file(Name), 13};
    return E;
  }

  /// One shard's report of one unit: its edge, and the marked cycle it
  /// found alone (which merge must drop).
  std::string shardReport(llvm::StringRef Unit, bool Reversed, bool Sarif) const {
    LintResult Run;
    Run.LockEdges = {{edge(Unit, Reversed)}};
    Run.LockOrder = {"a", "b"};
    ClangTidyError Stale("modlint-lock-order", clang::tooling::Diagnostic::Warning, "", false);
    Stale.Message = clang::tooling::DiagnosticMessage("a stale cycle of this shard alone");
    Stale.Message.FilePath = file(Unit);
    Stale.Message.FileOffset = 13;
    Run.AcrossUnits.push_back(Stale);
    SourcePositions Positions;
    Report R = buildReport(Run, std::string(Root), Positions);
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    if (Sarif)
      writeSarif(R, builtinRules(), {std::string(Root), Run}, Positions, OS);
    else
      writeJsonReport(Run, R, {std::string(Root), 1}, Positions, OS);
    return OS.str();
  }

  MergeSettings settings() const {
    MergeSettings S;
    S.FindCycles = twoUnitsMakeACycle;
    return S;
  }

  llvm::SmallString<128> Root;
};

TEST_F(LockGraphTest, ReadsBackWhatItWritesUnderAnotherRoot) {
  LockGraph Graph;
  Graph.ProjectRoot = std::string(Root);
  Graph.Order = {"a", "b"};
  Graph.Units = {{edge("b.cpp", true)}, {edge("a.cpp", false), edge("b.cpp", true)}};
  const Value Json = lockGraphJson(Graph);
  // Each edge once; paths relative to the root.
  EXPECT_EQ(Json.getAsObject()->getArray("edges")->size(), 2u);
  EXPECT_EQ(*(*Json.getAsObject()->getArray("edges"))[0].getAsObject()->getObject("at")->getString("file"),
            "src/a.cpp");
  auto Read = readLockGraph(Json, "/elsewhere");
  ASSERT_TRUE(static_cast<bool>(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(Read->ProjectRoot, "/elsewhere");
  EXPECT_EQ(Read->Order, Graph.Order);
  ASSERT_EQ(Read->Units.size(), 2u);
  EXPECT_EQ(Read->Units[0][0].At.File, "/elsewhere/src/a.cpp"); // units sorted
  EXPECT_EQ(Read->Units[1][0].OuterLock, "b");
  // Written again relative to the new root, the same edges and units.
  const Value Again = lockGraphJson(*Read);
  for (const char *Key : {"edges", "units", "lockOrder"})
    EXPECT_EQ(*Again.getAsObject()->get(Key), *Json.getAsObject()->get(Key)) << Key;
}

TEST_F(LockGraphTest, AMalformedGraphIsRefusedWithItsReason) {
  auto Reason = [](const char *Text) {
    auto Json = llvm::json::parse(Text);
    EXPECT_TRUE(static_cast<bool>(Json)) << Text;
    auto Read = readLockGraph(*Json, "/r");
    return Read ? std::string("accepted") : llvm::toString(Read.takeError());
  };
  const std::string Edge = R"({"outer": {"lock": "a", "owner": "", "file": "x.cpp", "offset": 1},
                               "inner": {"lock": "b", "owner": "", "file": "x.cpp", "offset": 2},
                               "via": "", "at": {"file": "x.cpp", "offset": 2}})";
  EXPECT_EQ(Reason(("{\"projectRoot\": \"/r\", \"lockOrder\": [], \"edges\": [" + Edge +
                    "], \"units\": [[0]]}").c_str()),
            "accepted");
  EXPECT_NE(Reason("[]").find("not an object"), std::string::npos);
  EXPECT_NE(Reason(R"({"edges": []})").find("needs 'projectRoot'"), std::string::npos);
  EXPECT_NE(Reason(("{\"projectRoot\": \"/r\", \"lockOrder\": [], \"edges\": [" + Edge +
                    "], \"units\": [[1]]}").c_str()).find("names an edge that is not there"),
            std::string::npos);
  EXPECT_NE(Reason(R"({"projectRoot": "/r", "lockOrder": [], "units": [],
                       "edges": [{"outer": {"lock": "a", "owner": "", "file": "x", "offset": -1}}]})")
                .find("has no offset"),
            std::string::npos);
  EXPECT_NE(Reason(R"({"projectRoot": "/r", "lockOrder": [3], "units": [], "edges": []})")
                .find("lockOrder entry is not a string"),
            std::string::npos);
}

TEST_F(LockGraphTest, MergeDropsTheShardsOwnCyclesAndFindsTheUnions) {
  for (const bool Sarif : {true, false}) {
    const std::string A = shardReport("a.cpp", false, Sarif);
    const std::string B = shardReport("b.cpp", true, Sarif);
    auto Merged = mergeReportTexts({{"a", A}, {"b", B}}, settings());
    ASSERT_TRUE(static_cast<bool>(Merged)) << llvm::toString(Merged.takeError());
    EXPECT_TRUE(Merged->FailsGate);
    EXPECT_EQ(Merged->Text.find("stale cycle"), std::string::npos) << Merged->Text;
    EXPECT_NE(Merged->Text.find("cycle of 'a' and 'b'"), std::string::npos) << Merged->Text;
    auto Log = llvm::json::parse(Merged->Text);
    ASSERT_TRUE(static_cast<bool>(Log));
    // The merged report holds the union, so that merges merge again.
    const Object &Top = *Log->getAsObject();
    const Value *Graph =
        Sarif ? (*Top.getArray("runs"))[0].getAsObject()->getObject("properties")->get(LockGraphProperty)
              : Top.get("lockGraph");
    ASSERT_NE(Graph, nullptr);
    EXPECT_EQ(Graph->getAsObject()->getArray("units")->size(), 2u);
    auto Again = mergeReportTexts({{"merged", Merged->Text}}, settings());
    ASSERT_TRUE(static_cast<bool>(Again)) << llvm::toString(Again.takeError());
    EXPECT_EQ(Again->Text, Merged->Text);
  }
}

TEST_F(LockGraphTest, ACycleAcrossShardsNeedsTheSources) {
  const std::string A = shardReport("a.cpp", false, true);
  const std::string B = shardReport("b.cpp", true, true);
  MergeSettings Elsewhere = settings();
  Elsewhere.ProjectRoot = std::string(Root) + "/not-a-checkout";
  auto Merged = mergeReportTexts({{"a", A}, {"b", B}}, Elsewhere);
  ASSERT_FALSE(static_cast<bool>(Merged));
  EXPECT_EQ(llvm::toString(Merged.takeError()),
            "a lock-order cycle found across the shards runs through 'src/b.cpp', which is not "
            "under the project root '" + Elsewhere.ProjectRoot +
                "': run merge in a checkout of the linted sources, or give --project-root");
}

TEST_F(LockGraphTest, ABaselinedCycleAcrossShardsDoesNotFailTheGate) {
  const std::string A = shardReport("a.cpp", false, true);
  const std::string B = shardReport("b.cpp", true, true);
  auto First = mergeReportTexts({{"a", A}, {"b", B}}, settings());
  ASSERT_TRUE(static_cast<bool>(First)) << llvm::toString(First.takeError());
  auto Old = parseBaseline(First->Text, "first");
  ASSERT_TRUE(static_cast<bool>(Old)) << llvm::toString(Old.takeError());
  MergeSettings WithBaseline = settings();
  WithBaseline.Old = &*Old;
  auto Second = mergeReportTexts({{"a", A}, {"b", B}}, WithBaseline);
  ASSERT_TRUE(static_cast<bool>(Second)) << llvm::toString(Second.takeError());
  EXPECT_FALSE(Second->FailsGate);
  EXPECT_NE(Second->Text.find("\"baselineState\": \"unchanged\""), std::string::npos);
}

TEST_F(LockGraphTest, ShardsLintedWithAnotherLockOrderAreRefused) {
  const std::string A = shardReport("a.cpp", false, false);
  std::string B = shardReport("b.cpp", true, false);
  const size_t At = B.find("\"lockOrder\"");
  ASSERT_NE(At, std::string::npos);
  B.replace(B.find("\"b\"", At), 3, "\"c\"");
  auto Merged = mergeReportTexts({{"a", A}, {"b", B}}, settings());
  ASSERT_FALSE(static_cast<bool>(Merged));
  EXPECT_EQ(llvm::toString(Merged.takeError()),
            "'b' was linted with LockOrder 'a, c', another shard with 'a, b': lint every "
            "shard with one configuration");
}

} // namespace
} // namespace modlint
