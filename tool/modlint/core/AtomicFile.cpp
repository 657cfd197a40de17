#include "core/AtomicFile.h"

#include "llvm/Support/raw_ostream.h"

namespace modlint {

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text) {
  // LLVM writes a temporary file beside Path (removed if a signal ends the
  // run) and renames it over Path once it is complete.
  llvm::Error Written = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << Text;
    return llvm::Error::success();
  });
  // Its errors name the file already ("'PATH': reason").
  return llvm::handleErrors(std::move(Written), [&](const llvm::ErrorInfoBase &Info) {
    return llvm::createStringError(Info.convertToErrorCode(), "cannot write " + Info.message());
  });
}

} // namespace modlint
