// The findings as JSON, for tools. The schema is documented in
// docs/json-format.md; `version` changes when it does.
#pragma once

#include "LintRunner.h"
#include "llvm/Support/raw_ostream.h"

namespace modlint {

struct ReportContext {
  std::string ProjectRoot;   // paths under it are written relative to it
  size_t Units = 0;          // translation units linted
};

void writeJsonReport(const LintResult &Result, const ReportContext &Context,
                     llvm::raw_ostream &OS);

/// `Path` relative to `Root` when it is under it, else unchanged.
std::string relativeTo(llvm::StringRef Path, llvm::StringRef Root);

/// "warning", "note" (the never-modified suggestion, a remark in clang's
/// text) or "error".
llvm::StringRef levelName(const clang::tidy::ClangTidyError &Error);

} // namespace modlint
