// The level a finding is reported at, named as every report writes it.
#pragma once

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringRef.h"

namespace modlint {

/// "warning", "note" (the never-modified suggestion, a remark in clang's
/// text) or "error".
llvm::StringRef levelName(const clang::tidy::ClangTidyError &Error);

} // namespace modlint
