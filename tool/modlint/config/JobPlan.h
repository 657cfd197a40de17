// Turns the selected files into lint jobs: one per distinct compile command
// of each file, each with the configuration that applies to the file.
#pragma once

#include "config/Config.h"
#include "core/Job.h"
#include "clang/Tooling/CompilationDatabase.h"

namespace modlint {

/// Jobs in file order. Identical commands for a file (same directory and
/// arguments) are linted once. Errors: a config file that does not parse or
/// a header filter that is not a valid regex.
llvm::Expected<std::vector<LintJob>>
planJobs(const clang::tooling::CompilationDatabase &Database,
         const std::vector<std::string> &Files, ConfigResolver &Configs,
         const std::string &ProjectRoot);

/// Whether `File` (relative to the project root) belongs to shard `Index`
/// (1-based) of `Count`. Stable: a file stays in its shard as others come
/// and go, and all of a file's units go together.
bool inShard(llvm::StringRef File, unsigned Index, unsigned Count);

} // namespace modlint
