// modlint-docgen: writes the generated sections of the docs (docgen/
// Sections.h) from the option tables and rules/, or checks them.
//
//   modlint-docgen --check FILE...   exit 1 and name each stale file
//   modlint-docgen --write FILE...   rewrite the stale files
#include "docgen/Sections.h"

#include "core/AtomicFile.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace modlint;

int main(int Argc, char **Argv) {
  const llvm::StringRef Mode = Argc > 1 ? Argv[1] : "";
  if (Argc < 3 || (Mode != "--check" && Mode != "--write")) {
    llvm::errs() << "usage: modlint-docgen --check|--write FILE...\n";
    return 2;
  }
  int Status = 0;
  for (int I = 2; I < Argc; ++I) {
    auto Buffer = llvm::MemoryBuffer::getFile(Argv[I]);
    if (!Buffer) {
      llvm::errs() << "modlint-docgen: cannot read " << Argv[I] << "\n";
      return 2;
    }
    const llvm::StringRef Old = (*Buffer)->getBuffer();
    auto New = regenerate(Old, Argv[I], builtinRules());
    if (!New) {
      llvm::errs() << "modlint-docgen: " << llvm::toString(New.takeError()) << "\n";
      return 2;
    }
    if (*New == Old)
      continue;
    if (Mode == "--check") {
      llvm::errs() << Argv[I] << ": generated sections are out of date; run scripts/update-docs\n";
      Status = 1;
    } else if (llvm::Error Err = writeFileAtomically(Argv[I], *New)) {
      llvm::errs() << "modlint-docgen: " << llvm::toString(std::move(Err)) << "\n";
      return 2;
    } else {
      llvm::outs() << "updated " << Argv[I] << "\n";
    }
  }
  return Status;
}
