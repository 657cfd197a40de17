// Where cache entries live, and who may have written them. An entry decides
// which findings a run reports and which fix-its `--fix` applies, so a
// directory another local user can write into is never used: the
// directory is created private (0700), and one owned by someone else, or
// writable by group or others, is refused.
#pragma once

#include "llvm/Support/Error.h"
#include <optional>
#include <string>

namespace modlint {

/// $XDG_CACHE_HOME/modlint, or $HOME/.cache/modlint (absolute settings
/// only); none without either. Never a shared temporary directory.
std::optional<std::string> defaultCacheDirectory();

/// Creates what is missing of `Directory` (each new folder 0700 and checked
/// after creation) and checks the directory: it must be a directory owned
/// by this user and not writable by group or others. The error is one line
/// saying why not.
llvm::Error prepareCacheDirectory(llvm::StringRef Directory);

} // namespace modlint
