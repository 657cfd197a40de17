#include "cli/Documentation.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace modlint {

std::string documentationPlace(const std::string &Page, const char *Argv0) {
  const std::string Address = MODLINT_INFORMATION_URI;
  if (!Address.empty())
    return Address + Page;
  // Installed: <prefix>/bin/modlint and <prefix>/share/doc/modlint/, found
  // from the binary so that any prefix works.
  const std::string Binary = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&documentationPlace));
  llvm::SmallString<256> Installed(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Binary)));
  llvm::sys::path::append(Installed, MODLINT_INSTALLED_DOCS, Page);
  if (llvm::sys::fs::is_regular_file(Installed))
    return std::string(Installed);
  llvm::SmallString<256> Source(MODLINT_SOURCE_DOCS);
  llvm::sys::path::append(Source, Page);
  if (llvm::sys::fs::is_regular_file(Source))
    return std::string(Source);
  return "docs/" + Page + " in modlint's source";
}

} // namespace modlint
