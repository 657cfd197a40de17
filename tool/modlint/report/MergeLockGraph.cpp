#include "report/MergeLockGraph.h"

#include "catalog/RuleCatalog.h"
#include "core/Paths.h"
#include "report/JsonReport.h"
#include "report/SarifReport.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using clang::tidy::ClangTidyError;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace modlint {

llvm::Error mergeError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

namespace {
/// The report's findings list (SARIF: its run's results) and its graph.
std::pair<Array *, const Value *> partsOf(Value &Report, bool Sarif) {
  Object &Root = *Report.getAsObject();
  if (!Sarif)
    return {Root.getArray("findings"), Root.get("lockGraph")};
  Object &Run = *(*Root.getArray("runs"))[0].getAsObject();
  const Object *Properties = Run.getObject("properties");
  return {Run.getArray("results"), Properties ? Properties->get(LockGraphProperty) : nullptr};
}

bool markedAcrossUnits(const Value &Result, bool Sarif) {
  const Object *O = Result.getAsObject();
  if (!O)
    return false;
  const Object *Marks = Sarif ? O->getObject("properties") : O;
  return Marks && Marks->getBoolean(Sarif ? AcrossUnitsProperty : "acrossUnits") == true;
}

std::string joined(const std::vector<std::string> &Names) {
  std::string Out;
  for (const std::string &Name : Names)
    Out += (Out.empty() ? "" : ", ") + Name;
  return Out;
}

/// Every file a finding points at must be readable, or its lines,
/// columns and fingerprint would be wrong.
llvm::Error needSources(const std::vector<ClangTidyError> &Cycles, const std::string &Root) {
  for (const ClangTidyError &E : Cycles) {
    std::vector<const clang::tooling::DiagnosticMessage *> Places{&E.Message};
    for (const auto &Note : E.Notes)
      Places.push_back(&Note);
    for (const auto *Place : Places)
      if (!llvm::sys::fs::is_regular_file(Place->FilePath))
        return mergeError("a lock-order cycle found across the shards runs through '" +
                          relativeTo(Place->FilePath, Root) +
                          "', which is not under the project root '" + Root +
                          "': run merge in a checkout of the linted sources, or give "
                          "--project-root");
  }
  return llvm::Error::success();
}
} // namespace

llvm::Expected<LockGraph> takeLockGraphs(std::vector<Value> &Reports,
                                         const std::vector<std::string> &Names, bool Sarif,
                                         const MergeSettings &Settings) {
  LockGraph Union;
  bool First = true;
  for (size_t I = 0; I < Reports.size(); ++I) {
    auto [Results, GraphJson] = partsOf(Reports[I], Sarif);
    Array Kept;
    for (Value &Result : *Results)
      if (!markedAcrossUnits(Result, Sarif))
        Kept.push_back(std::move(Result));
    *Results = std::move(Kept);
    if (!GraphJson)
      continue;
    auto Graph = readLockGraph(*GraphJson, Settings.ProjectRoot);
    if (!Graph)
      return mergeError("'" + Names[I] + "': " + llvm::toString(Graph.takeError()));
    if (First) {
      Union.Order = Graph->Order;
      Union.ProjectRoot = Graph->ProjectRoot;
      First = false;
    } else if (Graph->Order != Union.Order) {
      return mergeError("'" + Names[I] + "' was linted with LockOrder '" + joined(Graph->Order) +
                        "', another shard with '" + joined(Union.Order) +
                        "': lint every shard with one configuration");
    }
    llvm::append_range(Union.Units, std::move(Graph->Units));
  }
  return Union;
}

llvm::Expected<std::vector<Value>>
cyclesAcrossShards(const LockGraph &Graph, bool Sarif, const MergeSettings &Settings) {
  if (Graph.empty() || !Settings.FindCycles)
    return std::vector<Value>{};
  LintResult Run;
  Run.AcrossUnits = Settings.FindCycles(Graph.Units, Graph.Order);
  if (Run.AcrossUnits.empty())
    return std::vector<Value>{};
  if (llvm::Error Err = needSources(Run.AcrossUnits, Graph.ProjectRoot))
    return std::move(Err);
  // Rendered by the run's own writers, so that the results are the ones an
  // unsharded run writes, fingerprints included.
  SourcePositions Positions;
  Report R = buildReport(Run, Graph.ProjectRoot, Positions);
  if (Settings.Old)
    compareWithBaseline(R, *Settings.Old);
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  if (Sarif)
    writeSarif(R, builtinRules(), {Graph.ProjectRoot, Run}, Positions, OS);
  else
    writeJsonReport(Run, R, {Graph.ProjectRoot, 0}, Positions, OS);
  OS.flush();
  auto Written = llvm::json::parse(Text);
  if (!Written)
    return Written.takeError();
  Array *Rendered = partsOf(*Written, Sarif).first;
  return std::vector<Value>(std::make_move_iterator(Rendered->begin()),
                            std::make_move_iterator(Rendered->end()));
}

} // namespace modlint
