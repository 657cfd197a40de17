// Writing a file so that readers see the old content or the new, never a
// half-written one: through a temporary file in the same directory and a
// rename.
#pragma once

#include "llvm/Support/Error.h"

namespace modlint {

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text);

} // namespace modlint
