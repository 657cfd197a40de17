#include "core/Paths.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace modlint {

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

bool isUnder(llvm::StringRef Path, llvm::StringRef Directory) {
  return !Directory.empty() && Path.size() > Directory.size() &&
         Path.starts_with(Directory) &&
         llvm::sys::path::is_separator(Path[Directory.size()]);
}

std::string relativeTo(llvm::StringRef Path, llvm::StringRef Root) {
  if (isUnder(Path, Root))
    return Path.drop_front(Root.size() + 1).str();
  return Path.str();
}

} // namespace modlint
