#include "engine/prefix/PrefixFiles.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Signals.h"

namespace modlint {

PrefixFiles::~PrefixFiles() {
  for (const std::string &File : Files) {
    llvm::sys::fs::remove(File);
    llvm::sys::DontRemoveFileOnSignal(File);
  }
}

std::string PrefixFiles::file(size_t N, size_t L) {
  llvm::SmallString<256> File;
  const std::string Name = "modlint-prefix-" + std::to_string(N) + "-" + std::to_string(L);
  if (llvm::sys::fs::createTemporaryFile(Name, "pch", File))
    return {};
  llvm::sys::RemoveFileOnSignal(File);
  Files.push_back(std::string(File));
  return Files.back();
}

std::string PrefixFiles::adopt(std::string File) {
  if (!File.empty())
    Files.push_back(File);
  return File;
}

} // namespace modlint
