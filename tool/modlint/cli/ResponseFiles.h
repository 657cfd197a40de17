// `@FILE` on modlint's command line stands for the arguments FILE holds
// (GNU quoting, as GCC and Clang read them), so that a build rule can pass
// a monorepo's file list without meeting the system's command-line limit,
// and `-- @flags.rsp` gives the compiler its flags as a database entry can.
#pragma once

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/Error.h"

namespace modlint {

/// Replaces each `@FILE` of `Args` by FILE's arguments (nested `@FILE`s
/// too); a `@FILE` that names no file stays as it is. The new arguments
/// live in `Arena`.
llvm::Error expandResponseFiles(llvm::BumpPtrAllocator &Arena,
                                llvm::SmallVectorImpl<const char *> &Args);

} // namespace modlint
