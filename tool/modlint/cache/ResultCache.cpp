#include "cache/ResultCache.h"

#include "core/AtomicFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace modlint {
ResultCache::ResultCache(std::string Directory)
    : Directory(std::move(Directory)), ToolIdentity(toolIdentity()) {}

std::string ResultCache::keyOf(const LintJob &Job) const {
  return jobKey(ToolIdentity, Job, Job.File);
}

std::string ResultCache::unitDirectory(const std::string &Key) const {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, Key.substr(0, 2), Key);
  return std::string(Path);
}

std::optional<UnitResult> ResultCache::read(const std::string &Path, const LintJob &Job) {
  std::optional<CacheEntry> Read = readEntry(Path);
  if (!Read)
    return std::nullopt; // corrupt: linted again, and replaced
  const std::optional<VerifiedInputs> Verified = Facts.verify(*Read);
  if (!Verified)
    return std::nullopt; // an input changed
  if (!entryFitsJob(*Read, Job, *Verified))
    return std::nullopt;
  UnitResult Result;
  Result.Compiled = true;
  Result.Diagnostics = asErrors(Read->Diagnostics);
  Result.Suppressed = asErrors(Read->Suppressed);
  Result.LockEdges = std::move(Read->LockEdges);
  Result.Census = std::move(Read->Census);
  for (const EntryInput &Input : Read->Inputs)
    Result.Inputs.push_back(Input.Path);
  llvm::sort(Result.Inputs);
  return Result;
}

std::optional<UnitResult> ResultCache::lookup(const LintJob &Job) {
  for (const std::string &Path : entriesByUse(unitDirectory(keyOf(Job)), "", MaxEntriesPerUnit))
    if (std::optional<UnitResult> Result = read(Path, Job)) {
      markUsed(Path);
      return Result;
    }
  return std::nullopt;
}

void ResultCache::store(const LintJob &Job, const UnitResult &Result,
                        const std::vector<std::string> &Inputs) {
  // A unit that did not compile may compile once a header appears, and
  // the missing header is no input to watch: such results are not kept.
  if (!Result.Compiled)
    return;
  CacheEntry Written;
  Written.Format = CacheEntryFormat;
  std::vector<std::string> Files = Inputs;
  if (!llvm::is_contained(Files, Job.File))
    Files.push_back(Job.File);
  std::optional<std::vector<EntryInput>> Recorded = Facts.record(Files);
  if (!Recorded)
    return; // an input vanished: do not cache what cannot be checked
  Written.Inputs = std::move(*Recorded);
  Written.Diagnostics = asDiagnostics(Result.Diagnostics);
  Written.Suppressed = asDiagnostics(Result.Suppressed);
  Written.LockEdges = Result.LockEdges;
  Written.Census = Result.Census;
  // Named by the inputs' contents: the same state of the files is one
  // entry, however often it is linted.
  const std::string Unit = unitDirectory(keyOf(Job));
  // Inside the private cache directory, private too.
  for (llvm::StringRef Dir : {llvm::sys::path::parent_path(Unit), llvm::StringRef(Unit)})
    if (llvm::sys::fs::create_directory(Dir, /*IgnoreExisting=*/true, llvm::sys::fs::owner_all))
      return; // a cache that cannot be written only costs time
  const std::string Path = Unit + "/" + stateName(Written.Inputs) + ".yaml";
  llvm::consumeError(writeFileAtomically(Path, printEntry(Written)));
  // Beyond the bound, the least recently used entries go.
  const std::vector<std::string> Entries = entriesByUse(Unit);
  for (size_t I = MaxEntriesPerUnit; I < Entries.size(); ++I)
    llvm::sys::fs::remove(Entries[I]);
}

} // namespace modlint
