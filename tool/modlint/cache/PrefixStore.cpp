#include "cache/PrefixStore.h"

#include "core/AtomicFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"

namespace modlint {

namespace {
/// A file a run that ended abruptly may have left (a header being
/// precompiled, one renamed but not yet entered) is removed once it is
/// this old: no run takes that long to write one.
constexpr std::chrono::hours LeftoverAge{1};

std::string pchOf(llvm::StringRef Entry) {
  return (Entry.drop_back(llvm::StringRef(".yaml").size()) + ".pch").str();
}

/// Removes the `.tmp` and `.pch` files in `Directory` older than
/// LeftoverAge that no entry names.
void removeLeftovers(const std::string &Directory) {
  const auto Now = std::chrono::system_clock::now();
  std::error_code Error;
  for (llvm::sys::fs::directory_iterator It(Directory, Error), End; !Error && It != End;
       It.increment(Error)) {
    const llvm::StringRef Path = It->path();
    const bool Temporary = Path.ends_with(".tmp");
    if (!Temporary && !Path.ends_with(".pch"))
      continue;
    if (!Temporary && llvm::sys::fs::exists(Path.drop_back(4) + ".yaml"))
      continue;
    llvm::ErrorOr<llvm::sys::fs::basic_file_status> Status = It->status();
    if (Status && Now - Status->getLastModificationTime() > LeftoverAge)
      llvm::sys::fs::remove(Path);
  }
}
} // namespace

PrefixStore::PrefixStore(const std::string &CacheDirectory, InputFacts &Facts)
    : Directory(CacheDirectory + "/prefixes"), ToolIdentity(toolIdentity()), Facts(Facts) {
  // Inside the private cache directory, private too; a store that cannot
  // be made only costs time (every lookup misses, nothing is kept).
  (void)llvm::sys::fs::create_directory(Directory, /*IgnoreExisting=*/true,
                                        llvm::sys::fs::owner_all);
}

std::string PrefixStore::keyOf(const LintJob &Build, llvm::StringRef Lines) const {
  return jobKey(ToolIdentity, Build, Lines);
}

std::optional<KeptPrefix> PrefixStore::lookup(const LintJob &Build, llvm::StringRef Lines) {
  const std::string Key = keyOf(Build, Lines);
  for (const std::string &Path : entriesByUse(Directory, Key + "-", /*Limit=*/4)) {
    std::optional<CacheEntry> Entry = readEntry(Path);
    if (!Entry)
      continue;
    const std::optional<VerifiedInputs> Verified = Facts.verify(*Entry);
    const std::string Pch = pchOf(Path);
    if (!Verified || !entryFitsPlaces(*Entry, Build.ProjectRoot, *Verified) ||
        !llvm::sys::fs::exists(Pch))
      continue;
    markUsed(Path);
    KeptPrefix Kept;
    Kept.PchPath = Pch;
    Kept.Findings.Diagnostics = asErrors(Entry->Diagnostics);
    Kept.Findings.Suppressed = asErrors(Entry->Suppressed);
    for (const EntryInput &Input : Entry->Inputs)
      Kept.Inputs.push_back(Input.Path);
    llvm::sort(Kept.Inputs);
    return Kept;
  }
  return std::nullopt;
}

std::string PrefixStore::newFile(const LintJob &Build, llvm::StringRef Lines) {
  llvm::SmallString<256> Path;
  if (llvm::sys::fs::createUniqueFile(Directory + "/" + keyOf(Build, Lines) + "-%%%%%%%%.tmp",
                                      Path, llvm::sys::fs::owner_read | llvm::sys::fs::owner_write))
    return {};
  llvm::sys::RemoveFileOnSignal(Path);
  return std::string(Path);
}

std::string PrefixStore::keep(const LintJob &Build, llvm::StringRef Lines,
                              const std::string &Built, const UnitFindings &Findings,
                              const std::vector<std::string> &Inputs) {
  std::optional<std::vector<EntryInput>> Recorded = Facts.record(Inputs);
  if (!Recorded)
    return Built; // an input vanished: what cannot be checked is not kept
  CacheEntry Entry;
  Entry.Format = CacheEntryFormat;
  Entry.Inputs = std::move(*Recorded);
  Entry.Diagnostics = asDiagnostics(Findings.Diagnostics);
  Entry.Suppressed = asDiagnostics(Findings.Suppressed);
  const std::string Name =
      Directory + "/" + keyOf(Build, Lines) + "-" + stateName(Entry.Inputs);
  // The header first, whole, then the entry that names it: a run that
  // finds the entry finds the header.
  if (llvm::sys::fs::rename(Built, Name + ".pch"))
    return Built;
  llvm::sys::DontRemoveFileOnSignal(Built);
  if (llvm::Error Err = writeFileAtomically(Name + ".yaml", printEntry(Entry)))
    llvm::consumeError(std::move(Err)); // not kept: only the next run's time
  evict();
  return Name + ".pch";
}

void PrefixStore::forget(const LintJob &Build, llvm::StringRef Lines) {
  for (const std::string &Path : entriesByUse(Directory, keyOf(Build, Lines) + "-")) {
    llvm::sys::fs::remove(Path);
    llvm::sys::fs::remove(pchOf(Path));
  }
}

void PrefixStore::evict() {
  const std::vector<std::string> Entries = entriesByUse(Directory);
  for (size_t I = MaxKeptPrefixes; I < Entries.size(); ++I) {
    llvm::sys::fs::remove(Entries[I]);
    llvm::sys::fs::remove(pchOf(Entries[I]));
  }
  removeLeftovers(Directory);
}

} // namespace modlint
