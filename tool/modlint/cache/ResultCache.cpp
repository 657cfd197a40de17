#include "cache/ResultCache.h"

#include "cache/CacheEntry.h"
#include "cache/CommandKey.h"
#include "core/AtomicFile.h"
#include "core/InputLimits.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/xxhash.h"

using clang::tidy::ClangTidyError;

namespace modlint {
namespace {
std::string hashOf(llvm::StringRef Bytes) {
  return llvm::utohexstr(llvm::xxh3_64bits(Bytes), /*LowerCase=*/true, 16);
}

/// The running binary's content hash: any rebuild of modlint (a changed
/// check) must not reuse results of the old one.
std::string toolIdentity() {
  const std::string Self = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  auto Buffer = llvm::MemoryBuffer::getFile(Self);
  const std::string Binary = Buffer ? hashOf((*Buffer)->getBuffer()) : Self;
  return std::string("modlint " MODLINT_VERSION " ") + CLANG_VERSION_STRING + " " + Binary;
}

std::vector<clang::tooling::Diagnostic> asDiagnostics(const std::vector<ClangTidyError> &Errors) {
  return std::vector<clang::tooling::Diagnostic>(Errors.begin(), Errors.end());
}

std::vector<ClangTidyError> asErrors(const std::vector<clang::tooling::Diagnostic> &Diagnostics) {
  std::vector<ClangTidyError> Errors;
  for (const clang::tooling::Diagnostic &D : Diagnostics) {
    ClangTidyError E(D.DiagnosticName, D.DiagLevel, D.BuildDirectory,
                     /*IsWarningAsError=*/false);
    E.Message = D.Message;
    E.Notes = D.Notes;
    Errors.push_back(std::move(E));
  }
  return Errors;
}
/// Marks an entry as just used: entries are ranked by modification time.
void markUsed(const std::string &Path) {
  llvm::Expected<llvm::sys::fs::file_t> File = llvm::sys::fs::openNativeFileForReadWrite(
      Path, llvm::sys::fs::CD_OpenExisting, llvm::sys::fs::OF_None);
  if (!File) {
    llvm::consumeError(File.takeError()); // an entry not marked is only evicted sooner
    return;
  }
  (void)llvm::sys::fs::setLastAccessAndModificationTime(*File, std::chrono::system_clock::now());
  llvm::sys::fs::closeFile(*File);
}

/// The entries of one unit's directory, most recently used first (the
/// first MaxEntriesPerUnit of them unless `All`): a directory filled by
/// someone else costs a bounded number of reads.
std::vector<std::string> unitEntries(const std::string &Unit, bool All = false) {
  std::vector<std::pair<llvm::sys::TimePoint<>, std::string>> Found;
  std::error_code Error;
  for (llvm::sys::fs::directory_iterator It(Unit, Error), End; !Error && It != End;
       It.increment(Error)) {
    llvm::ErrorOr<llvm::sys::fs::basic_file_status> Status = It->status();
    if (Status && Status->type() == llvm::sys::fs::file_type::regular_file &&
        llvm::StringRef(It->path()).ends_with(".yaml"))
      Found.emplace_back(Status->getLastModificationTime(), It->path());
  }
  llvm::sort(Found, [](const auto &A, const auto &B) {
    return A.first != B.first ? A.first > B.first : A.second < B.second;
  });
  std::vector<std::string> Paths;
  for (const auto &[Time, Path] : Found)
    if (All || Paths.size() < MaxEntriesPerUnit)
      Paths.push_back(Path);
  return Paths;
}
} // namespace

ResultCache::ResultCache(std::string Directory)
    : Directory(std::move(Directory)), ToolIdentity(toolIdentity()) {}

std::string ResultCache::keyOf(const LintJob &Job) const {
  std::string Key = ToolIdentity;
  auto Add = [&Key](llvm::StringRef Part) {
    Key += '\0';
    Key += Part;
  };
  Add(Job.File);
  for (const std::string &Part : commandKeyParts(Job.Command))
    Add(Part);
  Add(configurationKey(Job.Options));
  Add(Job.ProjectRoot);
  Add(Job.HeaderFilter);
  return llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(Key)),
                     /*LowerCase=*/true);
}

std::string ResultCache::unitDirectory(const std::string &Key) const {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, Key.substr(0, 2), Key);
  return std::string(Path);
}

std::optional<ResultCache::FileFacts> ResultCache::facts(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Lock(FactsMu);
    if (auto Found = Facts.find(Path); Found != Facts.end())
      return Found->second;
  }
  // Only regular files: an endless device or a FIFO among a unit's
  // includes makes the unit uncacheable, not the run hang.
  std::optional<FileFacts> Read;
  if (auto Buffer = readInputFile(Path, MaxSourceBytes))
    Read = FileFacts{hashOf((*Buffer)->getBuffer()), (*Buffer)->getBufferSize()};
  else
    llvm::consumeError(Buffer.takeError());
  std::lock_guard<std::mutex> Lock(FactsMu);
  Facts[Path] = Read;
  return Read;
}

std::optional<UnitResult> ResultCache::read(const std::string &Path, const LintJob &Job) {
  auto Buffer = readInputFile(Path, MaxCacheEntryBytes);
  if (!Buffer) {
    llvm::consumeError(Buffer.takeError());
    return std::nullopt;
  }
  CacheEntry Read;
  if (llvm::Error Err = parseEntry((*Buffer)->getBuffer(), Path, Read)) {
    llvm::consumeError(std::move(Err));
    return std::nullopt; // corrupt: linted again, and replaced
  }
  VerifiedInputs Verified;
  for (const EntryInput &Input : Read.Inputs) {
    const std::optional<FileFacts> Now = facts(Input.Path);
    if (!Now || Now->Hash != Input.Hash)
      return std::nullopt; // an input changed
    Verified[Input.Path] = Now->Size;
  }
  if (!entryFitsJob(Read, Job, Verified))
    return std::nullopt;
  UnitResult Result;
  Result.Compiled = true;
  Result.Diagnostics = asErrors(Read.Diagnostics);
  Result.Suppressed = asErrors(Read.Suppressed);
  Result.LockEdges = std::move(Read.LockEdges);
  Result.Census = std::move(Read.Census);
  for (const EntryInput &Input : Read.Inputs)
    Result.Inputs.push_back(Input.Path);
  llvm::sort(Result.Inputs);
  return Result;
}

std::optional<UnitResult> ResultCache::lookup(const LintJob &Job) {
  for (const std::string &Path : unitEntries(unitDirectory(keyOf(Job))))
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
  for (const std::string &Path : Files) {
    const std::optional<FileFacts> Now = facts(Path);
    if (!Now)
      return; // an input vanished: do not cache what cannot be checked
    Written.Inputs.push_back({Path, Now->Hash});
  }
  Written.Diagnostics = asDiagnostics(Result.Diagnostics);
  Written.Suppressed = asDiagnostics(Result.Suppressed);
  Written.LockEdges = Result.LockEdges;
  Written.Census = Result.Census;
  // Named by the inputs' contents: the same state of the files is one
  // entry, however often it is linted.
  std::string State;
  for (const EntryInput &Input : Written.Inputs)
    State += Input.Path + '\0' + Input.Hash + '\0';
  const std::string Unit = unitDirectory(keyOf(Job));
  // Inside the private cache directory, private too.
  for (llvm::StringRef Dir : {llvm::sys::path::parent_path(Unit), llvm::StringRef(Unit)})
    if (llvm::sys::fs::create_directory(Dir, /*IgnoreExisting=*/true, llvm::sys::fs::owner_all))
      return; // a cache that cannot be written only costs time
  const std::string Path = Unit + "/" + hashOf(State) + ".yaml";
  llvm::consumeError(writeFileAtomically(Path, printEntry(Written)));
  // Beyond the bound, the least recently used entries go.
  const std::vector<std::string> Entries = unitEntries(Unit, /*All=*/true);
  for (size_t I = MaxEntriesPerUnit; I < Entries.size(); ++I)
    llvm::sys::fs::remove(Entries[I]);
}

} // namespace modlint
