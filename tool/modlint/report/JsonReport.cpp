#include "report/JsonReport.h"

#include "core/Levels.h"
#include "core/Paths.h"
#include "report/LockGraph.h"
#include "clang/Basic/Version.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

using clang::tidy::ClangTidyError;
using clang::tooling::DiagnosticMessage;

namespace modlint {

namespace {
class JsonWriter {
public:
  JsonWriter(const ReportContext &Context, SourcePositions &Positions)
      : Context(Context), Positions(Positions) {}

  /// File, start and end of a message (see messageEnd).
  void place(llvm::json::Object &Out, const DiagnosticMessage &Message) {
    Out["file"] = relativeTo(Message.FilePath, Context.ProjectRoot);
    Position Start = Positions.at(Message.FilePath, Message.FileOffset);
    Position End = Positions.at(Message.FilePath, messageEnd(Message));
    Out["line"] = Start.Line;
    Out["column"] = Start.Column;
    Out["endLine"] = End.Line;
    Out["endColumn"] = End.Column;
  }

  llvm::json::Array fixes(const DiagnosticMessage &Message) {
    llvm::json::Array Fixes;
    for (const auto &[File, Replacements] : Message.Fix)
      for (const clang::tooling::Replacement &R : Replacements) {
        const std::string Path = R.getFilePath().str();
        Position Start = Positions.at(Path, R.getOffset());
        Position End = Positions.at(Path, R.getOffset() + R.getLength());
        Fixes.push_back(llvm::json::Object{
            {"file", relativeTo(Path, Context.ProjectRoot)},
            {"line", Start.Line},
            {"column", Start.Column},
            {"endLine", End.Line},
            {"endColumn", End.Column},
            {"replacement", R.getReplacementText().str()}});
      }
    return Fixes;
  }

  llvm::json::Object finding(const ClangTidyError &Error) {
    llvm::json::Object Out{{"check", Error.DiagnosticName},
                           {"level", levelName(Error)},
                           {"message", Error.Message.Message}};
    place(Out, Error.Message);
    llvm::json::Array Notes;
    for (const DiagnosticMessage &Note : Error.Notes) {
      llvm::json::Object N{{"message", Note.Message}};
      place(N, Note);
      Notes.push_back(std::move(N));
    }
    Out["notes"] = std::move(Notes);
    Out["fixes"] = fixes(Error.Message);
    return Out;
  }

private:
  const ReportContext &Context;
  SourcePositions &Positions;
};
} // namespace

void writeJsonReport(const LintResult &Result, const Report &R,
                     const ReportContext &Context, SourcePositions &Positions,
                     llvm::raw_ostream &OS) {
  JsonWriter Writer(Context, Positions);
  llvm::json::Array Findings;
  std::map<std::string, int64_t> PerCheck;
  for (const ReportEntry &Entry : R.Entries) {
    if (Entry.Suppressed)
      continue;
    llvm::json::Object Finding = Writer.finding(*Entry.Error);
    Finding["fingerprint"] = Entry.Fingerprint;
    if (Entry.AcrossUnits)
      Finding["acrossUnits"] = true;
    if (R.HasBaseline)
      Finding["baselineState"] =
          Entry.State == BaselineState::New ? "new" : "unchanged";
    Findings.push_back(std::move(Finding));
    ++PerCheck[Entry.Error->DiagnosticName];
  }
  llvm::json::Object Counts;
  for (const auto &[Check, N] : PerCheck)
    Counts[Check] = N;
  llvm::json::Array Failed;
  for (const auto *List : {&Result.FailedFiles, &Result.CrashedFiles, &Result.MissingFiles})
    for (const std::string &File : *List)
      Failed.push_back(relativeTo(File, Context.ProjectRoot));
  llvm::json::Value Root = llvm::json::Object{
      {"version", 1},
      {"tool", llvm::json::Object{{"name", "modlint"},
                                  {"version", MODLINT_VERSION},
                                  {"llvm", CLANG_VERSION_STRING}}},
      {"projectRoot", Context.ProjectRoot},
      {"findings", std::move(Findings)},
      {"summary", llvm::json::Object{{"units", static_cast<int64_t>(Context.Units)},
                                     {"failedUnits", std::move(Failed)},
                                     {"findingsPerCheck", std::move(Counts)},
                                     {"suppressed", static_cast<int64_t>(Result.Suppressed.size())},
                                     {"absentFromBaseline", static_cast<int64_t>(R.Absent.size())}}}};
  if (const LockGraph Graph = runLockGraph(Result, Context.ProjectRoot); !Graph.empty())
    (*Root.getAsObject())["lockGraph"] = lockGraphJson(Graph);
  OS << llvm::formatv("{0:2}", Root) << "\n";
}

} // namespace modlint
