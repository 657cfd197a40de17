#include "cli/MergeCommand.h"

#include "cli/Output.h"
#include "cli/Summary.h"
#include "core/AtomicFile.h"
#include "core/Paths.h"
#include "engine/CrossUnitLockOrder.h"
#include "report/Merge.h"
#include "report/PlainFindings.h"
#include "fmt/format.h"
#include "llvm/Support/raw_ostream.h"

namespace modlint {

namespace {
/// The baseline's results the merged report lists as gone, when the shards
/// were compared with one.
std::optional<size_t> fixedSinceBaseline(const llvm::json::Value &Report) {
  const llvm::json::Object *Root = Report.getAsObject();
  if (const llvm::json::Object *Summary = Root ? Root->getObject("summary") : nullptr)
    if (std::optional<int64_t> Absent = Summary->getInteger("absentFromBaseline"))
      return static_cast<size_t>(*Absent);
  std::optional<size_t> Fixed;
  const llvm::json::Array *Runs = Root ? Root->getArray("runs") : nullptr;
  for (const llvm::json::Value &Run : Runs ? *Runs : llvm::json::Array())
    if (const llvm::json::Array *Results = Run.getAsObject()->getArray("results"))
      for (const llvm::json::Value &Result : *Results)
        if (std::optional<llvm::StringRef> State = Result.getAsObject()->getString("baselineState"))
          Fixed = Fixed.value_or(0) + (*State == "absent");
  return Fixed;
}

/// What --format asks for, made of the merged report.
llvm::Expected<std::string> rendered(const CommandLine &Cmd, const std::string &Merged,
                                     const std::vector<PlainFinding> &Findings, bool Sarif) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  switch (Cmd.MergeFormat) {
  case MergeOutput::Report:
    return Merged;
  case MergeOutput::Sarif:
  case MergeOutput::Json:
    if ((Cmd.MergeFormat == MergeOutput::Sarif) != Sarif)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          fmt::format("the reports are {}, so the merged report is too; --format {} cannot "
                      "be made from them (text and github can)",
                      Sarif ? "SARIF" : "JSON", Sarif ? "json" : "sarif"));
    return Merged;
  case MergeOutput::Text:
    writePlainText(Findings, OS);
    break;
  case MergeOutput::Github:
    writeAnnotations(annotationsOf(Findings), OS);
    break;
  }
  return Text;
}
} // namespace

int mergeCommand(const CommandLine &Cmd) {
  if (llvm::Error Err = refuseOutputOverInput(Cmd.OutputFile, Cmd.MergeInputs))
    return usageError(llvm::toString(std::move(Err)));
  if (llvm::Error Err = checkWritable(Cmd.OutputFile))
    return usageError(llvm::toString(std::move(Err)));
  MergeSettings Settings;
  Settings.FailOn = Cmd.FailOn;
  if (!Cmd.ProjectRoot.empty())
    Settings.ProjectRoot = absolutePath(Cmd.ProjectRoot);
  auto Old = baselineOf(Cmd);
  if (!Old)
    return usageError(llvm::toString(Old.takeError()));
  if (*Old)
    Settings.Old = &**Old;
  Settings.FindCycles = crossUnitLockCycles;
  auto Merged = mergeReports(Cmd.MergeInputs, Settings);
  if (!Merged)
    return usageError(llvm::toString(Merged.takeError()));
  const llvm::json::Value &Report = Merged->Report;
  const std::vector<PlainFinding> Findings = plainFindings(Report);
  const bool Sarif = Report.getAsObject()->getArray("runs") != nullptr;
  auto Text = rendered(Cmd, Merged->Text, Findings, Sarif);
  if (!Text)
    return usageError(llvm::toString(Text.takeError()));
  if (llvm::Error Err = writeFileAtomically(Cmd.OutputFile.empty() ? "-" : Cmd.OutputFile, *Text))
    return usageError(llvm::toString(std::move(Err)));
  if (!Cmd.Quiet)
    fmt::print(stderr, "{}",
               mergeSummaryText(Cmd.MergeInputs.size(), Findings, fixedSinceBaseline(Report)));
  return Merged->FailsGate ? ExitFindings : ExitClean;
}

} // namespace modlint
