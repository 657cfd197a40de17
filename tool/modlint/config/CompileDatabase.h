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

/// The units a run lints.
struct UnitSelection {
  /// Absolute paths, sorted, without duplicates.
  std::vector<std::string> Files;
  /// Those of Files the database has no entry for: C or C++ sources or
  /// headers named on the command line, linted with a command inferred
  /// from the database's nearest entry (clang's interpolation, as
  /// clang-tidy and clangd infer one).
  std::vector<std::string> Inferred;
};

/// The database's source files under any of `Paths` (files or directories,
/// relative to the current directory), and each file named in `Paths` that
/// is a C or C++ source or header without an entry of its own; all the
/// database's files when `Paths` is empty. Another file without an entry
/// is an error: it would otherwise be dropped without a word.
llvm::Expected<UnitSelection>
selectUnits(const clang::tooling::CompilationDatabase &Database,
            const std::vector<std::string> &Paths);

} // namespace modlint
