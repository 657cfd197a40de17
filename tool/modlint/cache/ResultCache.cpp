#include "cache/ResultCache.h"

#include "core/AtomicFile.h"
#include "core/YamlInput.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/xxhash.h"

using clang::tidy::ClangTidyError;

namespace modlint {
namespace {
/// Bumped when the entry format changes.
constexpr int EntryFormat = 2;

/// A file a unit read, and its content hash when the entry was written.
struct EntryInput {
  std::string Path;
  std::string Hash;
};

/// One cache entry, as YAML. The findings are written with clang's own
/// YAML mapping of `tooling::Diagnostic` (DiagnosticsYaml.h, the format of
/// clang-tidy's --export-fixes), which keeps every part of a finding:
/// check, level, message, place, ranges, notes and fix-its.
struct Entry {
  int Format = 0;
  bool Compiled = false;
  std::vector<EntryInput> Inputs;
  std::vector<clang::tooling::Diagnostic> Diagnostics;
  std::vector<clang::tooling::Diagnostic> Suppressed;
};

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
} // namespace
} // namespace modlint

LLVM_YAML_IS_SEQUENCE_VECTOR(modlint::EntryInput)

namespace llvm::yaml {
template <> struct MappingTraits<modlint::EntryInput> {
  static void mapping(IO &IO, modlint::EntryInput &Input) {
    IO.mapRequired("Path", Input.Path);
    IO.mapRequired("Hash", Input.Hash);
  }
};

template <> struct MappingTraits<modlint::Entry> {
  static void mapping(IO &IO, modlint::Entry &E) {
    IO.mapRequired("Format", E.Format);
    IO.mapRequired("Compiled", E.Compiled);
    IO.mapRequired("Inputs", E.Inputs);
    IO.mapRequired("Diagnostics", E.Diagnostics);
    IO.mapRequired("Suppressed", E.Suppressed);
  }
};
} // namespace llvm::yaml

namespace modlint {

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
  llvm::sys::path::append(Path, Key.substr(0, 2), Key + ".yaml");
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
  const std::string Path = pathOf(keyOf(Job));
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt;
  Entry Read;
  if (llvm::Error Err = readYaml((*Buffer)->getBuffer(), Path, Read)) {
    llvm::consumeError(std::move(Err));
    return std::nullopt; // corrupt: linted again, and replaced
  }
  if (Read.Format != EntryFormat)
    return std::nullopt;
  for (const EntryInput &Input : Read.Inputs) {
    const std::string Hash = fileHash(Input.Path);
    if (Hash.empty() || Hash != Input.Hash)
      return std::nullopt; // an input changed
  }
  UnitResult Result;
  Result.Compiled = Read.Compiled;
  Result.Diagnostics = asErrors(Read.Diagnostics);
  Result.Suppressed = asErrors(Read.Suppressed);
  return Result;
}

void ResultCache::store(const LintJob &Job, const UnitResult &Result,
                        const std::vector<std::string> &Inputs) {
  Entry Written;
  Written.Format = EntryFormat;
  Written.Compiled = Result.Compiled;
  for (const std::string &Path : Inputs) {
    const std::string Hash = fileHash(Path);
    if (Hash.empty())
      return; // an input vanished: do not cache what cannot be checked
    Written.Inputs.push_back({Path, Hash});
  }
  Written.Diagnostics = asDiagnostics(Result.Diagnostics);
  Written.Suppressed = asDiagnostics(Result.Suppressed);
  const std::string Path = pathOf(keyOf(Job));
  if (llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)))
    return; // a cache that cannot be written only costs time
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  llvm::yaml::Output Out(OS);
  Out << Written;
  OS.flush();
  llvm::consumeError(writeFileAtomically(Path, Text));
}

} // namespace modlint
