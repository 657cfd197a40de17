// Writing an output file (a report, exported fixes, a fixed source, a cache
// entry) so that readers see the old content or the new, never a half-
// written one, and so that the file stays what it was:
// - a regular file (or a symlink to one) is replaced through a temporary
//   file beside its target and a rename; the target keeps its mode and, as
//   far as the user may set it, its owner; the symlink stays a symlink;
// - `-` is standard output; a FIFO or a device (`/dev/stdout`, a pipe) is written directly;
// - any write error (a full disk) is returned, naming the file, and the
//   temporary file is removed; LLVM's signal handler removes it on Ctrl-C.
#pragma once

#include "llvm/Support/Error.h"

namespace modlint {

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text);

/// Whether writeFileAtomically(Path, ...) can succeed, asked before a long
/// run rather than learnt after it: the directory takes a temporary file
/// (one is created and removed), or the existing special file is writable.
/// The error names the file and the reason.
llvm::Error checkWritable(llvm::StringRef Path);

} // namespace modlint
