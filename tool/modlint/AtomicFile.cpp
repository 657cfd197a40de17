#include "AtomicFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace modlint {

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text) {
  llvm::SmallString<256> Temp;
  int FD = -1;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueFile(Path + ".modlint-%%%%%%", FD, Temp))
    return llvm::createStringError(EC, "cannot write '" + Path + "': " + EC.message());
  {
    llvm::raw_fd_ostream Out(FD, /*shouldClose=*/true);
    Out << Text;
    Out.close();
    if (Out.has_error()) {
      llvm::sys::fs::remove(Temp);
      return llvm::createStringError(Out.error(), "cannot write '" + Path + "'");
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    llvm::sys::fs::remove(Temp);
    return llvm::createStringError(EC, "cannot write '" + Path + "': " + EC.message());
  }
  return llvm::Error::success();
}

} // namespace modlint
