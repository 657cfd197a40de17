#include "report/Report.h"

#include "core/InputLimits.h"
#include "core/Levels.h"
#include "core/Paths.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"
#include <map>
#include <tuple>
#include <set>

using clang::tidy::ClangTidyError;

namespace modlint {

namespace {
/// The line's text with runs of blanks folded, so re-indenting keeps it.
std::string normalisedLine(llvm::StringRef Line) {
  std::string Out;
  bool Blank = false;
  for (char C : Line.trim()) {
    const bool IsBlank = C == ' ' || C == '\t';
    if (IsBlank && Blank)
      continue;
    Out += IsBlank ? ' ' : C;
    Blank = IsBlank;
  }
  return Out;
}

llvm::Error notBaseline(llvm::StringRef Path, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "baseline '" + Path + "' is not a SARIF log written by "
                                 "modlint: " + Why);
}

std::optional<std::string> fingerprintOf(const llvm::json::Value &Result) {
  const llvm::json::Object *Object = Result.getAsObject();
  const llvm::json::Object *Prints =
      Object ? Object->getObject("partialFingerprints") : nullptr;
  if (!Prints)
    return std::nullopt;
  if (auto Print = Prints->getString(FingerprintKey))
    return Print->str();
  return std::nullopt;
}
} // namespace

std::string fingerprintBase(const ClangTidyError &E, const std::string &Root,
                            SourcePositions &Positions) {
  const std::string &File = E.Message.FilePath;
  const Position Where = Positions.at(File, E.Message.FileOffset);
  const std::string Key =
      E.DiagnosticName + "\n" + relativeTo(File, Root) + "\n" +
      E.Message.Message + "\n" + normalisedLine(Positions.lineText(File, Where.Line));
  return llvm::utohexstr(llvm::xxh3_64bits(Key), /*LowerCase=*/true, 16);
}

unsigned messageEnd(const clang::tooling::DiagnosticMessage &Message) {
  for (const clang::tooling::FileByteRange &Range : Message.Ranges)
    if (Range.FilePath == Message.FilePath &&
        Range.FileOffset <= Message.FileOffset &&
        Message.FileOffset <= Range.FileOffset + Range.Length)
      return Range.FileOffset + Range.Length;
  return Message.FileOffset;
}

Report buildReport(const LintResult &Result, const std::string &ProjectRoot,
                   SourcePositions &Positions) {
  Report R;
  for (const ClangTidyError &E : Result.Diagnostics)
    R.Entries.push_back({&E, false, false, {}, BaselineState::None});
  for (const ClangTidyError &E : Result.AcrossUnits)
    R.Entries.push_back({&E, false, true, {}, BaselineState::None});
  // In source order, as each list is (its key is the runner's).
  llvm::sort(R.Entries, [](const ReportEntry &A, const ReportEntry &B) {
    auto Key = [](const ReportEntry &E) {
      return std::tie(E.Error->Message.FilePath, E.Error->Message.FileOffset,
                      E.Error->DiagnosticName, E.Error->Message.Message, E.AcrossUnits);
    };
    return Key(A) < Key(B);
  });
  for (const ClangTidyError &E : Result.Suppressed)
    R.Entries.push_back({&E, true, false, {}, BaselineState::None});
  // Identical findings (the same line repeated) are told apart by order.
  std::map<std::string, unsigned> Seen;
  for (ReportEntry &Entry : R.Entries) {
    const std::string Base = fingerprintBase(*Entry.Error, ProjectRoot, Positions);
    Entry.Fingerprint = Base + ":" + std::to_string(Seen[Base]++);
  }
  return R;
}

llvm::Expected<Baseline> readBaseline(llvm::StringRef Path) {
  auto Buffer = readInputFile(Path, MaxReportBytes);
  if (!Buffer)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot read baseline '" + Path +
                                       "': " + llvm::toString(Buffer.takeError()));
  return parseBaseline((*Buffer)->getBuffer(), Path);
}

llvm::Expected<Baseline> parseBaseline(llvm::StringRef Text, llvm::StringRef Path) {
  auto Parsed = parseJsonInput(Text);
  if (!Parsed)
    return notBaseline(Path, llvm::toString(Parsed.takeError()));
  const llvm::json::Object *Log = Parsed->getAsObject();
  if (!Log || Log->getString("version") != "2.1.0")
    return notBaseline(Path, "no SARIF 2.1.0 version");
  const llvm::json::Array *Runs = Log->getArray("runs");
  if (!Runs)
    return notBaseline(Path, "no runs");
  Baseline Old;
  for (const llvm::json::Value &Run : *Runs) {
    const llvm::json::Object *RunObject = Run.getAsObject();
    const llvm::json::Array *Results =
        RunObject ? RunObject->getArray("results") : nullptr;
    if (!Results)
      return notBaseline(Path, "a run without results");
    for (const llvm::json::Value &Result : *Results) {
      if (!fingerprintOf(Result))
        return notBaseline(Path, llvm::Twine("a result without a '") +
                                     FingerprintKey + "' fingerprint");
      // A result already absent in that report is not carried again.
      const llvm::json::Object *Object = Result.getAsObject();
      if (Object->getString("baselineState") != "absent")
        Old.Results.push_back(Result);
    }
  }
  return Old;
}

std::set<std::string> baselineFingerprints(const Baseline &Old) {
  std::set<std::string> Prints;
  for (const llvm::json::Value &Result : Old.Results)
    Prints.insert(*fingerprintOf(Result));
  return Prints;
}

void compareWithBaseline(Report &R, const Baseline &Old) {
  R.HasBaseline = true;
  const std::set<std::string> Before = baselineFingerprints(Old);
  std::set<std::string> Now;
  for (ReportEntry &Entry : R.Entries) {
    Entry.State = Before.count(Entry.Fingerprint) ? BaselineState::Unchanged
                                                  : BaselineState::New;
    Now.insert(Entry.Fingerprint);
  }
  for (const llvm::json::Value &Result : Old.Results)
    if (!Now.count(*fingerprintOf(Result)))
      R.Absent.push_back(Result);
}

bool atOrAbove(llvm::StringRef Level, Threshold FailOn) {
  switch (FailOn) {
  case Threshold::None:
    return false;
  case Threshold::Error:
    return Level == "error";
  case Threshold::Warning:
    return Level == "error" || Level == "warning";
  case Threshold::Suggestion:
    return true;
  }
  return false;
}

bool failsGate(const Report &R, Threshold FailOn) {
  for (const ReportEntry &Entry : R.Entries)
    if (!Entry.Suppressed && Entry.State != BaselineState::Unchanged &&
        atOrAbove(levelName(*Entry.Error), FailOn))
      return true;
  return false;
}

} // namespace modlint
