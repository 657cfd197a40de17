// The lock graph's part of `modlint merge`: each shard's report holds its
// units' edges and marks the cycles it found over them alone; the merge
// drops those and searches the union, so a cycle whose paths sit in two
// shards is reported as one unsharded run reports it.
#pragma once

#include "report/LockGraph.h"
#include "report/Merge.h"
#include "llvm/Support/JSON.h"

namespace modlint {

/// A merge's failure, with its reason.
llvm::Error mergeError(const llvm::Twine &Message);

/// Takes the lock graph out of each report (SARIF or JSON) and drops the
/// results it marked as found across units. Returns the union, its paths
/// under `Settings.ProjectRoot` when that is given.
llvm::Expected<LockGraph> takeLockGraphs(std::vector<llvm::json::Value> &Reports,
                                         const std::vector<std::string> &Names, bool Sarif,
                                         const MergeSettings &Settings);

/// The cycles of the union, rendered as the format renders a run's (SARIF
/// results or JSON findings), fingerprints and baseline states included.
/// The sources must be readable under the graph's project root.
llvm::Expected<std::vector<llvm::json::Value>>
cyclesAcrossShards(const LockGraph &Graph, bool Sarif, const MergeSettings &Settings);

} // namespace modlint
