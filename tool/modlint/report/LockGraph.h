// The run's lock-order graph inside a report (SARIF: the run property
// "modlint/lockGraph"; JSON: "lockGraph"), so that `modlint merge` can
// search the shards' edges together for the cycles no shard shows alone
// (DESIGN: modlint-lock-order across units). Files are written relative to
// the project root, so a checkout at another path reads them back.
#pragma once

#include "core/Findings.h"
#include "core/LockEdges.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace modlint {

struct LockGraph {
  /// Each unit's edges (units without edges are left out), absolute paths.
  std::vector<std::vector<LockEdge>> Units;
  /// The LockOrder option the run was given.
  std::vector<std::string> Order;
  /// The root the run's paths were relative to.
  std::string ProjectRoot;

  bool empty() const { return Units.empty(); }
};

/// A run's graph: its units' edges and its LockOrder.
LockGraph runLockGraph(const LintResult &Result, const std::string &ProjectRoot);

/// The graph as JSON: each distinct edge once, and each unit as the indices
/// of its edges.
llvm::json::Value lockGraphJson(const LockGraph &Graph);

/// The graph a report holds, its relative paths taken under `Root` (empty:
/// under the report's own project root). Anything malformed is an error
/// that names what.
llvm::Expected<LockGraph> readLockGraph(const llvm::json::Value &Json, llvm::StringRef Root);

/// The SARIF run property that holds the graph.
inline constexpr const char *LockGraphProperty = "modlint/lockGraph";
/// The SARIF result property (JSON: the finding's "acrossUnits") that marks
/// a cycle found over the whole run's graph, which `merge` recomputes.
inline constexpr const char *AcrossUnitsProperty = "modlint/acrossUnits";

} // namespace modlint
