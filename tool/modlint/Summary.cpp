#include "Summary.h"

#include "JsonReport.h"
#include "fmt/format.h"
#include <map>

namespace modlint {

size_t countWarnings(const LintResult &Result) {
  size_t Count = 0;
  for (const auto &Error : Result.Diagnostics)
    if (levelName(Error) != "note")
      ++Count;
  return Count;
}

std::string summaryText(const LintResult &Result, const RunStats &Stats,
                        llvm::StringRef Root) {
  std::map<std::string, size_t> PerCheck;
  size_t Notes = 0;
  for (const auto &Error : Result.Diagnostics) {
    if (levelName(Error) == "note")
      ++Notes;
    else if (levelName(Error) == "warning")
      ++PerCheck[Error.DiagnosticName];
  }
  const size_t Warnings = countWarnings(Result);
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
  Text += fmt::format(", {} note{}\n", Notes, Notes == 1 ? "" : "s");
  for (const std::string &File : Result.FailedFiles)
    Text += fmt::format("modlint: error: {} did not compile; its findings "
                        "may be incomplete\n",
                        relativeTo(File, Root));
  return Text;
}

} // namespace modlint
