// Path helpers every layer of the command shares.
#pragma once

#include "llvm/ADT/StringRef.h"
#include <string>

namespace modlint {

/// `Path` made absolute against the current directory and normalised.
std::string absolutePath(llvm::StringRef Path);

/// `Path` is strictly inside `Directory` (both absolute and normalised).
bool isUnder(llvm::StringRef Path, llvm::StringRef Directory);

/// `Path` relative to `Root` when it is under it, else unchanged.
std::string relativeTo(llvm::StringRef Path, llvm::StringRef Root);

} // namespace modlint
