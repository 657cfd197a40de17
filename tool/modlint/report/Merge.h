// `modlint merge`: combines the reports of several shards (SARIF or JSON)
// into one, each finding once.
#pragma once

#include "report/Report.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace modlint {

struct MergeResult {
  std::string Text;      // the merged report
  bool FailsGate = false; // a result at or above the threshold, not in a baseline
};

/// All inputs must be of one format, and SARIF logs of one project root.
llvm::Expected<MergeResult> mergeReports(const std::vector<std::string> &Inputs,
                                         Threshold FailOn);

/// A report's name (for messages) and its text.
struct ReportText {
  std::string Name;
  llvm::StringRef Text;
};

/// mergeReports on texts already read.
llvm::Expected<MergeResult> mergeReportTexts(const std::vector<ReportText> &Inputs,
                                             Threshold FailOn);

} // namespace modlint
