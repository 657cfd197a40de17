// Fix-its: applying them to the files (--fix) and writing them for
// clang-apply-replacements (--export-fixes).
#pragma once

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/Error.h"
#include <vector>

namespace modlint {

/// Applies every finding's fixes. Each file is rewritten through a
/// temporary file and a rename, so an interrupted run never leaves it half
/// written. Returns the number of files changed.
llvm::Expected<unsigned>
applyFixes(const std::vector<clang::tidy::ClangTidyError> &Findings);

/// The findings that carry fixes, as clang-apply-replacements YAML.
llvm::Error exportFixes(const std::vector<clang::tidy::ClangTidyError> &Findings,
                        llvm::StringRef OutputFile);

} // namespace modlint
