// The level a finding is reported at, named as every report writes it.
#pragma once

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringRef.h"

namespace modlint {

/// "warning", "suggestion" (to declare a never-modified member const; a
/// remark in clang's text) or "error". "note" is only ever a note attached
/// to a finding.
llvm::StringRef levelName(const clang::tidy::ClangTidyError &Error);

} // namespace modlint
