// The closing summary on standard error: units linted, findings per check,
// units that did not compile, time.
#pragma once

#include "core/Findings.h"
#include "report/Report.h"
#include <string>

namespace modlint {

struct RunStats {
  size_t Files = 0;
  size_t Units = 0; // compile commands linted: more than Files when a file has several

  double Seconds = 0;
};

std::string summaryText(const LintResult &Result, const Report &R,
                        const RunStats &Stats, llvm::StringRef ShowPathsRelativeTo);

/// For --stats: how the work was saved.
std::string statsText(const LintResult &Result, size_t Units);

} // namespace modlint
