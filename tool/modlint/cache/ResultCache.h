// The result cache: a unit whose inputs have not changed is not linted
// again. An entry is keyed by what decides the result (modlint's own
// binary, LLVM's version, the compile command, the configuration) and holds
// the content hash of every file the unit read, which must all still match.
// Safe under concurrent runs: entries are written whole through a rename,
// and an entry that cannot be read is a miss and is replaced. Trusted only
// as far as it proves itself: see CacheEntry.h (what an entry must show)
// and CacheDirectory.h (who may have written it).
#pragma once

#include "core/Findings.h"
#include "core/Job.h"
#include "llvm/ADT/StringMap.h"
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace modlint {

class ResultCache {
public:
  /// `Directory` must have passed prepareCacheDirectory.
  explicit ResultCache(std::string Directory);

  std::optional<UnitResult> lookup(const LintJob &Job);
  /// `Inputs`: every file the unit read (absolute paths).
  void store(const LintJob &Job, const UnitResult &Result,
             const std::vector<std::string> &Inputs);

private:
  std::string keyOf(const LintJob &Job) const;
  std::string pathOf(const std::string &Key) const;
  /// A file's content hash and size.
  struct FileFacts {
    std::string Hash;
    uint64_t Size = 0;
  };
  /// Read once per run; none for a file that cannot be read or is not a
  /// regular file.
  std::optional<FileFacts> facts(const std::string &Path);

  const std::string Directory;
  /// Identifies the build of modlint that wrote an entry.
  const std::string ToolIdentity;
  std::mutex FactsMu;
  llvm::StringMap<std::optional<FileFacts>> Facts;
};

} // namespace modlint
