#include "cli/Summary.h"

#include "catalog/RuleCatalog.h"
#include "core/Levels.h"
#include "core/Paths.h"
#include "fmt/format.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <map>
#include <set>

namespace modlint {

namespace {
/// A finding as the summary counts it.
struct Counted {
  std::string Check;
  std::string Level;
  /// Where the member a member-state finding is about is declared; empty
  /// for the other checks.
  std::string Member;
};

bool isMemberState(llvm::StringRef Check) {
  const Rule *R = findRule(Check);
  return R && llvm::is_contained(R->Tags, "member-state");
}

/// mutable-member reports at the declaration; a write check ends with a
/// note there.
bool atDeclaration(llvm::StringRef Check) { return Check == "modlint-mutable-member"; }

Counted counted(const clang::tidy::ClangTidyError &Error) {
  Counted C{Error.DiagnosticName, levelName(Error).str(), ""};
  if (isMemberState(Error.DiagnosticName)) {
    const clang::tooling::DiagnosticMessage &At =
        atDeclaration(Error.DiagnosticName) || Error.Notes.empty() ? Error.Message
                                                                   : Error.Notes.back();
    C.Member = fmt::format("{}:{}", At.FilePath, At.FileOffset);
  }
  return C;
}

Counted counted(const PlainFinding &F) {
  Counted C{F.Check, F.Level, ""};
  if (isMemberState(F.Check)) {
    const bool Here = atDeclaration(F.Check) || F.Notes.empty();
    C.Member = Here ? fmt::format("{}:{}:{}", F.File, F.Line, F.Column)
                    : fmt::format("{}:{}:{}", F.Notes.back().File, F.Notes.back().Line,
                                  F.Notes.back().Column);
  }
  return C;
}

std::string counted(size_t N, llvm::StringRef Noun) {
  return fmt::format("{} {}{}", N, Noun.str(), N == 1 ? "" : "s");
}

/// "8 warnings on 4 members (per check)", "3 warnings, 2 on 1 member
/// (...)", then compiler errors (never counted as warnings) and
/// suggestions.
std::string findingsText(const std::vector<Counted> &Findings) {
  std::map<std::string, size_t> PerCheck;
  std::set<std::string> Members;
  size_t Warnings = 0, OnMembers = 0, Errors = 0, Suggestions = 0;
  for (const Counted &F : Findings) {
    Errors += F.Level == "error";
    Suggestions += F.Level == "suggestion";
    if (F.Level != "warning")
      continue;
    ++Warnings;
    ++PerCheck[F.Check];
    if (!F.Member.empty()) {
      ++OnMembers;
      Members.insert(F.Member);
    }
  }
  std::string Text = counted(Warnings, "warning");
  if (OnMembers > 0)
    Text += fmt::format("{}{} on {}", OnMembers == Warnings ? "" : ", ",
                        OnMembers == Warnings ? "" : std::to_string(OnMembers),
                        counted(Members.size(), "member"));
  std::string Parts;
  for (const auto &[Check, N] : PerCheck)
    Parts += fmt::format("{}{}: {}", Parts.empty() ? "" : ", ", Check, N);
  if (!Parts.empty())
    Text += " (" + Parts + ")";
  if (Errors > 0)
    Text += ", " + counted(Errors, "compiler error");
  return Text + ", " + counted(Suggestions, "suggestion");
}

std::string baselineText(size_t New, size_t Unchanged, size_t Fixed) {
  return fmt::format("; against the baseline: {} new, {} unchanged, {} fixed", New, Unchanged,
                     Fixed);
}
} // namespace

std::string summaryText(const LintResult &Result, const Report &R,
                        const RunStats &Stats, llvm::StringRef Root) {
  std::vector<Counted> Findings;
  for (const auto *List : {&Result.Diagnostics, &Result.AcrossUnits})
    for (const auto &Error : *List)
      Findings.push_back(counted(Error));
  const std::string Units =
      Stats.Units > Stats.Files ? fmt::format(" ({} units)", Stats.Units) : "";
  std::string Text =
      fmt::format("modlint: {}{} linted in {:.1f}s: {}", counted(Stats.Files, "file"), Units,
                  Stats.Seconds, findingsText(Findings));
  if (!Result.Suppressed.empty())
    Text += fmt::format(", {} suppressed by NOLINT", Result.Suppressed.size());
  if (R.HasBaseline) {
    size_t New = 0, Unchanged = 0;
    for (const ReportEntry &Entry : R.Entries)
      if (!Entry.Suppressed)
        ++(Entry.State == BaselineState::New ? New : Unchanged);
    Text += baselineText(New, Unchanged, R.Absent.size());
  }
  return Text + "\n";
}

std::string mergeSummaryText(size_t Reports, const std::vector<PlainFinding> &Merged,
                             std::optional<size_t> Fixed) {
  std::vector<Counted> Findings;
  size_t Suppressed = 0, New = 0, Unchanged = 0;
  for (const PlainFinding &F : Merged) {
    if (F.Suppressed) {
      ++Suppressed;
      continue;
    }
    Findings.push_back(counted(F));
    ++(F.Unchanged ? Unchanged : New);
  }
  std::string Text = fmt::format("modlint: {} merged: {}", counted(Reports, "report"),
                                 findingsText(Findings));
  if (Suppressed > 0)
    Text += fmt::format(", {} suppressed by NOLINT", Suppressed);
  if (Fixed)
    Text += baselineText(New, Unchanged, *Fixed);
  return Text + "\n";
}

std::string incompleteText(const LintResult &Result, llvm::StringRef Root) {
  std::string Text;
  for (const std::string &File : Result.FailedFiles)
    Text += fmt::format("modlint: error: {} did not compile; its findings "
                        "may be incomplete\n",
                        relativeTo(File, Root));
  for (const std::string &File : Result.CrashedFiles)
    Text += fmt::format("modlint: error: the analysis of {} crashed; the other "
                        "units were linted\n",
                        relativeTo(File, Root));
  return Text;
}

std::string statsText(const LintResult &Result, size_t Units) {
  const auto &W = Result.Work;
  return fmt::format("modlint: stats: {} units: {} from the cache, {} parsed; {} "
                     "of them on {} shared precompiled prefix{}, {} parsed again without; {} "
                     "finding{} in the prefixes' bodies worked out once; {} prefix{} kept "
                     "from an earlier run\n",
                     Units, W.FromCache, Units - W.FromCache, W.OnSharedPrefix,
                     W.SharedPrefixes, W.SharedPrefixes == 1 ? "" : "es", W.ParsedAgain,
                     W.PrefixFindings, W.PrefixFindings == 1 ? "" : "s", W.KeptPrefixes,
                     W.KeptPrefixes == 1 ? "" : "es");
}

std::string keptPrefixesStatsText(const LintResult &Result, size_t Units) {
  const auto &W = Result.Work;
  return fmt::format("modlint: stats: {} units: {} from the cache; the others start with {} "
                     "kept prefix{}: {} precompiled now, {} kept from an earlier run; {} "
                     "unit{} linted ahead into the cache while the last prefixes were built\n",
                     Units, W.FromCache, W.SharedPrefixes, W.SharedPrefixes == 1 ? "" : "es",
                     W.SharedPrefixes - W.KeptPrefixes, W.KeptPrefixes, W.LintedAhead,
                     W.LintedAhead == 1 ? "" : "s");
}

std::string inferredText(const std::vector<LintJob> &Jobs, const std::vector<std::string> &Inferred,
                         llvm::StringRef Root) {
  std::string Text;
  for (const LintJob &Job : Jobs)
    if (llvm::is_contained(Inferred, Job.File))
      Text += fmt::format("modlint: stats: {} has no database entry; linted with the command "
                          "{}: {}\n",
                          relativeTo(Job.File, Root), Job.Command.Heuristic,
                          llvm::join(Job.Command.CommandLine, " "));
  return Text;
}

} // namespace modlint
