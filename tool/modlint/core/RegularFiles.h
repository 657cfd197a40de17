// A file system that reads only regular files. Clang's tooling reads some
// files a database names on its own (response files, `@flags.rsp`); through
// this view a FIFO there is refused instead of waited on, and an endless
// device instead of read until memory runs out.
#pragma once

#include "llvm/Support/VirtualFileSystem.h"

namespace modlint {

/// The real file system, refusing to open anything but a regular file.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> regularFilesOnly();

} // namespace modlint
