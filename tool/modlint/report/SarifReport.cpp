#include "report/SarifReport.h"

#include "core/Levels.h"
#include "core/Paths.h"
#include "report/LockGraph.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include <array>

using clang::tidy::ClangTidyError;
using clang::tooling::DiagnosticMessage;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace modlint {

namespace {
/// The documentation's address when the build was given one (the CMake
/// cache variable MODLINT_INFORMATION_URI); empty: no link is written.
constexpr llvm::StringLiteral InformationUri = MODLINT_INFORMATION_URI;

constexpr const char *SourceRoot = "%SRCROOT%";

/// §3.11.5: plain-text messages are complete sentences ending in a period.
Object message(llvm::StringRef Text) {
  std::string Sentence = Text.str();
  if (!Sentence.empty() && !llvm::StringRef(".!?").contains(Sentence.back()))
    Sentence += ".";
  return Object{{"text", Sentence}};
}

/// §3.4.3: a path as a URI reference, percent-encoding what a URI cannot
/// hold.
std::string relativeUri(llvm::StringRef Path) {
  std::string Uri;
  for (char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C))
      Uri += C;
    else
      Uri += "%" + llvm::utohexstr(static_cast<unsigned char>(C), false, 2);
  }
  return Uri;
}

/// §3.10: a file URI for an absolute directory, ending in a slash as a base
/// URI must (§3.14.14).
std::string directoryUri(llvm::StringRef Directory) {
  std::string Uri = "file://" + relativeUri(Directory);
  if (Uri.back() != '/')
    Uri += '/';
  return Uri;
}

/// §3.52: the SARIF level for a finding.
llvm::StringRef sarifLevel(llvm::StringRef Level) {
  return Level == "suggestion" ? "note" : Level == "error" ? "error" : "warning";
}

/// "modlint-nonatomic-update" -> "NonatomicUpdate" (§3.49.7, name).
std::string ruleName(llvm::StringRef Id) {
  Id.consume_front("modlint-");
  std::string Name;
  for (llvm::StringRef Part : llvm::split(Id, '-'))
    if (!Part.empty())
      Name += llvm::toUpper(Part[0]) + Part.drop_front().str();
  return Name;
}

/// §3.49: a rule's metadata, all from the catalogue.
Object reportingDescriptor(const Rule &R) {
  std::string Markdown = R.Summary + "\n\n" + R.Rationale + "\n";
  if (!R.Note.empty())
    Markdown += "\n" + R.Note + "\n";
  Markdown += "\nReported:\n\n```cpp\n" + R.Bad + "```\n\nFixed:\n\n```cpp\n" +
              R.Good + "```\n";
  Array Tags;
  for (const std::string &Tag : R.Tags)
    Tags.push_back(Tag);
  Object Rule{
      {"id", R.Id},
      {"name", ruleName(R.Id)},
      {"shortDescription", message(R.Summary)},
      {"fullDescription", message(llvm::StringRef(R.Rationale).trim())},
      {"help", Object{{"text", R.Summary + "\n\n" + R.Rationale},
                      {"markdown", Markdown}}},
      {"defaultConfiguration", Object{{"level", sarifLevel(R.Level)}}},
      {"properties", Object{{"tags", std::move(Tags)}, {"precision", "high"}}}};
  // The help text is embedded; a link is given only to real documentation.
  if (!InformationUri.empty())
    Rule["helpUri"] = (InformationUri + "checks/" + R.Id + ".md").str();
  return Rule;
}

/// §3.8: the run's property bag, with its lock graph when it has one.
Object runProperties(const SarifContext &Context) {
  Object Properties{{"llvmVersion", CLANG_VERSION_STRING}};
  const LockGraph Graph = runLockGraph(Context.Result, Context.ProjectRoot);
  if (!Graph.empty())
    Properties[LockGraphProperty] = lockGraphJson(Graph);
  return Properties;
}

/// §3.4: the file under %SRCROOT% when it is in the project.
Object artifactLocation(const std::string &File, const std::string &ProjectRoot) {
  std::string Relative = relativeTo(File, ProjectRoot);
  if (llvm::sys::path::is_absolute(Relative))
    return Object{{"uri", "file://" + relativeUri(Relative)}};
  return Object{{"uri", relativeUri(Relative)}, {"uriBaseId", SourceRoot}};
}

class ResultBuilder {
public:
  ResultBuilder(const SarifContext &Context, SourcePositions &Positions)
      : Context(Context), Positions(Positions) {}

  /// §3.30: a region between two byte offsets.
  Object region(const std::string &File, unsigned Offset, unsigned EndOffset) {
    Position Start = Positions.utf16At(File, Offset);
    Position End = Positions.utf16At(File, EndOffset);
    return Object{{"startLine", Start.Line},
                  {"startColumn", Start.Column},
                  {"endLine", End.Line},
                  {"endColumn", End.Column}};
  }

  Object artifactLocation(const std::string &File) {
    return modlint::artifactLocation(File, Context.ProjectRoot);
  }

  /// §3.28: where a message points, with its highlighted range.
  Object location(const DiagnosticMessage &Message) {
    return Object{{"physicalLocation",
                   Object{{"artifactLocation", artifactLocation(Message.FilePath)},
                          {"region", region(Message.FilePath, Message.FileOffset,
                                            messageEnd(Message))}}}};
  }

  /// §3.55: a fix as replacements in one or more files.
  Array fixes(const DiagnosticMessage &Message) {
    Array Changes;
    for (const auto &[File, Replacements] : Message.Fix) {
      Array Edits;
      for (const clang::tooling::Replacement &R : Replacements)
        Edits.push_back(Object{
            {"deletedRegion", region(R.getFilePath().str(), R.getOffset(),
                                     R.getOffset() + R.getLength())},
            {"insertedContent", Object{{"text", R.getReplacementText().str()}}}});
      Changes.push_back(Object{{"artifactLocation", artifactLocation(File.str())},
                               {"replacements", std::move(Edits)}});
    }
    if (Changes.empty())
      return {};
    return Array{Object{{"description", message("Declare the member const")},
                        {"artifactChanges", std::move(Changes)}}};
  }

  /// §3.27: one result.
  Object result(const ReportEntry &Entry, int64_t RuleIndex) {
    const ClangTidyError &E = *Entry.Error;
    Object Result{{"ruleId", E.DiagnosticName},
                  {"level", sarifLevel(levelName(E))},
                  {"message", message(E.Message.Message)},
                  {"locations", Array{location(E.Message)}},
                  {"partialFingerprints",
                   Object{{FingerprintKey, Entry.Fingerprint}}}};
    if (RuleIndex >= 0)
      Result["ruleIndex"] = RuleIndex;
    Array Related;
    int64_t Id = 1;
    for (const DiagnosticMessage &Note : E.Notes) {
      Object Where = location(Note);
      Where["id"] = Id++;
      Where["message"] = message(Note.Message);
      Related.push_back(std::move(Where));
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    Array Fixes = fixes(E.Message);
    if (!Fixes.empty())
      Result["fixes"] = std::move(Fixes);
    // §3.35: a NOLINT comment is an in-source suppression.
    if (Entry.Suppressed)
      Result["suppressions"] =
          Array{Object{{"kind", "inSource"}, {"status", "accepted"}}};
    // §3.8: marks a cycle that `merge` searches again over every shard.
    if (Entry.AcrossUnits)
      Result["properties"] = Object{{AcrossUnitsProperty, true}};
    // §3.27.24
    if (Entry.State == BaselineState::New)
      Result["baselineState"] = "new";
    else if (Entry.State == BaselineState::Unchanged)
      Result["baselineState"] = "unchanged";
    return Result;
  }

  /// §3.58: a unit that could not be fully analysed.
  Object notification(const std::string &File, llvm::StringRef Why) {
    return Object{
        {"level", "error"},
        {"message", message(relativeTo(File, Context.ProjectRoot) + " " + Why.str())},
        {"locations",
         Array{Object{{"physicalLocation",
                       Object{{"artifactLocation", artifactLocation(File)}}}}}}};
  }

private:
  const SarifContext &Context;
  SourcePositions &Positions;
};
} // namespace

void writeSarif(const Report &R, const std::vector<Rule> &Rules,
                const SarifContext &Context, SourcePositions &Positions,
                llvm::raw_ostream &OS) {
  // §3.19.23: every rule, not only those that fired.
  Array RuleArray;
  std::map<std::string, int64_t> RuleIndex;
  for (const Rule &Rule : Rules) {
    RuleIndex[Rule.Id] = static_cast<int64_t>(RuleArray.size());
    RuleArray.push_back(reportingDescriptor(Rule));
  }
  ResultBuilder Builder(Context, Positions);
  Array Results;
  for (const ReportEntry &Entry : R.Entries) {
    auto Index = RuleIndex.find(Entry.Error->DiagnosticName);
    Results.push_back(Builder.result(
        Entry, Index == RuleIndex.end() ? -1 : Index->second));
  }
  // §3.27.24: findings of the baseline that are gone, marked absent.
  for (const Value &Old : R.Absent) {
    Value Copy = Old;
    (*Copy.getAsObject())["baselineState"] = "absent";
    Results.push_back(std::move(Copy));
  }
  Array Notifications;
  for (const std::string &File : Context.Result.FailedFiles)
    Notifications.push_back(
        Builder.notification(File, "did not compile; its findings may be incomplete"));
  for (const std::string &File : Context.Result.CrashedFiles)
    Notifications.push_back(Builder.notification(File, "crashed the analysis; it has no findings"));
  for (const std::string &File : Context.Result.MissingFiles)
    Notifications.push_back(
        Builder.notification(File, "is named by the compilation database but does not exist"));

  Object Driver{{"name", "modlint"},
                {"fullName", "modlint " MODLINT_VERSION},
                {"version", MODLINT_VERSION},
                {"semanticVersion", MODLINT_VERSION},
                {"rules", std::move(RuleArray)}};
  if (!InformationUri.empty())
    Driver["informationUri"] = InformationUri;
  Object Invocation{{"executionSuccessful", Context.Result.complete()}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  Object Run{
      {"tool", Object{{"driver", std::move(Driver)}}},
      {"invocations", Array{std::move(Invocation)}},
      // §3.14.14: URIs are relative to the project root, named %SRCROOT%.
      {"originalUriBaseIds",
       Object{{SourceRoot, Object{{"uri", directoryUri(Context.ProjectRoot)}}}}},
      {"results", std::move(Results)},
      {"properties", runProperties(Context)}};
  Value Log = Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", Log) << "\n";
}

void writeBaselineLog(const Report &R, const std::string &ProjectRoot, llvm::raw_ostream &OS) {
  std::vector<std::pair<std::array<std::string, 4>, Object>> Sorted;
  for (const ReportEntry &Entry : R.Entries) {
    if (Entry.Suppressed)
      continue;
    const ClangTidyError &E = *Entry.Error;
    const std::string File = relativeTo(E.Message.FilePath, ProjectRoot);
    Object Result{{"ruleId", E.DiagnosticName},
                  {"level", sarifLevel(levelName(E))},
                  {"message", message(E.Message.Message)},
                  {"locations",
                   Array{Object{{"physicalLocation",
                                 Object{{"artifactLocation",
                                         artifactLocation(E.Message.FilePath, ProjectRoot)}}}}}},
                  {"partialFingerprints", Object{{FingerprintKey, Entry.Fingerprint}}}};
    Sorted.push_back({{File, E.DiagnosticName, E.Message.Message, Entry.Fingerprint},
                      std::move(Result)});
  }
  llvm::sort(Sorted, [](const auto &A, const auto &B) { return A.first < B.first; });
  Array Results;
  for (auto &Entry : Sorted)
    Results.push_back(std::move(Entry.second));
  Object Run{{"tool", Object{{"driver", Object{{"name", "modlint"}}}}},
             {"results", std::move(Results)}};
  Value Log = Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                     {"version", "2.1.0"},
                     {"runs", Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", Log) << "\n";
}

} // namespace modlint
