#include "cli/ResponseFiles.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"

namespace modlint {

llvm::Error expandResponseFiles(llvm::BumpPtrAllocator &Arena,
                                llvm::SmallVectorImpl<const char *> &Args) {
  // LLVM's own message for these reads "cannot not open file".
  for (llvm::StringRef Arg : Args)
    if (Arg.consume_front("@") && llvm::sys::fs::is_directory(Arg))
      return llvm::createStringError("'@%s': a response file must be a file, not a directory",
                                     Arg.str().c_str());
  // Before the compiler's arguments are split off: the driver that splits
  // them would take an `@FILE` for an input file and drop it.
  llvm::cl::ExpansionContext Expansion(Arena, llvm::cl::TokenizeGNUCommandLine);
  return Expansion.expandResponseFiles(Args);
}

} // namespace modlint
