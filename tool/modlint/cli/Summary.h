// The closing summary on standard error: units linted, findings per check,
// time; and the units whose analysis is incomplete.
#pragma once

#include "core/Findings.h"
#include "core/Job.h"
#include "report/PlainFindings.h"
#include "report/Report.h"
#include <optional>
#include <string>

namespace modlint {

struct RunStats {
  size_t Files = 0;
  size_t Units = 0; // compile commands linted: more than Files when a file has several

  double Seconds = 0;
};

std::string summaryText(const LintResult &Result, const Report &R,
                        const RunStats &Stats, llvm::StringRef ShowPathsRelativeTo);

/// The summary of `modlint merge`, from the merged findings; `Fixed` (the
/// baseline's results no longer found) when the shards had a baseline.
std::string mergeSummaryText(size_t Reports, const std::vector<PlainFinding> &Merged,
                             std::optional<size_t> Fixed);

/// One line per unit that did not compile or whose analysis crashed: said
/// even with --quiet, since they make the run fail.
std::string incompleteText(const LintResult &Result, llvm::StringRef ShowPathsRelativeTo);

/// For --stats: how the work was saved.
std::string statsText(const LintResult &Result, size_t Units);

/// --stats of a --keep-prefixes run: how many prefixes the units will
/// share, and how many were already kept.
std::string keptPrefixesStatsText(const LintResult &Result, size_t Units);

/// For --stats: the command each named file without a database entry was
/// linted with, and where it was inferred from.
std::string inferredText(const std::vector<LintJob> &Jobs, const std::vector<std::string> &Inferred,
                         llvm::StringRef ShowPathsRelativeTo);

} // namespace modlint
