#include "cli/Summary.h"

#include "core/Levels.h"
#include "core/Paths.h"
#include "fmt/format.h"
#include <map>

namespace modlint {

std::string summaryText(const LintResult &Result, const Report &R,
                        const RunStats &Stats, llvm::StringRef Root) {
  std::map<std::string, size_t> PerCheck;
  size_t Notes = 0, Warnings = 0;
  for (const auto *List : {&Result.Diagnostics, &Result.AcrossUnits})
    for (const auto &Error : *List) {
      if (levelName(Error) == "note") {
        ++Notes;
        continue;
      }
      ++Warnings;
      if (levelName(Error) == "warning")
        ++PerCheck[Error.DiagnosticName];
    }
  const std::string Units =
      Stats.Units > Stats.Files ? fmt::format(" ({} units)", Stats.Units) : "";
  std::string Text = fmt::format(
      "modlint: {} file{}{} linted in {:.1f}s: {} warning{}", Stats.Files,
      Stats.Files == 1 ? "" : "s", Units, Stats.Seconds, Warnings,
      Warnings == 1 ? "" : "s");
  if (!PerCheck.empty()) {
    std::string Parts;
    for (const auto &[Check, N] : PerCheck)
      Parts += fmt::format("{}{}: {}", Parts.empty() ? "" : ", ", Check, N);
    Text += " (" + Parts + ")";
  }
  Text += fmt::format(", {} note{}", Notes, Notes == 1 ? "" : "s");
  if (!Result.Suppressed.empty())
    Text += fmt::format(", {} suppressed by NOLINT", Result.Suppressed.size());
  if (R.HasBaseline) {
    size_t New = 0, Unchanged = 0;
    for (const ReportEntry &Entry : R.Entries)
      if (!Entry.Suppressed)
        ++(Entry.State == BaselineState::New ? New : Unchanged);
    Text += fmt::format("; against the baseline: {} new, {} unchanged, {} fixed",
                        New, Unchanged, R.Absent.size());
  }
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
                     "of them on {} shared precompiled prefix{}, {} parsed again "
                     "without; {} finding{} in the prefixes' bodies worked out once\n",
                     Units, W.FromCache, Units - W.FromCache, W.OnSharedPrefix,
                     W.SharedPrefixes, W.SharedPrefixes == 1 ? "" : "es", W.ParsedAgain,
                     W.PrefixFindings, W.PrefixFindings == 1 ? "" : "s");
}

} // namespace modlint
