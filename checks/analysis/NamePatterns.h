// Globs on qualified function names, the form of the options that name a
// team's own functions (`BlockingFunctions`, `CallbackFunctions`).
#pragma once

#include "llvm/Support/GlobPattern.h"
#include <string>
#include <vector>

namespace modlint {

/// The patterns of an option's globs; those that do not parse are dropped.
std::vector<llvm::GlobPattern> namePatterns(const std::vector<std::string> &Globs);

/// Whether any pattern matches `QualifiedName` (`app::Db::queryRows`).
bool matchesAnyName(const std::vector<llvm::GlobPattern> &Patterns,
                    llvm::StringRef QualifiedName);

} // namespace modlint
