// Where a run finds prefixes that earlier runs precompiled, and keeps its
// own for later runs: the engine parses on them (engine/prefix/
// SharedPrefix.h, kept prefixes) without knowing how they are kept; the
// cache keeps them (cache/PrefixStore.h). Called from several workers at
// once.
#pragma once

#include "core/Findings.h"
#include "core/Job.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace modlint {

/// A prefix an earlier run precompiled.
struct KeptPrefix {
  std::string PchPath;
  /// The findings in the prefix's own bodies, part of every user's result.
  UnitFindings Findings;
  /// Every file the prefix read (absolute paths, sorted).
  std::vector<std::string> Inputs;
};

/// A prefix is named by the command that precompiles it (`Build`: a user's
/// command with the prefix's header as the input, and the configuration)
/// and its lines (`Lines`: the header's text, each line marked where it
/// comes from a header the unit includes, which must then be guarded).
class PrefixKeeping {
public:
  virtual ~PrefixKeeping() = default;

  /// The kept prefix of that name, if every file it read is unchanged.
  virtual std::optional<KeptPrefix> lookup(const LintJob &Build, llvm::StringRef Lines) = 0;

  /// A new private file to precompile that prefix into; empty when none
  /// can be made. The caller removes it unless it is kept.
  virtual std::string newFile(const LintJob &Build, llvm::StringRef Lines) = 0;

  /// Keeps `Built` (a file from `newFile`) as that prefix, with what it
  /// found and read, and returns where the precompiled header now is
  /// (`Built` itself when it could not be kept).
  virtual std::string keep(const LintJob &Build, llvm::StringRef Lines,
                           const std::string &Built, const UnitFindings &Findings,
                           const std::vector<std::string> &Inputs) = 0;

  /// Drops the prefix: a unit could not be parsed on it, yet parses
  /// plainly, so the next run builds it again.
  virtual void forget(const LintJob &Build, llvm::StringRef Lines) = 0;
};

} // namespace modlint
