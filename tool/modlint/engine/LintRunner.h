// Runs the modlint checks over translation units in-process: clang-tidy's
// context, check registry and diagnostic consumer (so NOLINT and check
// selection behave exactly as in the plugin) inside modlint's own frontend
// action. Each unit is an independent job, so units run in parallel.
#pragma once

#include "core/Findings.h"
#include "core/Job.h"
#include "core/PrefixKeeping.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace modlint {

/// Called after each job, from the worker that ran it (calls are serialised).
using ProgressFn = std::function<void(size_t Done, size_t Total, const LintJob &)>;
/// Called with each job's result, in the jobs' order, as soon as it and
/// every job before it are done (calls are serialised, and made before the
/// progress call of the job that completed them).
using UnitFinishedFn = std::function<void(const LintJob &, const UnitResult &)>;

/// Where results of earlier runs can come from. The engine does not know how
/// they are kept; both are called from several workers at once.
struct ResultReuse {
  /// The result of an unchanged unit, if one is known.
  std::function<std::optional<UnitResult>(const LintJob &)> Lookup;
  /// A unit's new result, with every file it read (absolute paths).
  std::function<void(const LintJob &, const UnitResult &,
                     const std::vector<std::string> &Inputs)>
      Store;
};

struct RunSettings {
  unsigned Threads = 1;
  ProgressFn Progress;
  /// In job order, so that what is shown early is what the sorted report
  /// keeps: the first of identical findings from several units.
  UnitFinishedFn UnitFinished;
  /// Empty functions: every unit is parsed, nothing is kept.
  ResultReuse Reuse;
  /// Parse the include lines units start with once for all of them
  /// (engine/prefix/SharedPrefix.h).
  bool SharePrefixes = true;
  /// With SharePrefixes: where units with no other unit in the run to share
  /// with find prefixes earlier runs precompiled, and keep their own
  /// (planKeptPrefixes in engine/prefix/SharedPrefix.h). None: no such
  /// prefixes.
  PrefixKeeping *KeptPrefixes = nullptr;
  /// With KeptPrefixes: precompile and keep the units' kept prefixes (a
  /// build rule that runs before the units' own steps); a unit is parsed
  /// only by a worker that has no prefix left to build while another still
  /// builds one, and its result goes to Reuse.Store alone.
  bool PrefixesOnly = false;
};

/// Runs every job. The result depends neither on the number of workers, nor
/// on reuse, nor on the sharing of prefixes.
LintResult runJobs(const std::vector<LintJob> &Jobs, const RunSettings &Settings);

} // namespace modlint
