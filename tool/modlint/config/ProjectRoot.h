// Where the project is when --project-root does not say: the same answer
// from any working directory inside it, so that header findings, report
// paths and baseline fingerprints do not depend on where modlint was run.
#pragma once

#include "llvm/Support/Error.h"
#include <string>

namespace modlint {

/// The project root, searched upward from `WorkingDirectory`, then from
/// `DatabaseDirectory` (empty: none) when the working directory is outside
/// any project (a CI step run from elsewhere):
/// 1. the directory of the nearest `.modlint.yaml` or `.clang-tidy`, where
///    its configuration starts (a file with `InheritParentConfig: true`
///    hands over to the next one up);
/// 2. else the nearest directory holding `.git`;
/// then the database's directory, then the working directory. A config
/// file on the way that cannot be read or parsed is an error naming it.
llvm::Expected<std::string> discoverProjectRoot(llvm::StringRef WorkingDirectory,
                                                llvm::StringRef DatabaseDirectory);

} // namespace modlint
