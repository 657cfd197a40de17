#include "core/AtomicFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"

namespace modlint {

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text) {
  llvm::SmallString<256> Temp;
  int FD = -1;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueFile(Path + ".modlint-%%%%%%", FD, Temp))
    return llvm::createStringError(EC, "cannot write '" + Path + "': " + EC.message());
  // Interrupted (Ctrl-C, SIGTERM) before the rename: the temporary goes.
  llvm::sys::RemoveFileOnSignal(Temp);
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
    llvm::sys::DontRemoveFileOnSignal(Temp);
    return llvm::createStringError(EC, "cannot write '" + Path + "': " + EC.message());
  }
  llvm::sys::DontRemoveFileOnSignal(Temp);
  return llvm::Error::success();
}

} // namespace modlint
