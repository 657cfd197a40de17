#include "cache/ResultCache.h"

#include "core/AtomicFile.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/xxhash.h"

using clang::tidy::ClangTidyError;
using clang::tooling::DiagnosticMessage;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace modlint {

namespace {
/// Bumped when the entry format changes.
constexpr int EntryFormat = 1;

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

Value toJson(const DiagnosticMessage &M) {
  Array Ranges, Fixes;
  for (const auto &R : M.Ranges)
    Ranges.push_back(Object{{"file", R.FilePath}, {"offset", R.FileOffset}, {"length", R.Length}});
  for (const auto &[File, Replacements] : M.Fix)
    for (const auto &R : Replacements)
      Fixes.push_back(Object{{"file", R.getFilePath().str()},
                             {"offset", R.getOffset()},
                             {"length", R.getLength()},
                             {"text", R.getReplacementText().str()}});
  return Object{{"message", M.Message}, {"file", M.FilePath}, {"offset", M.FileOffset},
                {"ranges", std::move(Ranges)}, {"fixes", std::move(Fixes)}};
}

Value toJson(const ClangTidyError &E) {
  Array Notes;
  for (const DiagnosticMessage &N : E.Notes)
    Notes.push_back(toJson(N));
  return Object{{"check", E.DiagnosticName},
                {"level", static_cast<int64_t>(E.DiagLevel)},
                {"buildDirectory", E.BuildDirectory},
                {"message", toJson(E.Message)},
                {"notes", std::move(Notes)}};
}

std::optional<DiagnosticMessage> messageFrom(const Value *V) {
  const Object *O = V ? V->getAsObject() : nullptr;
  if (!O)
    return std::nullopt;
  auto Text = O->getString("message");
  auto File = O->getString("file");
  auto Offset = O->getInteger("offset");
  const Array *Ranges = O->getArray("ranges");
  const Array *Fixes = O->getArray("fixes");
  if (!Text || !File || !Offset || !Ranges || !Fixes)
    return std::nullopt;
  DiagnosticMessage M(*Text);
  M.FilePath = File->str();
  M.FileOffset = static_cast<unsigned>(*Offset);
  for (const Value &R : *Ranges) {
    const Object *RO = R.getAsObject();
    if (!RO || !RO->getString("file") || !RO->getInteger("offset") || !RO->getInteger("length"))
      return std::nullopt;
    clang::tooling::FileByteRange Range;
    Range.FilePath = RO->getString("file")->str();
    Range.FileOffset = static_cast<unsigned>(*RO->getInteger("offset"));
    Range.Length = static_cast<unsigned>(*RO->getInteger("length"));
    M.Ranges.push_back(Range);
  }
  for (const Value &F : *Fixes) {
    const Object *FO = F.getAsObject();
    if (!FO || !FO->getString("file") || !FO->getInteger("offset") ||
        !FO->getInteger("length") || !FO->getString("text"))
      return std::nullopt;
    const std::string Path = FO->getString("file")->str();
    llvm::consumeError(M.Fix[Path].add(clang::tooling::Replacement(
        Path, static_cast<unsigned>(*FO->getInteger("offset")),
        static_cast<unsigned>(*FO->getInteger("length")), *FO->getString("text"))));
  }
  return M;
}

std::optional<ClangTidyError> errorFrom(const Value &V) {
  const Object *O = V.getAsObject();
  if (!O || !O->getString("check") || !O->getInteger("level") ||
      !O->getString("buildDirectory") || !O->getArray("notes"))
    return std::nullopt;
  auto Message = messageFrom(O->get("message"));
  if (!Message)
    return std::nullopt;
  ClangTidyError E(*O->getString("check"),
                   static_cast<ClangTidyError::Level>(*O->getInteger("level")),
                   *O->getString("buildDirectory"), /*IsWarningAsError=*/false);
  E.Message = std::move(*Message);
  for (const Value &N : *O->getArray("notes")) {
    auto Note = messageFrom(&N);
    if (!Note)
      return std::nullopt;
    E.Notes.push_back(std::move(*Note));
  }
  return E;
}

bool errorsFrom(const Array *List, std::vector<ClangTidyError> &Out) {
  if (!List)
    return false;
  for (const Value &V : *List) {
    auto E = errorFrom(V);
    if (!E)
      return false;
    Out.push_back(std::move(*E));
  }
  return true;
}
} // namespace

ResultCache::ResultCache(std::string Directory)
    : Directory(std::move(Directory)), ToolIdentity(toolIdentity()) {}

std::string ResultCache::defaultDirectory() {
  llvm::SmallString<256> Path;
  if (auto Xdg = llvm::sys::Process::GetEnv("XDG_CACHE_HOME"); Xdg && !Xdg->empty()) {
    Path = *Xdg;
  } else if (auto Home = llvm::sys::Process::GetEnv("HOME"); Home && !Home->empty()) {
    Path = *Home;
    llvm::sys::path::append(Path, ".cache");
  } else {
    llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/false, Path);
  }
  llvm::sys::path::append(Path, "modlint");
  return std::string(Path);
}

std::string ResultCache::keyOf(const LintJob &Job) const {
  std::string Key = ToolIdentity;
  auto Add = [&Key](llvm::StringRef Part) {
    Key += '\0';
    Key += Part;
  };
  Add(Job.File);
  Add(Job.Command.Directory);
  for (const std::string &Arg : Job.Command.CommandLine)
    Add(Arg);
  Add(configurationKey(Job.Options));
  Add(Job.ProjectRoot);
  Add(Job.HeaderFilter);
  return llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(Key)),
                     /*LowerCase=*/true);
}

std::string ResultCache::pathOf(const std::string &Key) const {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, Key.substr(0, 2), Key + ".json");
  return std::string(Path);
}

std::string ResultCache::fileHash(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Lock(HashesMu);
    if (auto Found = Hashes.find(Path); Found != Hashes.end())
      return Found->second;
  }
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  std::string Hash = Buffer ? hashOf((*Buffer)->getBuffer()) : std::string();
  std::lock_guard<std::mutex> Lock(HashesMu);
  Hashes[Path] = Hash;
  return Hash;
}

std::optional<UnitResult> ResultCache::lookup(const LintJob &Job) {
  auto Buffer = llvm::MemoryBuffer::getFile(pathOf(keyOf(Job)));
  if (!Buffer)
    return std::nullopt;
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return std::nullopt; // corrupt: linted again, and replaced
  }
  const Object *Entry = Parsed->getAsObject();
  if (!Entry || Entry->getInteger("format") != EntryFormat)
    return std::nullopt;
  const Array *Inputs = Entry->getArray("inputs");
  if (!Inputs)
    return std::nullopt;
  for (const Value &Input : *Inputs) {
    const Object *I = Input.getAsObject();
    if (!I || !I->getString("path") || !I->getString("hash"))
      return std::nullopt;
    const std::string Hash = fileHash(I->getString("path")->str());
    if (Hash.empty() || Hash != *I->getString("hash"))
      return std::nullopt; // an input changed
  }
  UnitResult Result;
  Result.Compiled = Entry->getBoolean("compiled").value_or(false);
  if (!errorsFrom(Entry->getArray("diagnostics"), Result.Diagnostics) ||
      !errorsFrom(Entry->getArray("suppressed"), Result.Suppressed))
    return std::nullopt;
  return Result;
}

void ResultCache::store(const LintJob &Job, const UnitResult &Result,
                        const std::vector<std::string> &Inputs) {
  Array InputList, Diagnostics, Suppressed;
  for (const std::string &Path : Inputs) {
    const std::string Hash = fileHash(Path);
    if (Hash.empty())
      return; // an input vanished: do not cache what cannot be checked
    InputList.push_back(Object{{"path", Path}, {"hash", Hash}});
  }
  for (const ClangTidyError &E : Result.Diagnostics)
    Diagnostics.push_back(toJson(E));
  for (const ClangTidyError &E : Result.Suppressed)
    Suppressed.push_back(toJson(E));
  Value Entry = Object{{"format", EntryFormat},
                       {"inputs", std::move(InputList)},
                       {"compiled", Result.Compiled},
                       {"diagnostics", std::move(Diagnostics)},
                       {"suppressed", std::move(Suppressed)}};
  const std::string Path = pathOf(keyOf(Job));
  if (llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)))
    return; // a cache that cannot be written only costs time
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << Entry;
  llvm::consumeError(writeFileAtomically(Path, Text));
}

} // namespace modlint
