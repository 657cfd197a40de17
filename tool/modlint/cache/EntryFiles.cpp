#include "cache/EntryFiles.h"

#include "cache/CommandKey.h"

#include "core/InputLimits.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/xxhash.h"
#include <chrono>
#include <sys/stat.h>

namespace modlint {

namespace {
/// How long after its last change a file's stamp begins to prove it
/// unchanged: well beyond the kernel's timestamp tick.
constexpr std::chrono::seconds StampSettleTime{2};
} // namespace

std::string contentHash(llvm::StringRef Bytes) {
  return llvm::utohexstr(llvm::xxh3_64bits(Bytes), /*LowerCase=*/true, 16);
}

std::string toolIdentity() {
  const std::string Self = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  auto Buffer = llvm::MemoryBuffer::getFile(Self);
  const std::string Binary = Buffer ? contentHash((*Buffer)->getBuffer()) : Self;
  return std::string("modlint " MODLINT_VERSION " ") + CLANG_VERSION_STRING + " " + Binary;
}

std::vector<clang::tooling::Diagnostic> asDiagnostics(const std::vector<clang::tidy::ClangTidyError> &Errors) {
  return std::vector<clang::tooling::Diagnostic>(Errors.begin(), Errors.end());
}

std::vector<clang::tidy::ClangTidyError> asErrors(const std::vector<clang::tooling::Diagnostic> &Diagnostics) {
  std::vector<clang::tidy::ClangTidyError> Errors;
  for (const clang::tooling::Diagnostic &D : Diagnostics) {
    clang::tidy::ClangTidyError E(D.DiagnosticName, D.DiagLevel, D.BuildDirectory,
                     /*IsWarningAsError=*/false);
    E.Message = D.Message;
    E.Notes = D.Notes;
    Errors.push_back(std::move(E));
  }
  return Errors;
}

std::string jobKey(llvm::StringRef Identity, const LintJob &Job, llvm::StringRef Extra) {
  std::string Key = Identity.str();
  auto Add = [&Key](llvm::StringRef Part) {
    Key += '\0';
    Key += Part;
  };
  Add(Extra);
  for (const std::string &Part : commandKeyParts(Job.Command))
    Add(Part);
  Add(configurationKey(Job.Options));
  Add(Job.ProjectRoot);
  Add(Job.HeaderFilter);
  return llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(Key)),
                     /*LowerCase=*/true);
}

std::string fileStamp(const std::string &Path) {
  struct stat Status;
  if (::stat(Path.c_str(), &Status) != 0 || !S_ISREG(Status.st_mode))
    return {};
  const auto Changed = std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::seconds(Status.st_ctim.tv_sec) +
          std::chrono::nanoseconds(Status.st_ctim.tv_nsec)));
  if (std::chrono::system_clock::now() - Changed < StampSettleTime)
    return {};
  std::string Stamp = std::to_string(Status.st_size);
  for (const uint64_t Part : {uint64_t(Status.st_mtim.tv_sec), uint64_t(Status.st_mtim.tv_nsec),
                              uint64_t(Status.st_ctim.tv_sec), uint64_t(Status.st_ctim.tv_nsec),
                              uint64_t(Status.st_ino), uint64_t(Status.st_dev)})
    Stamp += "." + std::to_string(Part);
  return Stamp;
}

std::optional<InputFacts::Facts> InputFacts::of(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Lock(Mu);
    if (auto Found = Known.find(Path); Found != Known.end())
      return Found->second;
  }
  // Stamped before the read: a write after it moves the change time, so
  // the stamp can only be older than the content hashed, never newer.
  std::string Stamp = fileStamp(Path);
  std::optional<Facts> Read;
  if (auto Buffer = readInputFile(Path, MaxSourceBytes))
    Read = Facts{contentHash((*Buffer)->getBuffer()), (*Buffer)->getBufferSize(), std::move(Stamp)};
  else
    llvm::consumeError(Buffer.takeError());
  std::lock_guard<std::mutex> Lock(Mu);
  Known[Path] = Read;
  return Read;
}

bool InputFacts::knows(const std::string &Path) {
  std::lock_guard<std::mutex> Lock(Mu);
  return Known.contains(Path);
}

std::optional<InputFacts::Facts> InputFacts::ofRecorded(const EntryInput &Input) {
  // A file already known this run is not even stat'ed again.
  if (!Input.Stamp.empty() && !knows(Input.Path) && fileStamp(Input.Path) == Input.Stamp) {
    uint64_t Size = 0; // a stamp begins with the file's size (fileStamp)
    llvm::StringRef(Input.Stamp).split('.').first.getAsInteger(10, Size);
    std::lock_guard<std::mutex> Lock(Mu);
    Known.try_emplace(Input.Path, Facts{Input.Hash, Size, Input.Stamp});
  }
  return of(Input.Path);
}

std::optional<std::vector<EntryInput>>
InputFacts::record(const std::vector<std::string> &Files) {
  std::vector<EntryInput> Inputs;
  for (const std::string &Path : Files) {
    const std::optional<Facts> Now = of(Path);
    if (!Now)
      return std::nullopt;
    Inputs.push_back({Path, Now->Hash, Now->Stamp});
  }
  return Inputs;
}

std::optional<VerifiedInputs> InputFacts::verify(const CacheEntry &Entry) {
  VerifiedInputs Verified;
  for (const EntryInput &Input : Entry.Inputs) {
    const std::optional<Facts> Now = ofRecorded(Input);
    if (!Now || Now->Hash != Input.Hash)
      return std::nullopt;
    Verified[Input.Path] = Now->Size;
  }
  return Verified;
}

std::optional<CacheEntry> readEntry(const std::string &Path) {
  auto Buffer = readInputFile(Path, MaxCacheEntryBytes);
  if (!Buffer) {
    llvm::consumeError(Buffer.takeError());
    return std::nullopt;
  }
  CacheEntry Read;
  if (llvm::Error Err = parseEntry((*Buffer)->getBuffer(), Path, Read)) {
    llvm::consumeError(std::move(Err));
    return std::nullopt;
  }
  return Read;
}

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

std::vector<std::string> entriesByUse(const std::string &Directory, llvm::StringRef NamePrefix,
                                      size_t Limit) {
  std::vector<std::pair<llvm::sys::TimePoint<>, std::string>> Found;
  std::error_code Error;
  for (llvm::sys::fs::directory_iterator It(Directory, Error), End; !Error && It != End;
       It.increment(Error)) {
    const llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (!Name.starts_with(NamePrefix) || !Name.ends_with(".yaml"))
      continue;
    llvm::ErrorOr<llvm::sys::fs::basic_file_status> Status = It->status();
    if (Status && Status->type() == llvm::sys::fs::file_type::regular_file)
      Found.emplace_back(Status->getLastModificationTime(), It->path());
  }
  llvm::sort(Found, [](const auto &A, const auto &B) {
    return A.first != B.first ? A.first > B.first : A.second < B.second;
  });
  std::vector<std::string> Paths;
  for (const auto &[Time, Path] : Found)
    if (Limit == 0 || Paths.size() < Limit)
      Paths.push_back(Path);
  return Paths;
}

std::string stateName(const std::vector<EntryInput> &Inputs) {
  std::string State;
  for (const EntryInput &Input : Inputs)
    State += Input.Path + '\0' + Input.Hash + '\0';
  return contentHash(State);
}

} // namespace modlint
