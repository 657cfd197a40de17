// The result cache: a unit whose inputs have not changed is not linted
// again. A unit's entries are kept under a key of what decides the result
// (modlint's own binary, LLVM's version, the compile command with its
// relative paths resolved (CommandKey.h), the configuration); each holds the content hash of every file the unit read,
// which must all still match. A unit keeps its MaxEntriesPerUnit most
// recently used entries, so a reverted edit or a return to another branch
// finds its results still there.
// Safe under concurrent runs: entries are written whole through a rename,
// and an entry that cannot be read is a miss and is replaced. Trusted only
// as far as it proves itself: see CacheEntry.h (what an entry must show)
// and CacheDirectory.h (who may have written it).
#pragma once

#include "cache/EntryFiles.h"
#include "core/Findings.h"
#include "core/Job.h"
#include "llvm/ADT/StringMap.h"
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace modlint {

/// Entries kept per unit: the states of its files last linted or reused.
inline constexpr size_t MaxEntriesPerUnit = 4;

class ResultCache {
public:
  /// `Directory` must have passed prepareCacheDirectory.
  explicit ResultCache(std::string Directory);

  std::optional<UnitResult> lookup(const LintJob &Job);
  /// The hashes of the files the run's entries name, read once per run.
  InputFacts &facts() { return Facts; }
  /// `Inputs`: every file the unit read (absolute paths).
  void store(const LintJob &Job, const UnitResult &Result,
             const std::vector<std::string> &Inputs);

private:
  std::string keyOf(const LintJob &Job) const;
  /// Where the entries of one key are.
  std::string unitDirectory(const std::string &Key) const;
  /// The entry at `Path`, if it is whole, fits the job and its inputs are
  /// unchanged.
  std::optional<UnitResult> read(const std::string &Path, const LintJob &Job);
  const std::string Directory;
  /// Identifies the build of modlint that wrote an entry.
  const std::string ToolIdentity;
  InputFacts Facts;
};

} // namespace modlint
