// Path helpers shared by the command's parts.
#pragma once

#include "llvm/ADT/StringRef.h"
#include <string>

namespace modlint {

/// `Path` made absolute against the current directory and normalised.
std::string absolutePath(llvm::StringRef Path);

/// `Path` is strictly inside `Directory` (both absolute and normalised).
bool isUnder(llvm::StringRef Path, llvm::StringRef Directory);

} // namespace modlint
