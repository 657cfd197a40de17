// Loading the compilation database and choosing the translation units to
// lint from the PATH arguments.
#pragma once

#include "core/Paths.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace modlint {

/// Loads `compile_commands.json` from a build directory, or the file itself.
/// A relative `directory` field is taken relative to the database's own
/// folder, so a database can be committed next to the sources it describes.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompileDatabase(llvm::StringRef BuildPathOrFile);

/// The database in `Text`, read from the file `Path`.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
parseCompileDatabase(llvm::StringRef Text, llvm::StringRef Path);

/// The database's source files under any of `Paths` (files or directories,
/// relative to the current directory); all of them when `Paths` is empty.
/// Sorted, without duplicates.
llvm::Expected<std::vector<std::string>>
selectUnits(const clang::tooling::CompilationDatabase &Database,
            const std::vector<std::string> &Paths);

} // namespace modlint
