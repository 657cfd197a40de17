#include "core/Levels.h"

namespace modlint {

llvm::StringRef levelName(const clang::tidy::ClangTidyError &Error) {
  switch (Error.DiagLevel) {
  case clang::tooling::Diagnostic::Error:
    return "error";
  case clang::tooling::Diagnostic::Remark:
    return "suggestion";
  case clang::tooling::Diagnostic::Warning:
    break;
  }
  return "warning";
}

} // namespace modlint
