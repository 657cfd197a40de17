#include "engine/prefix/PrefixDirectory.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"

namespace modlint {

PrefixDirectory::PrefixDirectory() {
  if (llvm::sys::fs::createUniqueDirectory("modlint-prefixes", Path))
    Path.clear();
}

PrefixDirectory::~PrefixDirectory() {
  for (const std::string &File : Files) {
    llvm::sys::fs::remove(File);
    llvm::sys::DontRemoveFileOnSignal(File);
  }
  if (!Path.empty())
    llvm::sys::fs::remove(Path);
}

std::string PrefixDirectory::file(size_t N, size_t L) {
  if (Path.empty())
    return {};
  llvm::SmallString<256> File(Path);
  llvm::sys::path::append(File, "prefix-" + std::to_string(N) + "-" + std::to_string(L) + ".pch");
  llvm::sys::RemoveFileOnSignal(File);
  Files.push_back(std::string(File));
  return Files.back();
}

} // namespace modlint
