#include "report/Merge.h"

#include "core/InputLimits.h"
#include "report/MergeLockGraph.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <set>
#include <tuple>

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace modlint {

namespace {
/// What keeps a SARIF log with one run from being merged, or empty: the
/// merge relies on the run's results and invocations being there.
std::string sarifProblem(const Object &Log) {
  const Object *Run = (*Log.getArray("runs"))[0].getAsObject();
  if (!Run)
    return "its run is not an object";
  if (!Run->getArray("results"))
    return "its run has no results";
  const Array *Invocations = Run->getArray("invocations");
  if (!Invocations)
    return "its run has no invocations";
  if (!llvm::all_of(*Invocations, [](const Value &I) { return I.getAsObject(); }))
    return "an invocation is not an object";
  return {};
}

/// SARIF: one run; results once per fingerprint; the run succeeded only if
/// every shard's did.
llvm::Expected<MergeResult> mergeSarif(std::vector<Value> Logs, std::vector<Value> AcrossShards,
                                       const LockGraph &Graph, Threshold FailOn) {
  Value Merged = std::move(Logs.front());
  Object &Run = *(*Merged.getAsObject()->getArray("runs"))[0].getAsObject();
  const Value *Root = Run.get("originalUriBaseIds");
  std::set<std::string> Seen;
  Array Results;
  bool Succeeded = true;
  Array Notifications;
  MergeResult Out;
  auto TakeResult = [&](Value &Result) -> llvm::Error {
    const Object *R = Result.getAsObject();
    const Object *Prints = R ? R->getObject("partialFingerprints") : nullptr;
    if (!Prints || !Prints->getString(FingerprintKey))
      return mergeError("a result has no modlint fingerprint");
    const std::string Key = R->getString("ruleId").value_or("").str() + "/" +
                            Prints->getString(FingerprintKey)->str();
    if (!Seen.insert(Key).second)
      return llvm::Error::success();
    if (!R->getArray("suppressions") && R->getString("baselineState") != "unchanged" &&
        R->getString("baselineState") != "absent" &&
        atOrAbove(R->getString("level").value_or("warning"), FailOn))
      Out.FailsGate = true;
    Results.push_back(std::move(Result));
    return llvm::Error::success();
  };
  auto Take = [&](Object &FromRun) -> llvm::Error {
    const Value *OtherRoot = FromRun.get("originalUriBaseIds");
    if (!Root || !OtherRoot || *Root != *OtherRoot)
      return mergeError("the SARIF logs have different project roots (%SRCROOT%)");
    for (Value &Result : *FromRun.getArray("results"))
      if (llvm::Error Err = TakeResult(Result))
        return Err;
    for (Value &Invocation : *FromRun.getArray("invocations")) {
      Object &I = *Invocation.getAsObject();
      Succeeded = Succeeded && I.getBoolean("executionSuccessful").value_or(false);
      if (Array *Notes = I.getArray("toolExecutionNotifications"))
        for (Value &Note : *Notes)
          Notifications.push_back(std::move(Note));
    }
    return llvm::Error::success();
  };
  if (llvm::Error Err = Take(Run))
    return std::move(Err);
  for (size_t I = 1; I < Logs.size(); ++I)
    if (llvm::Error Err = Take(*(*Logs[I].getAsObject()->getArray("runs"))[0].getAsObject()))
      return std::move(Err);
  for (Value &Result : AcrossShards)
    if (llvm::Error Err = TakeResult(Result))
      return std::move(Err);
  Run["results"] = std::move(Results);
  if (!Graph.empty()) {
    if (!Run.getObject("properties"))
      Run["properties"] = Object{};
    (*Run.getObject("properties"))[LockGraphProperty] = lockGraphJson(Graph);
  }
  Object Invocation{{"executionSuccessful", Succeeded}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  Run["invocations"] = Array{std::move(Invocation)};
  Out.Text = llvm::formatv("{0:2}", Merged).str() + "\n";
  Out.Report = std::move(Merged);
  return Out;
}

/// JSON: findings once per fingerprint, in the report's order; the summary
/// recounted.
llvm::Expected<MergeResult> mergeJson(std::vector<Value> Reports, std::vector<Value> AcrossShards,
                                      const LockGraph &Graph, Threshold FailOn) {
  Value Merged = std::move(Reports.front());
  Object &Root = *Merged.getAsObject();
  using SortKey = std::tuple<std::string, int64_t, int64_t, std::string, std::string>;
  std::map<SortKey, Value> Findings;
  std::set<std::string> Seen;
  int64_t Units = 0, Suppressed = 0, Absent = 0;
  Array Failed;
  MergeResult Out;
  auto TakeFinding = [&](const Value &F) -> llvm::Error {
    const Object *O = F.getAsObject();
    if (!O || !O->getString("fingerprint"))
      return mergeError("a finding has no fingerprint");
    if (!Seen.insert(O->getString("check").value_or("").str() + "/" +
                     O->getString("fingerprint")->str())
             .second)
      return llvm::Error::success();
    if (O->getString("baselineState") != "unchanged" &&
        atOrAbove(O->getString("level").value_or("warning"), FailOn))
      Out.FailsGate = true;
    Findings.emplace(SortKey{O->getString("file").value_or("").str(),
                             O->getInteger("line").value_or(0),
                             O->getInteger("column").value_or(0),
                             O->getString("check").value_or("").str(),
                             O->getString("message").value_or("").str()},
                     F);
    return llvm::Error::success();
  };
  auto Take = [&](Object &Report) -> llvm::Error {
    const Array *List = Report.getArray("findings");
    const Object *Summary = Report.getObject("summary");
    if (!List || !Summary)
      return mergeError("not a modlint JSON report");
    for (const Value &F : *List)
      if (llvm::Error Err = TakeFinding(F))
        return Err;
    Units += Summary->getInteger("units").value_or(0);
    Suppressed += Summary->getInteger("suppressed").value_or(0);
    Absent += Summary->getInteger("absentFromBaseline").value_or(0);
    if (const Array *F = Summary->getArray("failedUnits"))
      for (const Value &File : *F)
        Failed.push_back(File);
    return llvm::Error::success();
  };
  if (llvm::Error Err = Take(Root))
    return std::move(Err);
  for (size_t I = 1; I < Reports.size(); ++I)
    if (llvm::Error Err = Take(*Reports[I].getAsObject()))
      return std::move(Err);
  for (const Value &F : AcrossShards)
    if (llvm::Error Err = TakeFinding(F))
      return std::move(Err);
  if (!Graph.empty())
    Root["lockGraph"] = lockGraphJson(Graph);
  Array Ordered;
  Object PerCheck;
  std::map<std::string, int64_t> Counts;
  for (auto &[Key, F] : Findings) {
    ++Counts[std::get<3>(Key)];
    Ordered.push_back(std::move(F));
  }
  for (const auto &[Check, N] : Counts)
    PerCheck[Check] = N;
  Root["findings"] = std::move(Ordered);
  Root["summary"] = Object{{"units", Units},
                           {"failedUnits", std::move(Failed)},
                           {"findingsPerCheck", std::move(PerCheck)},
                           {"suppressed", Suppressed},
                           {"absentFromBaseline", Absent}};
  Out.Text = llvm::formatv("{0:2}", Merged).str() + "\n";
  Out.Report = std::move(Merged);
  return Out;
}
} // namespace

llvm::Expected<MergeResult> mergeReports(const std::vector<std::string> &Inputs,
                                         const MergeSettings &Settings) {
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> Buffers; // the texts' storage
  std::vector<ReportText> Texts;
  for (const std::string &Input : Inputs) {
    auto Buffer = readInputFile(Input, MaxReportBytes);
    if (!Buffer)
      return mergeError("cannot read '" + Input + "': " + llvm::toString(Buffer.takeError()));
    Buffers.push_back(std::move(*Buffer));
    Texts.push_back({Input, Buffers.back()->getBuffer()});
  }
  return mergeReportTexts(Texts, Settings);
}

llvm::Expected<MergeResult> mergeReportTexts(const std::vector<ReportText> &Inputs,
                                             const MergeSettings &Settings) {
  if (Inputs.empty())
    return mergeError("nothing to merge");
  std::vector<Value> Parsed;
  std::vector<std::string> Names;
  bool Sarif = false;
  for (const ReportText &Input : Inputs) {
    auto Value = parseJsonInput(Input.Text);
    if (!Value)
      return mergeError("'" + Input.Name + "' is not JSON: " + llvm::toString(Value.takeError()));
    const Object *O = Value->getAsObject();
    const bool IsSarif = O && O->getString("version") == "2.1.0" && O->getArray("runs") &&
                         O->getArray("runs")->size() == 1;
    const bool IsJson = O && O->getArray("findings") && O->getObject("summary");
    if (!IsSarif && !IsJson)
      return mergeError("'" + Input.Name + "' is neither a SARIF log nor a JSON report of modlint");
    if (const std::string Problem = IsSarif ? sarifProblem(*O) : ""; !Problem.empty())
      return mergeError("'" + Input.Name + "' is not a SARIF log of modlint: " + Problem);
    if (Parsed.empty())
      Sarif = IsSarif;
    else if (IsSarif != Sarif)
      return mergeError("cannot merge SARIF with JSON ('" + Input.Name + "')");
    Parsed.push_back(std::move(*Value));
    Names.push_back(Input.Name);
  }
  auto Graph = takeLockGraphs(Parsed, Names, Sarif, Settings);
  if (!Graph)
    return Graph.takeError();
  auto AcrossShards = cyclesAcrossShards(*Graph, Sarif, Settings);
  if (!AcrossShards)
    return AcrossShards.takeError();
  return Sarif ? mergeSarif(std::move(Parsed), std::move(*AcrossShards), *Graph, Settings.FailOn)
               : mergeJson(std::move(Parsed), std::move(*AcrossShards), *Graph, Settings.FailOn);
}

} // namespace modlint
