// `modlint merge`: combines the reports of several shards (SARIF or JSON)
// into one, each finding once, and completes the run's lock-order graph:
// the cycles that need the units of several shards are found here.
#pragma once

#include "report/Report.h"
#include "core/LockEdges.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <functional>
#include <string>
#include <vector>

namespace modlint {

struct MergeResult {
  std::string Text;      // the merged report
  llvm::json::Value Report = nullptr; // the same, as JSON: its findings are read back from it
  bool FailsGate = false; // a result at or above the threshold, not in a baseline
};

/// The lock-order cycles of a graph that no unit's own edges hold, in the
/// check's words, each once and sorted by place (the engine's search; the
/// command passes it in, since this layer parses nothing).
using CycleSearch = std::function<std::vector<clang::tidy::ClangTidyError>(
    const std::vector<std::vector<LockEdge>> &Units, const std::vector<std::string> &Order)>;

struct MergeSettings {
  Threshold FailOn = Threshold::Warning;
  /// Where the sources are, to place the cycles found across shards; empty:
  /// the reports' own project root.
  std::string ProjectRoot;
  /// The baseline the cycles found across shards are compared with (the
  /// shards' own findings carry their states already); null: none.
  const Baseline *Old = nullptr;
  /// Null: the shards' lock graphs are combined but not searched.
  CycleSearch FindCycles;
};

/// All inputs must be of one format, and SARIF logs of one project root.
llvm::Expected<MergeResult> mergeReports(const std::vector<std::string> &Inputs,
                                         const MergeSettings &Settings);

/// A report's name (for messages) and its text.
struct ReportText {
  std::string Name;
  llvm::StringRef Text;
};

/// mergeReports on texts already read.
llvm::Expected<MergeResult> mergeReportTexts(const std::vector<ReportText> &Inputs,
                                             const MergeSettings &Settings);

} // namespace modlint
