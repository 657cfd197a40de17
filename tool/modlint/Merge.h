// `modlint merge`: combines the reports of several shards (SARIF or JSON)
// into one, each finding once.
#pragma once

#include "Report.h"
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

/// Whether `File` (relative to the project root) belongs to shard `Index`
/// (1-based) of `Count`. Stable: a file stays in its shard as others come
/// and go, and all of a file's units go together.
bool inShard(llvm::StringRef File, unsigned Index, unsigned Count);

} // namespace modlint
